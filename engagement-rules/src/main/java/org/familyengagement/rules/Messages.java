package org.familyengagement.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.ibm.icu.text.MessageFormat;

/**
 * Finding messages in one language, from ICU message patterns (plural-aware: "1 school day",
 * "3 school days"). A pattern comes from the bundle {@code org/familyengagement/rules/messages}
 * under the rule id, else from the rule's {@code @message}, else its {@code @title}.
 * The bundle never falls back to the JVM's default locale, so output does not depend on the
 * machine. Not thread-safe: one per session.
 */
final class Messages {
    static final String BUNDLE = "org.familyengagement.rules.messages";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<String, MessageFormat> formats = new HashMap<>();

    Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String format(RuleMetadata.Info rule, Map<String, Object> arguments) {
        MessageFormat format = formats.computeIfAbsent(rule.id(), id -> new MessageFormat(pattern(rule), locale));
        return format.format(arguments);
    }

    private String pattern(RuleMetadata.Info rule) {
        try {
            return bundle.getString(rule.id());
        } catch (MissingResourceException notBuiltIn) {
            if (rule.message() != null) {
                return rule.message();
            }
            return rule.title() != null ? rule.title() : rule.id();
        }
    }
}
