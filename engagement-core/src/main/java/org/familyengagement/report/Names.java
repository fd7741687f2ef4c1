package org.familyengagement.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

/**
 * How every output names languages and group labels: by name in the report's language, never as
 * a raw code ({@code so} reads "Somali" in English, "somalí" in Spanish), from ICU's CLDR display
 * names. Thread-safe.
 */
public final class Names {
    private Names() {
    }

    /**
     * A BCP 47 language tag's display name in {@code locale}: {@code zh-Hant} reads "Chinese
     * (Traditional)". A tag ICU has no name for is returned as it is.
     */
    public static String language(String tag, Locale locale) {
        Objects.requireNonNull(tag, "tag");
        ULocale display = ULocale.forLocale(Objects.requireNonNull(locale, "locale"));
        ULocale language = ULocale.forLanguageTag(tag);
        if (language.getLanguage().isEmpty()) {
            return tag;
        }
        if (language.getDisplayLanguage(display).equals(language.getLanguage())) {
            return tag;
        }
        return language.getDisplayNameWithDialect(display);
    }

    /**
     * Language tags as one list in {@code locale}, by name: {@code [so, ht]} reads "Somali and
     * Haitian Creole", "somalí y criollo haitiano" (ICU's list format).
     */
    public static String languages(List<String> tags, Locale locale) {
        List<String> names = new ArrayList<>(tags.size());
        for (String tag : tags) {
            names.add(language(tag, locale));
        }
        return ListFormatter.getInstance(ULocale.forLocale(Objects.requireNonNull(locale, "locale"))).format(names);
    }

    /**
     * A group label as a report shows it: a language's name when the dimension names languages
     * ({@link #isLanguageDimension}), else the label as the data gives it ({@code frl}).
     */
    public static String label(Group group, Locale locale) {
        Objects.requireNonNull(group, "group");
        return isLanguageDimension(group.dimension()) ? language(group.label(), locale) : group.label();
    }

    /**
     * True when a dimension's labels are language tags: its name ends in "language" or "languages",
     * in any case ({@code homeLanguage}, {@code language}).
     */
    public static boolean isLanguageDimension(String dimension) {
        String lower = dimension.toLowerCase(Locale.ROOT);
        return lower.endsWith("language") || lower.endsWith("languages");
    }
}
