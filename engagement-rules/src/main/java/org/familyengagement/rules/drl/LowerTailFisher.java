package org.familyengagement.rules.drl;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * The one-sided ("less") Fisher exact test, bit for bit the p-value of Commons Statistics'
 * {@code FisherExactTest} (1.2), computed with a fraction of its work for the small p-values the
 * group rules meet. A live session re-derives a comparison whenever a tally it reads changes, so
 * this cost is paid on live updates.
 *
 * <p>The library's {@code cumulativeProbability(a)} first sums the probabilities from the lower
 * bound of the support up to the distribution's midpoint (where the sum nears 1/2), then, for
 * {@code a} below the midpoint, sums them again up to {@code a}. Both sums are prefix sums of the
 * same terms in the same order, so when the prefix sum up to {@code a} is below 1/2 it <em>is</em>
 * the library's answer (whether {@code a} is below the midpoint or the midpoint itself); only
 * otherwise is the library asked. Terms too small to be anything but {@code 0.0} as a double add
 * nothing to the sum and are skipped: the log-probability rises up to the mode (the distribution
 * is log-concave), so a binary search finds where they end. {@code LowerTailFisherTest} holds
 * the results equal to the library's on random and boundary tables.
 */
final class LowerTailFisher {
    private static final FisherExactTest LIBRARY = FisherExactTest.withDefaults()
            .with(AlternativeHypothesis.LESS_THAN);
    /**
     * Below this log-probability a term's {@code Math.exp} is exactly 0 (the smallest double,
     * about {@code 4.9e-324}, is {@code exp(-744.4)}); the margin covers the rounding of the
     * log-probability itself many times over.
     */
    private static final double UNDERFLOW_LOG = -800;
    private static final double HALF = 0.5;

    private LowerTailFisher() {
    }

    /** The p-value of {@code [[a, b], [c, d]]}, alternative "the first row's rate is lower". */
    static double pValue(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0 || (long) a + b + c + d > Integer.MAX_VALUE || a + b + c + d == 0) {
            return library(a, b, c, d); // the library words the error
        }
        HypergeometricDistribution distribution = HypergeometricDistribution.of(a + b + c + d, a + b, a + c);
        int lower = distribution.getSupportLowerBound();
        if (a >= distribution.getSupportUpperBound()) {
            return 1.0;
        }
        // The first term that can be non-zero: log-probabilities rise from the lower bound to a
        // when a is below the mode; otherwise start at the lower bound.
        int first = lower;
        if (distribution.logProbability(lower) < UNDERFLOW_LOG) {
            if (distribution.logProbability(a) < UNDERFLOW_LOG) {
                return fromLibraryIfAboveMode(distribution, a, a, b, c, d);
            }
            int lo = lower; // logProbability(lo) < UNDERFLOW_LOG
            int hi = a;     // logProbability(hi) >= UNDERFLOW_LOG
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (distribution.logProbability(mid) < UNDERFLOW_LOG) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            first = hi;
        }
        double sum = 0;
        for (int x = first; x <= a; x++) {
            sum += Math.exp(distribution.logProbability(x));
        }
        return sum < HALF ? sum : library(a, b, c, d);
    }

    /**
     * Every term up to {@code a} underflows when {@code a} is on the rising side: the sum is 0.
     * On the falling side (past the mode) the skipped terms were not the ones below {@code a}, so
     * the library answers.
     */
    private static double fromLibraryIfAboveMode(HypergeometricDistribution distribution, int x,
                                                 int a, int b, int c, int d) {
        return x + 1 <= distribution.getSupportUpperBound()
                && distribution.logProbability(x + 1) > distribution.logProbability(x) ? 0.0 : library(a, b, c, d);
    }

    private static double library(int a, int b, int c, int d) {
        return LIBRARY.test(new int[][] {{a, b}, {c, d}}).getPValue();
    }
}
