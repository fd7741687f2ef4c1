package org.familyengagement.report;

import java.io.Serializable;
import java.util.Objects;

/**
 * The figures behind a group finding.
 *
 * @param n              the label's size: families, or inputs for response rates
 * @param rate           the label's rate
 * @param referenceLabel the label with the highest rate, compared against
 * @param referenceRate  its rate
 * @param ratio          {@code rate / referenceRate}
 * @param pValue         one-sided Fisher exact test, alternative "the label's rate is lower"
 */
public record Metrics(int n, double rate, String referenceLabel, double referenceRate, double ratio,
                      double pValue) implements Serializable {
    public Metrics {
        Objects.requireNonNull(referenceLabel, "referenceLabel");
    }

    /**
     * True when the p-value is within a factor of two of {@code alpha} ({@code alpha / 2 <= p < 2 alpha}):
     * a gap this close to the significance line could as well be chance among the many labels
     * compared, so every output marks it as borderline rather than let it read as certain.
     */
    public boolean isBorderline(double alpha) {
        return pValue >= alpha / 2 && pValue < 2 * alpha;
    }
}
