package org.familyengagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class NamesTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void languagesReadByNameInTheReportLanguage() {
        assertThat(Names.language("so", Locale.ENGLISH)).isEqualTo("Somali");
        assertThat(Names.language("so", SPANISH)).isEqualTo("somalí");
        assertThat(Names.language("ht", Locale.ENGLISH)).isEqualTo("Haitian Creole");
        assertThat(Names.language("ht", SPANISH)).isEqualTo("criollo haitiano");
        assertThat(Names.language("zh-Hant", Locale.ENGLISH)).isEqualTo("Traditional Chinese");
    }

    @Test
    void aListOfLanguagesReadsAsAPhrase() {
        assertThat(Names.languages(java.util.List.of("so", "ht", "es"), Locale.ENGLISH))
                .isEqualTo("Somali, Haitian Creole, and Spanish");
        assertThat(Names.languages(java.util.List.of("so", "ht"), SPANISH)).isEqualTo("somalí y criollo haitiano");
        assertThat(Names.languages(java.util.List.of(), Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aTagIcuCannotNameStaysAsItIs() {
        assertThat(Names.language("xx-bogus", Locale.ENGLISH)).isEqualTo("xx-bogus");
        assertThat(Names.language("", Locale.ENGLISH)).isEmpty();
    }

    @Test
    void onlyLanguageDimensionsAreNamedAsLanguages() {
        assertThat(Names.label(new Group("homeLanguage", "so"), Locale.ENGLISH)).isEqualTo("Somali");
        assertThat(Names.label(new Group("language", "vi"), SPANISH)).isEqualTo("vietnamita");
        // "es" as an income label is not Spanish.
        assertThat(Names.label(new Group("income", "es"), Locale.ENGLISH)).isEqualTo("es");
        assertThat(Names.isLanguageDimension("homeLanguages")).isTrue();
        assertThat(Names.isLanguageDimension("housing")).isFalse();
    }
}
