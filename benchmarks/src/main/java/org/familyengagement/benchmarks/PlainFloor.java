package org.familyengagement.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.familyengagement.calendar.SchoolCalendar;
import org.familyengagement.language.LanguageMatch;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Tone;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.rules.RuleIds;

/**
 * The floor: the findings of three representative rules ({@code unanswered-input},
 * {@code deficit-only-contact}, {@code group-reach-disparity}) computed by one pass over the
 * dataset's flat contact list, in plain Java, straight from the definitions in docs/rules.md.
 *
 * <p>It shares nothing with the rule pack but the model records, {@link SchoolCalendar}, the
 * language matcher the definitions name ({@link LanguageMatch}) and the Fisher test of Apache
 * Commons Statistics: no {@code FamilyHistory}, no per-family sorted lists,
 * no rule engine. That makes it two things at once: the cost a rule engine is measured against,
 * and an independent computation that the rule pack's findings must equal (a Drools
 * executable-model bug once summed silently wrong; see DROOLS-NOTES.md).
 *
 * <p>Choices where docs/rules.md is silent, matching the pack: contacts after {@code asOf} do not
 * exist; a contact that names an input in {@code replyTo} counts as naming it only if it is at or
 * before {@code asOf}. One difference is deliberate and not exercised by {@code SampleDistrict}:
 * docs/rules.md does not say a {@code replyTo} reply must go to the same family, so the floor accepts
 * one from any family, while the pack looks at the input's own family only.
 */
public final class PlainFloor {
    /** The rules the floor computes. */
    public static final List<String> RULES =
            List.of(RuleIds.UNANSWERED_INPUT, RuleIds.DEFICIT_ONLY_CONTACT, RuleIds.GROUP_REACH_DISPARITY);

    private static final FisherExactTest LOWER_TAIL = FisherExactTest.withDefaults()
            .with(AlternativeHypothesis.LESS_THAN);

    private PlainFloor() {
    }

    /**
     * The part of a finding that two correct implementations must agree on: no message, no
     * category or severity (they are the rule's, not the computation's).
     *
     * @param ruleId   the rule
     * @param familyId the family, or {@code null} for a group finding
     * @param group    the group, or {@code null} for a family finding
     * @param evidence contact ids, in time order (ties by id)
     * @param metrics  the figures of a group finding, or {@code null}
     */
    public record Result(String ruleId, String familyId, Group group, List<String> evidence, Metrics metrics) {
        public static final Comparator<Result> ORDER = Comparator.comparing(Result::ruleId)
                .thenComparing(Result::familyId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Result::group, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> String.join("\u0000", r.evidence()));

        public Result {
            evidence = List.copyOf(evidence);
        }

        /** The comparable part of a rule pack finding. */
        public static Result of(Finding finding) {
            return new Result(finding.ruleId(), finding.familyId(), finding.group(), finding.evidence(),
                    finding.metrics());
        }
    }

    /** The findings of the three rules, in {@link Result#ORDER}. */
    public static List<Result> evaluate(Dataset dataset, Instant asOf, Policy policy) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Instant windowStart = asOf.minus(policy.lookback());
        SchoolCalendar calendar = dataset.district().calendar();
        int responseDays = policy.responseSchoolDays();

        List<Family> families = dataset.families();
        int count = families.size();
        Map<String, Integer> familyIndex = new HashMap<>(count * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            familyIndex.put(families.get(i).id(), i);
        }

        // Everything per family is order-independent, so one pass over the document order suffices.
        // Latest delivered outbound PERSONAL contact the family understands (RULES.md v2: a reply must be understood).
        Instant[] latestPersonalReply = new Instant[count];
        boolean repliesMustBeUnderstood = policy.replies().mustBeUnderstood();
        boolean[] reached = new boolean[count];              // a delivered outbound two-way contact in the window
        boolean[] positive = new boolean[count];             // ... with tone POSITIVE
        List<List<Contact>> concerns = new ArrayList<>(count); // ... with tone CONCERN
        for (int i = 0; i < count; i++) {
            concerns.add(null);
        }
        List<Contact> dueInputs = new ArrayList<>();
        Set<String> named = new HashSet<>();          // input ids that some contact names in replyTo
        Set<String> namedByDelivered = new HashSet<>(); // ... that a delivered, understood outbound contact names
        Map<LocalDate, Instant> deadlines = new HashMap<>();

        for (Contact contact : dataset.contacts()) {
            Instant at = contact.at();
            if (at.isAfter(asOf)) {
                continue;
            }
            int family = familyIndex.get(contact.familyId());
            boolean deliveredOutbound = contact.isDeliveredOutbound();
            boolean replyCandidate = deliveredOutbound
                    && (!repliesMustBeUnderstood || understood(families.get(family), contact, dataset));
            if (contact.replyTo() != null) {
                named.add(contact.replyTo());
                if (replyCandidate) {
                    namedByDelivered.add(contact.replyTo());
                }
            }
            if (replyCandidate && contact.isPersonal()
                    && (latestPersonalReply[family] == null || at.isAfter(latestPersonalReply[family]))) {
                latestPersonalReply[family] = at;
            }
            if (!at.isAfter(windowStart)) {
                continue;
            }
            if (contact.awaitsReply()) {
                Instant deadline = deadlines.computeIfAbsent(calendar.localDate(at),
                        day -> calendar.deadline(at, responseDays));
                if (!deadline.isAfter(asOf)) {
                    dueInputs.add(contact);
                }
            }
            if (deliveredOutbound && contact.isTwoWay()) {
                reached[family] = true;
                if (contact.tone() == Tone.POSITIVE) {
                    positive[family] = true;
                } else if (contact.tone() == Tone.CONCERN) {
                    List<Contact> list = concerns.get(family);
                    if (list == null) {
                        list = new ArrayList<>(4);
                        concerns.set(family, list);
                    }
                    list.add(contact);
                }
            }
        }

