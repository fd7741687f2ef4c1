package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.familyengagement.model.Family;
import org.familyengagement.report.Group;
import org.familyengagement.report.LabelRate;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.familyengagement.rules.drl.GroupRate;
import org.familyengagement.rules.drl.GroupRate.Measure;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The group rules' tallies, counted in Java rather than in the rule network: per label, the
 * families and how many were reached (REACH), the due inputs, those answered on time and the
 * families with a due input (RESPONSE), and of the reached families those who heard something
 * positive (STRENGTHS). They enter the session as {@link GroupRate} facts, one per
 * label and measure, which the comparison rules in {@code equity.drl} read.
 *
 * <p>A measure whose rule is not in the engine (disabled) is not counted and gets no facts. In a live session, a family's old contribution (which the
 * session keeps with the family) is subtracted and its new one added when its history is
 * replaced; {@link #flush} then updates only the facts whose counts changed.
 */
final class GroupTallies {
    static final String REACH_RULE = "group-reach-disparity";
    static final String RESPONSE_RULE = "group-response-disparity";
    static final String STRENGTHS_RULE = "group-strengths-disparity";

    private final boolean reach;
    private final boolean response;
    private final boolean strengths;
    private EvaluationContext context;
    /** Dimension, then label, in a stable order. */
    private final Map<String, Map<String, Tally>> byDimension = new TreeMap<>();
    private boolean dirty;

    /**
     * Tallies for an engine with these rules: one batch evaluation's, or kept in step with a live
     * session, which changes them with {@link #replace}, keeping each family's contribution itself.
     */
    GroupTallies(EvaluationContext context, Set<String> ruleIds, Set<Group> labels) {
        this.reach = ruleIds.contains(REACH_RULE);
        this.response = ruleIds.contains(RESPONSE_RULE);
        this.strengths = ruleIds.contains(STRENGTHS_RULE);
        this.context = context;
        for (Group label : labels) {
            byDimension.computeIfAbsent(label.dimension(), k -> new TreeMap<>())
                    .put(label.label(), new Tally(label));
        }
    }

    /** True when no group rule needs a tally. */
    boolean isIdle() {
        return !reach && !response && !strengths;
    }

    /**
     * Counts a family into its labels' tallies (batch, or a live session's first count).
     *
     * @return what it counted, which a live session keeps with the family for {@link #replace}; null when idle
     */
    int[] add(FamilyHistory history) {
        if (isIdle()) {
            return null;
        }
        int[] contribution = contribution(history);
        apply(history.family(), contribution, 1);
        return contribution;
    }

    /**
     * Replaces a family's contribution with that of its new history (live sessions).
     *
     * @param before what the family counted ({@link #add} or the last replace), null when nothing since a {@link #reset}
     * @return what it counts now, to keep with the family
     */
    int[] replace(int[] before, FamilyHistory history) {
        if (isIdle()) {
            return null;
        }
        int[] now = contribution(history);
        if (before != null && Arrays.equals(before, now)) {
            return now;
        }
        if (before != null) {
            apply(history.family(), before, -1);
        }
        apply(history.family(), now, 1);
        return now;
    }

    /** Forgets every count, before a recount at a new context (live sessions). */
    void reset(EvaluationContext newContext) {
        this.context = newContext;
        for (Map<String, Tally> labels : byDimension.values()) {
            for (Tally tally : labels.values()) {
                tally.clear();
            }
        }
        dirty = true;
    }

    /**
     * Adds counts from {@link #counts()} of another share of the same evaluation's families,
     * counted anywhere (another thread, another machine): counts add, so families split across
     * threads or partitions give the whole dataset's rates. Every label must be one of these tallies'.
     */
    void addAll(SortedMap<Group, int[]> counts) {
        counts.forEach((label, theirs) -> {
            Map<String, Tally> labels = byDimension.get(label.dimension());
            Tally tally = labels == null ? null : labels.get(label.label());
            if (tally == null) {
                throw new IllegalArgumentException("no tally for " + label);
            }
            tally.families += theirs[0];
            tally.reached += theirs[1];
            tally.inputs += theirs[2];
            tally.answered += theirs[3];
            tally.asked += theirs[4];
            tally.positive += theirs[5];
        });
    }

    /**
     * Each label's counts (families, reached, due inputs, answered on time, families with a due
     * input, reached positively), to add to another share's with {@link #addAll(SortedMap)}.
     */
    SortedMap<Group, int[]> counts() {
        SortedMap<Group, int[]> counts = new TreeMap<>();
        for (Map<String, Tally> labels : byDimension.values()) {
            for (Tally tally : labels.values()) {
                counts.put(tally.label, new int[] {tally.families, tally.reached, tally.inputs, tally.answered,
                        tally.asked, tally.positive});
            }
        }
        return counts;
    }

    /** One {@link GroupRate} per label and counted measure, in a stable order (batch sessions). */
    List<GroupRate> rates() {
        List<GroupRate> rates = new ArrayList<>();
        for (Map<String, Tally> labels : byDimension.values()) {
            for (Tally tally : labels.values()) {
                if (reach) {
                    rates.add(tally.reachRate());
                }
                if (response) {
                    rates.add(tally.responseRate());
                }
                if (strengths) {
                    rates.add(tally.strengthsRate());
                }
            }
        }
        return rates;
    }

    /** Inserts one {@link GroupRate} per label and counted measure, keeping their handles (live sessions). */
    void insertAll(KieSession session) {
        for (Map<String, Tally> labels : byDimension.values()) {
            for (Tally tally : labels.values()) {
                if (reach) {
                    tally.reachRate = tally.reachRate();
                    tally.reachHandle = session.insert(tally.reachRate);
                }
                if (response) {
                    tally.responseRate = tally.responseRate();
                    tally.responseHandle = session.insert(tally.responseRate);
                }
                if (strengths) {
                    tally.strengthsRate = tally.strengthsRate();
                    tally.strengthsHandle = session.insert(tally.strengthsRate);
                }
                tally.changed = false;
            }
        }
        dirty = false;
    }

    /**
     * The equity table: every eligible label's rate under each counted measure, beside its
     * dimension's reference (the eligible label that {@link GroupRate#ranksAbove ranks above} the
     * others, as the group rules choose it). Labels below the minimum group size have no row.
     */
    List<LabelRate> table() {
        List<LabelRate> table = new ArrayList<>();
        if (reach) {
            addRows(table, REACH_RULE, Tally::reachRate);
        }
        if (response) {
            addRows(table, RESPONSE_RULE, Tally::responseRate);
        }
        if (strengths) {
            addRows(table, STRENGTHS_RULE, Tally::strengthsRate);
        }
        return table;
    }

    private void addRows(List<LabelRate> table, String ruleId, Function<Tally, GroupRate> measure) {
        for (Map<String, Tally> labels : byDimension.values()) {
            List<GroupRate> eligible = new ArrayList<>();
            for (Tally tally : labels.values()) {
                GroupRate rate = measure.apply(tally);
                if (rate.eligible()) {
                    eligible.add(rate);
                }
            }
            GroupRate reference = null;
            for (GroupRate rate : eligible) {
                if (reference == null || rate.ranksAbove(reference)) {
                    reference = rate;
                }
            }
            for (GroupRate rate : eligible) {
                table.add(new LabelRate(ruleId, rate.label(), rate.n(), rate.successes(), reference.label().label(),
                        reference.rate()));
            }
        }
    }

    /** Updates the {@link GroupRate} facts whose counts changed since they were inserted or updated. */
    void flush(KieSession session) {
        if (!dirty) {
            return;
        }
        for (Map<String, Tally> labels : byDimension.values()) {
            for (Tally tally : labels.values()) {
                if (!tally.changed) {
                    continue;
                }
                if (reach) {
                    GroupRate now = tally.reachRate();
                    if (!now.equals(tally.reachRate)) {
                        tally.reachRate = now;
                        session.update(tally.reachHandle, now);
                    }
                }
                if (response) {
                    GroupRate now = tally.responseRate();
                    if (!now.equals(tally.responseRate)) {
                        tally.responseRate = now;
                        session.update(tally.responseHandle, now);
                    }
                }
                if (strengths) {
                    GroupRate now = tally.strengthsRate();
                    if (!now.equals(tally.strengthsRate)) {
                        tally.strengthsRate = now;
                        session.update(tally.strengthsHandle, now);
                    }
                }
                tally.changed = false;
            }
        }
        dirty = false;
    }

    /** {@code {reached, due inputs, answered on time, has a due input, reached positively}} for a family. */
    private int[] contribution(FamilyHistory history) {
        int[] c = new int[5];
        if (reach || strengths) {
            c[0] = history.isReachedTwoWay() ? 1 : 0;
        }
        if (strengths) {
            c[4] = history.isReachedPositively() ? 1 : 0;
        }
        if (response) {
            int due = history.dueInputs().size();
            if (due > 0) {
                c[1] = due;
                c[2] = history.answeredOnTimeCount();
                c[3] = 1;
            }
        }
        return c;
    }

    private void apply(Family family, int[] contribution, int sign) {
        for (Map.Entry<String, String> group : family.groups().entrySet()) {
            Map<String, Tally> labels = byDimension.get(group.getKey());
            Tally tally = labels == null ? null : labels.get(group.getValue());
            if (tally == null) {
                // Labels are those of the session's families, which never change.
                throw new IllegalStateException("no tally for " + group);
            }
            tally.families += sign;
            tally.reached += sign * contribution[0];
            tally.inputs += sign * contribution[1];
            tally.answered += sign * contribution[2];
            tally.asked += sign * contribution[3];
            tally.positive += sign * contribution[4];
            tally.changed = true;
        }
        dirty = true;
    }

    /** The counts of one label, and its facts in the session. */
    private final class Tally {
        private final Group label;
        private int families;
        private int reached;
        private int inputs;
        private int answered;
        private int asked;
        private int positive;
        private boolean changed;
        private GroupRate reachRate;
        private GroupRate responseRate;
        private GroupRate strengthsRate;
        private FactHandle reachHandle;
        private FactHandle responseHandle;
        private FactHandle strengthsHandle;

        Tally(Group label) {
            this.label = label;
        }

        void clear() {
            families = 0;
            reached = 0;
            inputs = 0;
            answered = 0;
            asked = 0;
            positive = 0;
            changed = true;
        }

        GroupRate reachRate() {
            return GroupRate.of(Measure.REACH, label, families, reached, families, context.policy());
        }

        GroupRate responseRate() {
            return GroupRate.of(Measure.RESPONSE, label, inputs, answered, asked, context.policy());
        }

        /** Of the families reached two-way (n, and the families eligibility counts), those who heard something positive. */
        GroupRate strengthsRate() {
            return GroupRate.of(Measure.STRENGTHS, label, reached, positive, reached, context.policy());
        }
    }
}
