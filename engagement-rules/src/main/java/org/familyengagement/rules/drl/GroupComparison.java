package org.familyengagement.rules.drl;

import java.math.BigDecimal;
import java.util.Objects;

import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;

/**
 * DRL vocabulary: one eligible label compared with its dimension's reference label (the eligible label with the
 * highest rate). The group rules flag a comparison whose rate is below {@code disparity.ratio}
 * times the reference rate ({@link #isBelowRatio}) and whose {@link #fisherPValue()} is below
 * {@code disparity.alpha}.
 *
 * <p>The Fisher exact test runs only when asked, at most once: rules test the ratio first, so a
 * label that is not below it never pays for the test (at 100k families one test can cost
 * milliseconds, and a live update re-derives every comparison of the labels it touches).
 * Equal when subject and reference are equal. Not thread-safe (a session is single-threaded).
 */
public final class GroupComparison {
    private final GroupRate subject;
    private final GroupRate reference;
    private double fisherPValue = Double.NaN;

    /**
     * @param subject   the label compared
     * @param reference the dimension's reference label
     */
    public GroupComparison(GroupRate subject, GroupRate reference) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** Compares a label with the reference. */
    public static GroupComparison of(GroupRate subject, GroupRate reference) {
        return new GroupComparison(subject, reference);
    }

    public GroupRate subject() {
        return subject;
    }

    public GroupRate reference() {
        return reference;
    }

    /** The one-sided Fisher exact test, alternative "the subject's rate is lower". */
    public double fisherPValue() {
        if (Double.isNaN(fisherPValue)) {
            fisherPValue = subject.pValueAgainst(reference);
        }
        return fisherPValue;
    }

    public GroupRate.Measure measure() {
        return subject.measure();
    }

    /** The label compared, as findings name it. */
    public Group group() {
        return subject.label();
    }

    /** The subject's rate. */
    public double rate() {
        return subject.rate();
    }

    public double referenceRate() {
        return reference.rate();
    }

    /** {@code rate / referenceRate}; 0 when the reference rate is 0 (a reference never has rate 0). */
    public double ratio() {
        return reference.rate() == 0 ? 0 : subject.rate() / reference.rate();
    }

    /**
     * True when {@code rate < ratio x referenceRate}: the four-fifths test of docs/rules.md. It is
     * decided on the counts, {@code successes x referenceN < ratio x referenceSuccesses x n}, with
     * the policy's ratio taken as the decimal it was written as, so that a rate exactly at the
     * threshold is not below it: 60/100 against 60/80 is exactly 0.8, but {@code 0.6 / 0.75} is
     * {@code 0.7999999999999999} in doubles.
     */
    public boolean isBelowRatio(double ratio) {
        if (subject.n() == 0 || reference.n() == 0) {
            return rate() < ratio * referenceRate();
        }
        BigDecimal left = BigDecimal.valueOf((long) subject.successes() * reference.n());
        BigDecimal right = BigDecimal.valueOf(ratio)
                .multiply(BigDecimal.valueOf((long) reference.successes() * subject.n()));
        return left.compareTo(right) < 0;
    }

    /** The figures a finding carries. */
    public Metrics metrics() {
        return new Metrics(subject.n(), subject.rate(), reference.label().label(), reference.rate(), ratio(),
                fisherPValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupComparison that && subject.equals(that.subject)
                && reference.equals(that.reference);
    }

    @Override
    public int hashCode() {
        return 31 * subject.hashCode() + reference.hashCode();
    }

    @Override
    public String toString() {
        return "GroupComparison[" + subject + " against " + reference + "]";
    }
}
