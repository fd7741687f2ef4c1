package org.familyengagement.rules.drl;

import java.util.Objects;

import org.familyengagement.policy.Policy;
import org.familyengagement.report.Group;

/**
 * DRL vocabulary: the tally of one rate for one group label: how many families (or inputs) there are and how
 * many succeeded. The engine counts them in Java and inserts one per label and measure (none
 * for a disabled group rule; in a live session it updates those whose counts change); the group
 * rules compare the labels of a dimension.
 *
 * @param measure   what is counted
 * @param label     the label
 * @param n         families (reach) or due inputs (response) of the label
 * @param successes families reached, or inputs answered on time
 * @param families  distinct families behind {@code n}
 * @param eligible  {@code families >= disparity.minGroupSize}: only eligible labels are reported,
 *                  named or counted anywhere
 */
public record GroupRate(Measure measure, Group label, int n, int successes, int families, boolean eligible) {
    /** What a group rate counts. */
    public enum Measure {
        /** Families reached by a delivered outbound two-way contact in the window. */
        REACH,
        /** Due inputs answered on time. */
        RESPONSE,
        /** Families reached two-way that heard something positive (of those reached). */
        STRENGTHS
    }

    public GroupRate {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(label, "label");
        if (n < 0 || successes < 0 || successes > n || families < 0) {
            throw new IllegalArgumentException("impossible tally " + successes + "/" + n + " for " + label);
        }
    }

    /** A tally, eligible when its families reach the policy's minimum group size. */
    public static GroupRate of(Measure measure, Group label, int n, int successes, int families,
                               Policy policy) {
        return new GroupRate(measure, label, n, successes, families, families >= policy.disparity().minGroupSize());
    }

    /**
     * The tally of the same label and measure over another, disjoint, set of families added to this
     * one; eligibility is decided again on the sum.
     */
    public GroupRate plus(GroupRate other, Policy policy) {
        if (measure != other.measure || !label.equals(other.label)) {
            throw new IllegalArgumentException("cannot add the " + other.measure + " tally of " + other.label
                    + " to the " + measure + " tally of " + label);
        }
        return of(measure, label, n + other.n, successes + other.successes, families + other.families, policy);
    }

    public String dimension() {
        return label.dimension();
    }

    /** {@code successes / n}; 0 when {@code n} is 0. */
    public double rate() {
        return n == 0 ? 0 : (double) successes / n;
    }

    /**
     * True when this label ranks above {@code other} as a reference: a higher rate, or the same
     * rate and an alphabetically earlier label.
     */
    public boolean ranksAbove(GroupRate other) {
        int c = Double.compare(rate(), other.rate());
        return c > 0 || (c == 0 && label.label().compareTo(other.label.label()) < 0);
    }

    /**
     * The one-sided Fisher exact test of the table
     * {@code [[successes, failures], [reference successes, reference failures]]}, alternative
     * "this label's rate is lower": Apache Commons Statistics' p-value, bit for bit, computed
     * the shorter way {@link LowerTailFisher} describes.
     */
    public double pValueAgainst(GroupRate reference) {
        return LowerTailFisher.pValue(successes, n - successes, reference.successes, reference.n - reference.successes);
    }

    /** Counts and the dimension, never the label (see {@link Group#toString()}). */
    @Override
    public String toString() {
        return "GroupRate[" + measure + ", " + label + ", " + successes + "/" + n + ", " + families + " families"
                + (eligible ? "" : ", not eligible") + "]";
    }
}
