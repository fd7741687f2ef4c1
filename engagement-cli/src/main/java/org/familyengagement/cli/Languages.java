package org.familyengagement.cli;

import java.util.List;
import java.util.Locale;

import org.familyengagement.language.LanguageTags;

/** The {@code --lang} option: a BCP 47 tag whose language the CLI has texts for. */
final class Languages {
    private Languages() {
    }

    /** The locale of {@code tag}; English, with a problem, when it is ill-formed or has no texts. */
    static Locale parse(String option, String tag, List<String> problems) {
        if (!LanguageTags.isWellFormed(tag)) {
            problems.add(option + ": \"" + tag + "\" is not a BCP 47 language tag; try en or es");
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(tag);
        if (!Texts.isAvailable(locale)) {
            problems.add(option + ": no texts in \"" + tag + "\"; available: " + String.join(", ", Texts.LANGUAGES));
            return Locale.ENGLISH;
        }
        return locale;
    }
}
