package org.familyengagement.language;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Well-formedness of BCP 47 language tags. */
public final class LanguageTags {
    /** A dataset repeats a handful of tags millions of times; hostile input cannot grow this past the cap. */
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();

    private LanguageTags() {
    }

    /** True when {@code tag} is a well-formed BCP 47 tag ({@code es}, {@code es-MX}, {@code zh-Hant}). */
    public static boolean isWellFormed(String tag) {
        if (tag == null || tag.isEmpty()) {
            return false;
        }
        Boolean known = CHECKED.get(tag);
        if (known != null) {
            return known;
        }
        boolean wellFormed = check(tag);
        if (CHECKED.size() < CACHE_LIMIT) {
            CHECKED.put(tag, wellFormed);
        }
        return wellFormed;
    }

    private static boolean check(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
