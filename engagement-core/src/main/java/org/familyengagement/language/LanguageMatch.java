package org.familyengagement.language;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.LocaleMatcher;
import com.ibm.icu.util.ULocale;

/**
 * Whether a contact's language serves a family that reads or speaks a given language.
 *
 * <p>Two tags match when they name the same written language: region and variant differences
 * are tolerated ({@code es}, {@code es-MX} and {@code es-419} match), a different script is a
 * different written language ({@code zh-Hans} does not match {@code zh-Hant}), and different
 * languages never match.
 *
 * <p>ICU4J's {@link LocaleMatcher} judges the pair with the family's language as the desired
 * locale and the contact's as the supported one. Its CLDR data also accepts one-way fallbacks
 * (a Somali or Haitian Creole reader "accepts" English or French) and some close languages
 * (Norwegian and Danish); those are exactly the exclusions the rules exist to catch, so the
 * matcher is limited to two-way matches and, on top of it, the likely language and script
 * subtags of both tags must be equal. Results are cached: a district has few distinct tags.
 * Thread-safe.
 */
public final class LanguageMatch {
    private static final LanguageMatch INSTANCE = new LanguageMatch();

    private final LocaleMatcher matcher = LocaleMatcher.builder()
            .setNoDefaultLocale()
            .setDirection(LocaleMatcher.Direction.ONLY_TWO_WAY)
            .setFavorSubtag(LocaleMatcher.FavorSubtag.SCRIPT)
            .build();
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    private LanguageMatch() {
    }

    /** The shared, thread-safe instance. */
    public static LanguageMatch instance() {
        return INSTANCE;
    }

    /** True when content in {@code contactLanguage} serves a reader of {@code familyLanguage}. */
    public boolean matches(String familyLanguage, String contactLanguage) {
        if (familyLanguage.equalsIgnoreCase(contactLanguage)) {
            return true;
        }
        return cache.computeIfAbsent(familyLanguage + '\u0000' + contactLanguage,
                key -> compute(familyLanguage, contactLanguage));
    }

    /** True when {@code contactLanguage} matches any of the family's languages. */
    public boolean matchesAny(List<String> familyLanguages, String contactLanguage) {
        for (String familyLanguage : familyLanguages) {
            if (matches(familyLanguage, contactLanguage)) {
                return true;
            }
        }
        return false;
    }

    private boolean compute(String familyLanguage, String contactLanguage) {
        ULocale desired = ULocale.addLikelySubtags(ULocale.forLanguageTag(familyLanguage));
        ULocale supported = ULocale.addLikelySubtags(ULocale.forLanguageTag(contactLanguage));
        if (!desired.getLanguage().equals(supported.getLanguage())
                || !desired.getScript().equals(supported.getScript())) {
            return false;
        }
        return matcher.isMatch(desired, supported);
    }
}
