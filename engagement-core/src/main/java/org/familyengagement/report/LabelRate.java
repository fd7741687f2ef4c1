package org.familyengagement.report;

import java.util.Objects;

/**
 * One row of the equity table: the rate of one eligible group label under one group rule, beside
 * its dimension's reference label (the eligible label with the highest rate; ties: the
 * alphabetically first). The engine gives a row for every eligible label, flagged or not; a label
 * carried by fewer than the policy's {@code disparity.minGroupSize} families never has a row.
 *
 * @param ruleId         the group rule whose rate this is, for example {@code group-reach-disparity}
 * @param group          the label
 * @param n              families, or inputs for response rates
 * @param successes      how many of {@code n} succeeded (reached, answered on time...)
 * @param referenceLabel the dimension's reference label under this rule
 * @param referenceRate  its rate
 */
public record LabelRate(String ruleId, Group group, int n, int successes, String referenceLabel,
                        double referenceRate) implements Comparable<LabelRate> {
    public LabelRate {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(referenceLabel, "referenceLabel");
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("impossible rate " + successes + "/" + n + " for " + group);
        }
    }

    /** {@code successes / n}; 0 when {@code n} is 0. */
    public double rate() {
        return n == 0 ? 0 : (double) successes / n;
    }

    /** {@code rate / referenceRate}; 0 when the reference rate is 0. */
    public double ratio() {
        return referenceRate == 0 ? 0 : rate() / referenceRate;
    }

    /** True for the reference label itself. */
    public boolean isReference() {
        return group.label().equals(referenceLabel);
    }

    /** Rule, then dimension, then label. */
    @Override
    public int compareTo(LabelRate other) {
        int c = ruleId.compareTo(other.ruleId);
        return c != 0 ? c : group.compareTo(other.group);
    }
}
