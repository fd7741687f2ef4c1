package org.familyengagement.rules.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.MessageFormat;
import org.familyengagement.internal.Bundle;
import org.familyengagement.rules.RuleEngine;

/**
 * The texts of the rules in one language, from the bundle {@code org/familyengagement/rules/messages}:
 * finding messages as ICU message patterns (plural-aware: "1 school day", "3 school days") under
 * the rule id, and titles and rationales under {@code <id>.title} and {@code <id>.rationale}.
 * English titles and rationales are the rules' own {@code @title} and {@code @rationale} in their
 * DRL; other languages translate them in the bundle. A message pattern comes from the bundle,
 * else from the rule's {@code @message}, else its title.
 *
 * <p>The bundle never falls back to the JVM's default locale, so output does not depend on the
 * machine. Not thread-safe: one per session.
 */
final class Messages {
    private final Locale locale;
    private final Bundle bundle;
    private static final int MAX_CACHED_PER_RULE = 1024;

    private final Map<String, MessageFormat> formats = new HashMap<>();
    private final Map<String, Map<Map<String, Object>, String>> formatted = new HashMap<>();

    Messages(Locale locale) {
        this.locale = locale;
        this.bundle = Bundle.load(name -> RuleEngine.class.getResourceAsStream(name), "messages", locale);
    }

    Locale locale() {
        return locale;
    }

    String format(RuleMetadata.Info rule, Map<String, Object> arguments) {
        // Many findings of a rule share their arguments (no-progress-contact has one message for every
        // family): formatting with ICU costs microseconds, a lookup far less.
        Map<Map<String, Object>, String> cache = formatted.computeIfAbsent(rule.id(), id -> new HashMap<>());
        String message = cache.get(arguments);
        if (message == null) {
            MessageFormat format = formats.computeIfAbsent(rule.id(), id -> new MessageFormat(pattern(rule), locale));
            message = format.format(arguments);
            if (cache.size() < MAX_CACHED_PER_RULE && isValueMap(arguments)) {
                cache.put(new HashMap<>(arguments), message);
            }
        }
        return message;
    }

    /** True when every argument is an immutable value, so that equal arguments format alike later too. */
    private static boolean isValueMap(Map<String, Object> arguments) {
        for (Object value : arguments.values()) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean || value instanceof Enum<?>)) {
                return false;
            }
        }
        return true;
    }

    /** The message pattern of a rule in this language. */
    String pattern(RuleMetadata.Info rule) {
        String pattern = lookup(rule.id());
        if (pattern != null) {
            return pattern;
        }
        return rule.message() != null ? rule.message() : title(rule);
    }

    String title(RuleMetadata.Info rule) {
        String title = lookup(rule.id() + ".title");
        return title != null ? title : rule.title();
    }

    String rationale(RuleMetadata.Info rule) {
        String rationale = lookup(rule.id() + ".rationale");
        return rationale != null ? rationale : rule.rationale();
    }

    /** A text of the engine's own (not a rule's) under {@code key}, formatted with named arguments. */
    String text(String key, Map<String, Object> arguments) {
        String pattern = lookup(key);
        if (pattern == null) {
            throw new IllegalStateException("no text \"" + key + "\" in the rules' message bundle");
        }
        return formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale)).format(arguments);
    }

    private String lookup(String key) {
        return bundle.get(key);
    }
}
