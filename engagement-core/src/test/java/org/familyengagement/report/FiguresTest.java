package org.familyengagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    @Test
    void theKeptFormatsGiveEveryThreadTheSameFiguresAsOneThread() throws Exception {
        // The formats are shared between threads (parallel batch evaluation words group findings
        // on several): each figure must read as it does alone, whatever runs beside it.
        List<String> alone = figures();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> figures()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> figures() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            double x = (i * 7919 % 10007) / 10007.0;
            Locale locale = i % 2 == 0 ? Locale.ENGLISH : ES;
            out.add(Figures.ratio(x, locale) + " " + Figures.pValue(x / 20, locale) + " " + Figures.percent(x, locale));
        }
        return out;
    }
}
