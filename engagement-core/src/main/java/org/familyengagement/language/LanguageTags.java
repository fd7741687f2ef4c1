package org.familyengagement.language;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Well-formedness of BCP 47 language tags. */
public final class LanguageTags {
    private LanguageTags() {
    }

    /** True when {@code tag} is a well-formed BCP 47 tag ({@code es}, {@code es-MX}, {@code zh-Hant}). */
    public static boolean isWellFormed(String tag) {
        if (tag == null || tag.isEmpty()) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
