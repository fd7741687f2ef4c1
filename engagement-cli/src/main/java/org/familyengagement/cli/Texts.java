package org.familyengagement.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.familyengagement.internal.Bundle;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.RuleInfo;

/**
 * The command line's own strings in one language: ICU message patterns (plural-aware) from the
 * bundle {@code org/familyengagement/cli/text}. English is the base bundle; Spanish is bundled.
 * The bundle never falls back to the JVM's default locale, so output does not depend on the
 * machine. Not thread-safe.
 */
final class Texts {
    /** The languages the bundle has, by primary language subtag. */
    static final List<String> LANGUAGES = List.of("en", "es");

    private final Locale locale;
    private final Bundle bundle;
    private final Map<String, MessageFormat> formats = new HashMap<>();

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = Bundle.load(Texts.class::getResourceAsStream, "text", locale);
    }

    private String text(String key) {
        String text = bundle.get(key);
        if (text == null) {
            throw new IllegalStateException("no text \"" + key + "\" in the CLI's bundle");
        }
        return text;
    }

    /** English. */
    static Texts english() {
        return new Texts(Locale.ENGLISH);
    }

    /** The texts of a locale whose language is one of {@link #LANGUAGES}. */
    static Texts of(Locale locale) {
        if (!isAvailable(locale)) {
            throw new IllegalArgumentException("no texts in " + locale.toLanguageTag());
        }
        return new Texts(locale);
    }

    static boolean isAvailable(Locale locale) {
        return LANGUAGES.contains(locale.getLanguage());
    }

    Locale locale() {
        return locale;
    }

    /** The message {@code key} with named arguments given as {@code name, value, name, value, ...}. */
    String get(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments of " + key + " must come in name, value pairs");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return format(key, arguments);
    }

    /** The message {@code key} with named arguments. */
    String format(String key, Map<String, Object> arguments) {
        MessageFormat format = formats.computeIfAbsent(key,
                k -> new MessageFormat(text(k), ULocale.forLocale(locale)));
        return format.format(arguments);
    }

    /** A category's name, as a coordinator reads it. */
    String category(Category category) {
        return get("category." + category.name());
    }

    /** A severity, as a coordinator reads it. */
    String severity(Severity severity) {
        return get("severity." + severity.name());
    }
}
