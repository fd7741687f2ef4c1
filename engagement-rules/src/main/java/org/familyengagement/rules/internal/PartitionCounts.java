package org.familyengagement.rules.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.familyengagement.report.Group;
import org.familyengagement.rules.drl.EvaluationContext;

/**
 * What one share of a dataset's families adds to the rules that look across families: how many
 * families carry each group label, the group tallies ({@link GroupTallies#counts}) and the
 * district tallies ({@link DistrictTallies.Counts}). Shares of disjoint families add up with
 * {@link #plus}, in any order and grouping, to the whole dataset's counts, which every share is then
 * judged against. Serializable, so that shares counted on other machines (Spark executors) can be
 * added on one. Immutable.
 */
public final class PartitionCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Instant asOf;
    private final SortedSet<String> ruleIds;
    private final int families;
    private final SortedMap<Group, Integer> sizes;
    private final SortedMap<Group, int[]> groups;
    private final DistrictTallies.Counts district;

    PartitionCounts(Instant asOf, Set<String> ruleIds, int families, SortedMap<Group, Integer> sizes,
                    SortedMap<Group, int[]> groups, DistrictTallies.Counts district) {
        this.asOf = asOf;
        this.ruleIds = Collections.unmodifiableSortedSet(new TreeSet<>(ruleIds));
        this.families = families;
        this.sizes = Collections.unmodifiableSortedMap(new TreeMap<>(sizes));
        this.groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
        this.district = district;
    }

    /** The instant the share was judged as of. */
    public Instant asOf() {
        return asOf;
    }

    /** How many families were counted. */
    public int families() {
        return families;
    }

    /**
     * The counts of both shares, which must be of disjoint families, judged as of the same instant
     * by engines with the same rules.
     *
     * @throws IllegalArgumentException when the instants or the rules differ
     */
    public PartitionCounts plus(PartitionCounts other) {
        if (!asOf.equals(other.asOf)) {
            throw new IllegalArgumentException("cannot add counts as of " + other.asOf + " to counts as of " + asOf);
        }
        if (!ruleIds.equals(other.ruleIds)) {
            throw new IllegalArgumentException("cannot add counts of an engine with other rules");
        }
        SortedMap<Group, Integer> allSizes = new TreeMap<>(sizes);
        other.sizes.forEach((label, size) -> allSizes.merge(label, size, Integer::sum));
        SortedMap<Group, int[]> allGroups = new TreeMap<>();
        for (SortedMap<Group, int[]> share : Arrays.asList(groups, other.groups)) {
            share.forEach((label, counts) -> allGroups.merge(label, counts.clone(), PartitionCounts::sum));
        }
        return new PartitionCounts(asOf, ruleIds, families + other.families, allSizes, allGroups,
                district.plus(other.district));
    }

    SortedMap<Group, Integer> sizes() {
        return sizes;
    }

    /** Group tallies holding these counts, for judging against them. */
    GroupTallies groupTallies(EvaluationContext context) {
        GroupTallies tallies = new GroupTallies(context, ruleIds, sizes.keySet());
        tallies.addAll(groups);
        return tallies;
    }

    /** District tallies holding these counts, for judging against them. */
    DistrictTallies districtTallies(EvaluationContext context) {
        DistrictTallies tallies = new DistrictTallies(context, ruleIds);
        tallies.addAll(district);
        return tallies;
    }

    /** Checks that these counts are of an evaluation like this one. */
    void checkFor(EvaluationContext context, Set<String> engineRuleIds) {
        if (!asOf.equals(context.asOf())) {
            throw new IllegalArgumentException("the counts are as of " + asOf + ", not " + context.asOf());
        }
        if (!ruleIds.equals(new TreeSet<>(engineRuleIds))) {
            throw new IllegalArgumentException("the counts were made by an engine with other rules");
        }
    }

    private static int[] sum(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
