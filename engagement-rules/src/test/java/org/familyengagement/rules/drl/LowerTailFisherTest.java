package org.familyengagement.rules.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

/**
 * The shortened lower-tail Fisher test gives Commons Statistics' p-value bit for bit: findings carry
 * the p-value, and live must equal batch and today's reports.
 */
class LowerTailFisherTest {
    private static final FisherExactTest LIBRARY = FisherExactTest.withDefaults()
            .with(AlternativeHypothesis.LESS_THAN);

    private static void assertSameAsLibrary(int a, int b, int c, int d) {
        double expected = LIBRARY.test(new int[][] {{a, b}, {c, d}}).getPValue();
        double actual = LowerTailFisher.pValue(a, b, c, d);
        assertThat(Double.doubleToRawLongBits(actual))
                .as("[[%d, %d], [%d, %d]]: library %s, shortened %s", a, b, c, d, expected, actual)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void equalsTheLibraryOnTheSampleDistrictsComparisons() {
        // Tables of the group comparisons at 100k families (probes.FisherCost): tiny p, p of 0.0,
        // p near alpha, and rates above the reference's (p near 1: the library's own path).
        int[][] tables = {
            {1492, 3892 - 1492, 69000, 96108 - 69000},
            {181, 800 - 181, 28400, 71250 - 28400},
            {12000, 19500 - 12000, 47000, 71250 - 47000},
            {1100, 1200 - 1100, 66900, 71250 - 66900},
            {40, 52, 14000, 18368 - 14000},
            {30000, 19179, 33000, 17821},
            {33000, 17821, 30000, 19179},
        };
        for (int[] t : tables) {
            assertSameAsLibrary(t[0], t[1], t[2], t[3]);
        }
    }

    @Test
    void equalsTheLibraryOnRandomTablesOfEverySize() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 3000; i++) {
            int scale = new int[] {5, 50, 1000, 20000, 100000}[i % 5];
            int n1 = 1 + random.nextInt(scale);
            int n2 = 1 + random.nextInt(scale);
            double rate2 = random.nextDouble();
            double rate1 = Math.max(0, Math.min(1, rate2 * (0.2 + random.nextDouble())));
            int a = (int) Math.round(n1 * rate1);
            int c = (int) Math.round(n2 * rate2);
            assertSameAsLibrary(a, n1 - a, c, n2 - c);
        }
    }

    @Test
    void equalsTheLibraryAtTheEdgesOfTheSupport() {
        assertSameAsLibrary(0, 10, 0, 10);
        assertSameAsLibrary(0, 0, 5, 5);
        assertSameAsLibrary(10, 0, 10, 0);
        assertSameAsLibrary(0, 10, 10, 0);
        assertSameAsLibrary(10, 0, 0, 10);
        assertSameAsLibrary(0, 100000, 100000, 0);
        assertSameAsLibrary(1, 0, 0, 0);
        assertSameAsLibrary(50, 50, 50, 50);
        assertSameAsLibrary(49, 51, 50, 50);
    }

    @Test
    void refusesAnImpossibleTableAsTheLibraryDoes() {
        assertThatThrownBy(() -> LowerTailFisher.pValue(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LowerTailFisher.pValue(-1, 2, 3, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
