package org.familyengagement.rules;

import java.util.Objects;

import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;

/**
 * One eligible label compared with its dimension's reference label (the eligible label with the
 * highest rate). The group rules flag a comparison whose {@code ratio} (its rate over the
 * reference rate) is below {@code disparity.ratio} and whose {@code fisherPValue} is below
 * {@code disparity.alpha}.
 *
 * @param subject   the label compared
 * @param reference the dimension's reference label
 * @param fisherPValue the one-sided Fisher exact test, alternative "the subject's rate is lower"
 */
public record GroupComparison(GroupRate subject, GroupRate reference, double fisherPValue) {
    public GroupComparison {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reference, "reference");
    }

    /** Compares a label with the reference, running the Fisher exact test once. */
    public static GroupComparison of(GroupRate subject, GroupRate reference) {
        return new GroupComparison(subject, reference, subject.pValueAgainst(reference));
    }

    public GroupRate.Measure measure() {
        return subject.measure();
    }

    /** The label compared, as findings name it. */
    public Group group() {
        return subject.label().group();
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

    /** The figures a finding carries. */
    public Metrics metrics() {
        return new Metrics(subject.n(), subject.rate(), reference.label().label(), reference.rate(), ratio(), fisherPValue);
    }
}
