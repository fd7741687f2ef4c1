package org.familyengagement.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.familyengagement.calendar.SchoolCalendar;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Meeting;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;

/**
 * The order in which a coordinator should act on findings, most urgent first: severity, then the
 * rule (within a severity, a family kept waiting on the school before a family poorly served),
 * then how overdue the finding is by its rule's own measure; {@code Triage} breaks what ties
 * remain by the report's own order. The table
 * in {@code docs/rules.md} ("Urgency") states the order of rules and each rule's measure; in short:
 *
 * <ul>
 *   <li>{@code unanswered-input}: most school days past the reply deadline first;</li>
 *   <li>{@code broken-commitment}: never kept before kept late, then most school days past due;</li>
 *   <li>meeting rules ({@code iep-input-late}, {@code iep-draft-late},
 *       {@code meeting-without-interpreter}, {@code inflexible-meeting-times}): an upcoming
 *       meeting before a past one, the soonest upcoming first, then the most recent past;</li>
 *   <li>group rules: the widest gap (lowest ratio) first;</li>
 *   <li>the other family and broadcast rules: the most evidence (contacts, meetings) first.</li>
 * </ul>
 *
 * Custom rules come after the built-in rules of their severity, by id. Evidence the dataset does
 * not hold counts as nothing overdue. Thread-safe once made.
 */
public final class Urgency {
    /** The built-in rules in urgency order within each severity. */
    private static final List<String> RULE_ORDER = List.of(
            // HIGH: safety, then a family waiting on the school, then deadlines the school missed.
            RuleIds.RESTRICTED_CONTACT, RuleIds.UNANSWERED_INPUT, RuleIds.BROKEN_COMMITMENT, RuleIds.IEP_INPUT_LATE,
            RuleIds.IEP_DRAFT_LATE, RuleIds.MEETING_WITHOUT_INTERPRETER, RuleIds.CHILD_INTERPRETER, RuleIds.UNTRANSLATED_BROADCAST,
            RuleIds.LANGUAGE_MISMATCH, RuleIds.UNREACHED_FAMILY, RuleIds.GROUP_RESPONSE_DISPARITY,
            RuleIds.GROUP_REACH_DISPARITY,
            // MEDIUM
            RuleIds.DEFICIT_ONLY_CONTACT, RuleIds.NO_PROGRESS_CONTACT, RuleIds.EARLY_CONFERENCE_MISSING,
            RuleIds.ONE_WAY_ONLY, RuleIds.CHANNEL_MISMATCH, RuleIds.OUTSIDE_REACHABLE_HOURS,
            RuleIds.GROUP_STRENGTHS_DISPARITY,
            // LOW
            RuleIds.INFLEXIBLE_MEETING_TIMES, RuleIds.PREFERENCE_UNRECORDED, RuleIds.MESSAGE_OVERLOAD);

    private static final Map<String, Integer> RULE_RANK = new HashMap<>();

    static {
        for (String id : RULE_ORDER) {
            RULE_RANK.put(id, RULE_RANK.size());
        }
    }

    /**
     * The built-in rules in the order they rank within a severity (v1 and v2 ids, whether or not
     * an engine runs them); custom rules come after them, by id.
     */
    public static List<String> ruleOrder() {
        return RULE_ORDER;
    }

    private static final long UPCOMING = 1L << 50;
    private static final long NEVER_KEPT = 1L << 40;

    private final Dataset dataset;
    private final Policy policy;
    private final Instant asOf;
    private final SchoolCalendar calendar;

    private Urgency(Dataset dataset, Policy policy, Instant asOf) {
        this.dataset = dataset;
        this.policy = policy;
        this.asOf = asOf;
        this.calendar = dataset.district().calendar();
    }

    /**
     * The urgency order of the findings of a report on {@code dataset} as of {@code asOf}, made with
     * {@code policy}; give it to {@code Triage.of}.
     */
    public static Comparator<Finding> order(Dataset dataset, Policy policy, Instant asOf) {
        ToLongFunction<Finding> measure = overdue(dataset, policy, asOf);
        // By identity: a finding's own hash code walks its lists, and a sort asks for it twice per comparison.
        Map<Finding, Long> overdue = Collections.synchronizedMap(new IdentityHashMap<>());
        return order(f -> overdue.computeIfAbsent(f, measure::applyAsLong));
    }

    /**
     * How overdue each finding is by its rule's measure (the larger, the more urgent), where its
     * evidence is at hand: for a dataset judged in partitions, measure each partition's findings
     * on that partition (group and broadcast findings measure alike everywhere) and order them
     * all with {@link #order(ToLongFunction)}.
     */
    public static ToLongFunction<Finding> overdue(Dataset dataset, Policy policy, Instant asOf) {
        Urgency urgency = new Urgency(Objects.requireNonNull(dataset, "dataset"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(asOf, "asOf"));
        return urgency::overdue;
    }

    /** The urgency order of findings whose overdue measures are known ({@link #overdue}). */
    public static Comparator<Finding> order(ToLongFunction<Finding> overdue) {
        Objects.requireNonNull(overdue, "overdue");
        return Comparator.comparing(Finding::severity).reversed()
                .thenComparingInt(f -> RULE_RANK.getOrDefault(f.ruleId(), Integer.MAX_VALUE))
                .thenComparing(Finding::ruleId)
                .thenComparing(Comparator.comparingLong(overdue).reversed());
    }

    /**
     * How overdue a finding is by its rule's measure: the larger, the more urgent. Only findings of
     * the same rule are compared on it.
     */
    long overdue(Finding finding) {
        List<String> evidence = finding.evidence();
        switch (finding.ruleId()) {
            case RuleIds.UNANSWERED_INPUT: {
                Optional<Contact> input = evidence.isEmpty() ? Optional.empty() : dataset.contact(evidence.get(0));
                return input.map(i -> (long) calendar.schoolDaysElapsed(i.at(), asOf) - policy.responseSchoolDays())
                        .orElse(0L);
            }
            case RuleIds.BROKEN_COMMITMENT: {
                Optional<Commitment> promise = evidence.isEmpty() ? Optional.empty()
                        : dataset.commitment(evidence.get(0));
                if (promise.isEmpty()) {
                    return 0;
                }
                boolean keptLate = evidence.size() > 1;
                long days = calendar.schoolDaysElapsed(promise.get().dueBy(), asOf);
                return (keptLate ? 0 : NEVER_KEPT) + days;
            }
            case RuleIds.IEP_INPUT_LATE, RuleIds.IEP_DRAFT_LATE, RuleIds.MEETING_WITHOUT_INTERPRETER,
                    RuleIds.INFLEXIBLE_MEETING_TIMES: {
                Optional<Meeting> meeting = evidence.isEmpty() ? Optional.empty() : dataset.meeting(evidence.get(0));
                return meeting.map(m -> meetingUrgency(m.at())).orElse(0L);
            }
            default:
                if (finding.metrics() != null) {
                    // The widest gap first: a ratio of 0.31 before 0.62.
                    return -Math.round(finding.metrics().ratio() * 1_000_000);
                }
                return evidence.size();
        }
    }

    /** An upcoming meeting before a past one; the soonest upcoming, then the most recent past. */
    private long meetingUrgency(Instant at) {
        long seconds = Duration.between(asOf, at).getSeconds();
        return at.isAfter(asOf) ? UPCOMING - seconds : seconds;
    }
}
