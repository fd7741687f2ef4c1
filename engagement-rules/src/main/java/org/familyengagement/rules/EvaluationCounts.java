package org.familyengagement.rules;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import org.familyengagement.rules.internal.PartitionCounts;

/**
 * What one partition of a dataset (some of its families) adds to the rules that look across
 * families: the group rates, the broadcast tallies, the district's topic coverage and the report's
 * coverage counts. Made by {@link RuleEngine#count}; the counts of disjoint partitions add up with
 * {@link #plus} (in any order) to the whole dataset's, which {@link RuleEngine#judge} judges each
 * partition against. Serializable, so that partitions counted on other machines can be added up on
 * one (the Spark job's reduce); immutable.
 */
public final class EvaluationCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PartitionCounts counts;

    EvaluationCounts(PartitionCounts counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** The instant of judgement. */
    public Instant asOf() {
        return counts.asOf();
    }

    /** How many families were counted. */
    public int families() {
        return counts.families();
    }

    /**
     * The counts of this partition and another, disjoint one.
     *
     * @throws IllegalArgumentException when they were counted as of another instant or by an engine with other rules
     */
    public EvaluationCounts plus(EvaluationCounts other) {
        return new EvaluationCounts(counts.plus(Objects.requireNonNull(other, "other").counts));
    }

    PartitionCounts counts() {
        return counts;
    }
}
