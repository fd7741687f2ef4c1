package org.familyengagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class FiguresTest {
    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void aRatioIsCutNeverRoundedSoAFlaggedGapNeverReadsAsTheThreshold() {
        assertThat(Figures.ratio(0.7994, Locale.ENGLISH)).isEqualTo("0.79");
        assertThat(Figures.ratio(0.4667, Locale.ENGLISH)).isEqualTo("0.46");
        assertThat(Figures.ratio(0.8, Locale.ENGLISH)).isEqualTo("0.80");
        assertThat(Figures.ratio(1, Locale.ENGLISH)).isEqualTo("1.00");
        assertThat(Figures.ratio(0.7994, ES)).isEqualTo("0,79");
    }

    @Test
    void aPValueHasThreeSignificantDigitsCutOrReadsAsBelowOneInAThousand() {
        assertThat(Figures.pValue(0.04997, Locale.ENGLISH)).isEqualTo("p = 0.0499");
        assertThat(Figures.pValue(0.002932, Locale.ENGLISH)).isEqualTo("p = 0.00293");
        assertThat(Figures.pValue(0.001, Locale.ENGLISH)).isEqualTo("p = 0.001");
        assertThat(Figures.pValue(0.0009999, Locale.ENGLISH)).isEqualTo("p < 0.001");
        assertThat(Figures.pValue(2.223E-4, Locale.ENGLISH)).isEqualTo("p < 0.001");
        assertThat(Figures.pValue(0.04997, ES)).isEqualTo("p = 0,0499");
        assertThat(Figures.pValue(2.223E-4, ES)).isEqualTo("p < 0,001");
    }

    @Test
    void aRateIsAWholePercentage() {
        assertThat(Figures.percent(0.641, Locale.ENGLISH)).isEqualTo("64%");
        assertThat(Figures.percent(0.641, ES)).isEqualTo("64\u00a0%");
    }
}