        List<Result> results = new ArrayList<>();

        // unanswered-input
        for (Contact input : dueInputs) {
            boolean answered;
            if (named.contains(input.id())) {
                answered = namedByDelivered.contains(input.id());
            } else {
                Instant latest = latestPersonalReply[familyIndex.get(input.familyId())];
                answered = latest != null && !latest.isBefore(input.at());
            }
            if (!answered) {
                results.add(new Result(RuleIds.UNANSWERED_INPUT, input.familyId(), null, List.of(input.id()), null));
            }
        }

        // deficit-only-contact
        int minConcerns = policy.deficitOnly().minConcerns();
        for (int i = 0; i < count; i++) {
            List<Contact> list = concerns.get(i);
            if (!positive[i] && list != null && list.size() >= minConcerns) {
                list.sort(Dataset.BY_TIME);
                List<String> evidence = new ArrayList<>(list.size());
                for (Contact contact : list) {
                    evidence.add(contact.id());
                }
                results.add(new Result(RuleIds.DEFICIT_ONLY_CONTACT, families.get(i).id(), null, evidence, null));
            }
        }

        // group-reach-disparity: {families, reached} per label, per dimension
        Map<String, Map<String, int[]>> tallies = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            boolean r = reached[i];
            for (Map.Entry<String, String> entry : families.get(i).groups().entrySet()) {
                int[] tally = tallies.computeIfAbsent(entry.getKey(), k -> new TreeMap<>())
                        .computeIfAbsent(entry.getValue(), k -> new int[2]);
                tally[0]++;
                if (r) {
                    tally[1]++;
                }
            }
        }
        Policy.Disparity disparity = policy.disparity();
        for (Map.Entry<String, Map<String, int[]>> dimension : tallies.entrySet()) {
            String reference = null;
            double referenceRate = -1;
            // Labels in alphabetical order, so a strict ">" keeps the alphabetically first on a tie.
            for (Map.Entry<String, int[]> label : dimension.getValue().entrySet()) {
                int[] t = label.getValue();
                if (t[0] >= disparity.minGroupSize() && rate(t) > referenceRate) {
                    reference = label.getKey();
                    referenceRate = rate(t);
                }
            }
            if (reference == null || !(referenceRate > 0)) {
                continue;
            }
            int[] ref = dimension.getValue().get(reference);
            for (Map.Entry<String, int[]> label : dimension.getValue().entrySet()) {
                int[] t = label.getValue();
                if (label.getKey().equals(reference) || t[0] < disparity.minGroupSize()) {
                    continue;
                }
                double rate = rate(t);
                double ratio = rate / referenceRate;
                if (belowRatio(t, ref, disparity.ratio())) {
                    double p = LOWER_TAIL.test(new int[][] {{t[1], t[0] - t[1]}, {ref[1], ref[0] - ref[1]}})
                            .getPValue();
                    if (p < disparity.alpha()) {
                        results.add(new Result(RuleIds.GROUP_REACH_DISPARITY, null,
                                new Group(dimension.getKey(), label.getKey()), List.of(),
                                new Metrics(t[0], rate, reference, referenceRate, ratio, p)));
                    }
                }
            }
        }

        results.sort(Result.ORDER);
        return results;
    }

    /**
     * RULES.md v2 "understood": the effective preference (the named caregiver's, else the family's)
     * lists no languages, or the contact's language matches one, or an interpretation other than
     * {@code NONE} or {@code STUDENT}.
     */
    private static boolean understood(Family family, Contact contact, Dataset dataset) {
        if (contact.interpretation().makesUnderstood()) {
            return true;
        }
        Preference preference = family.preferenceFor(contact.caregiverId());
        if (preference == null || preference.languages().isEmpty()) {
            return true;
        }
        String language = contact.language() != null ? contact.language() : dataset.district().defaultLanguage();
        return LanguageMatch.instance().matchesAny(preference.languages(), language);
    }

    /**
     * {@code rate(subject) < ratio x rate(reference)}, decided exactly on the counts
     * ({@code s x refN < ratio x refS x n}, the ratio read as the decimal it was written as), so
     * that a rate exactly at the threshold is not below it, which doubles can get wrong.
     */
    private static boolean belowRatio(int[] subject, int[] reference, double ratio) {
        BigDecimal left = BigDecimal.valueOf((long) subject[1] * reference[0]);
        BigDecimal right = BigDecimal.valueOf(ratio).multiply(BigDecimal.valueOf((long) reference[1] * subject[0]));
        return left.compareTo(right) < 0;
    }

    private static double rate(int[] tally) {
        return tally[0] == 0 ? 0 : (double) tally[1] / tally[0];
    }
}
