package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.ENGINE;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.at;
import static org.familyengagement.rules.pack.PackFixtures.call;
import static org.familyengagement.rules.pack.PackFixtures.commitment;
import static org.familyengagement.rules.pack.PackFixtures.family;
import static org.familyengagement.rules.pack.PackFixtures.fulfilledBy;
import static org.familyengagement.rules.pack.PackFixtures.question;
import static org.familyengagement.rules.pack.PackFixtures.text;
import static org.familyengagement.testkit.EngagementAssertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Restriction;
import org.familyengagement.model.Topic;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Tone;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live session keeps a dataset judged as it changes; its findings always equal a fresh batch
 * evaluation of the same data at the same {@code asOf}.
 */
class LiveSessionTest {

    @Test
    void aReplyMakesTheUnansweredInputFindingDisappear() {
        Dataset dataset = PackFixtures.dataset(question("k-1", "2026-11-13T14:00"));
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            Finding unanswered = only(session, "unanswered-input");
            assertThat(session.changes().isEmpty()).as("opening is no change").isTrue();

            session.addContact(text("k-2", "2026-11-16T10:00").replyTo("k-1").build());

            assertThat(session.findings()).hasNoFindingOf("unanswered-input");
            LiveSession.Changes changes = session.changes();
            assertThat(changes.removed()).containsExactly(unanswered);
            assertThat(changes.added()).isEmpty();
            assertThat(session.changes().isEmpty()).as("changes are read once").isTrue();
        }
    }

    /**
     * A broadcast's tally counts each family's share: updates that touch a broadcast contact move it,
     * and those that touch none (a personal contact, a commitment) leave it as it was.
     */
    @Test
    void aBroadcastsTallyMovesWithTheUpdatesThatTouchItsContacts() {
        List<Family> families = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            families.add(family("f-" + i));   // reads Spanish
        }
        Dataset empty = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF, families, List.of(), List.of());
        try (LiveSession session = ENGINE.openSession(empty, AS_OF)) {
            for (int i = 1; i <= 4; i++) {
                session.addContact(newsletter("b-" + i, "f-" + i).build());
            }
            session.addContact(call("f-5", "k-5", "2026-11-17T10:00").build());
            session.addCommitment(new Commitment("p-1", "f-5", "t-1", at("2026-11-17T09:00"),
                    at("2026-11-18T10:00"), "k-5"));
            assertThat(session.findings()).as("four families are too few").hasNoFindingOf("untranslated-broadcast");

            session.addContact(newsletter("b-5", "f-5").build());
            Finding untranslated = only(session, "untranslated-broadcast");
            assertThat(untranslated.broadcastMetrics().families()).isEqualTo(5);
            session.addContact(call("f-1", "k-1", "2026-11-18T10:00").build());
            assertThat(only(session, "untranslated-broadcast")).isEqualTo(untranslated);
            assertThat(session.changes().added()).contains(untranslated);

            // The fifth copy corrected into a personal message: the broadcast is down to four families.
            session.correctContact(call("f-5", "b-5", "2026-11-16T10:00").language("en").build());
            assertThat(session.findings()).hasNoFindingOf("untranslated-broadcast");
            assertThat(session.changes().removed()).contains(untranslated);
        }
    }

    /** The school newsletter b-1 in English, delivered by the app. */
    private static Contact.Builder newsletter(String id, String familyId) {
        return Contact.builder(id, familyId, at("2026-11-16T10:00"), Direction.OUTBOUND, Channel.APP)
                .mode(Mode.BROADCAST).broadcastId("nl-1").language("en");
    }

    @Test
    void aCorrectedContactIsJudgedAsCorrected() {
        Dataset dataset = PackFixtures.dataset(call("k-1", "2026-11-16T10:00").language("en"));
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            Finding mismatch = only(session, "language-mismatch");

            session.correctContact(call("k-1", "2026-11-16T10:00").language("es").build());
            assertThat(session.findings()).hasNoFindingOf("language-mismatch");
            assertThat(session.changes().removed()).containsExactly(mismatch);

            session.correctContact(call("k-1", "2026-11-16T10:00").language("es").delivered(false).build());
            assertThat(session.changes().added()).extracting(Finding::ruleId).containsExactly("unreached-family");
        }
    }

    @Test
    void aContactMovedToAnotherFamilyReJudgesBoth() {
        Dataset dataset = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF, List.of(family(F1), family("f-2")),
                PackFixtures.build(call("k-1", "2026-11-16T10:00")), List.of());
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            assertThat(session.findingsFor("f-2")).extracting(Finding::ruleId).containsExactly("unreached-family");

            session.correctContact(call("f-2", "k-1", "2026-11-16T10:00").build());

            assertThat(session.findingsFor("f-2")).isEmpty();
            assertThat(session.findingsFor(F1)).extracting(Finding::ruleId).containsExactly("unreached-family");
        }
    }

    @Test
    void aCorrectionMayNotBreakTheRepliesThatNameAContact() {
        Dataset dataset = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF, List.of(family(F1), family("f-2")),
                PackFixtures.build(question("k-1", "2026-11-16T10:00"), text("k-2", "2026-11-16T12:00").replyTo("k-1")),
                List.of());
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            assertThatThrownBy(() -> session.correctContact(question("f-2", "k-1", "2026-11-16T10:00").build()))
                    .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems())
                            .extracting(Problem::pointer, Problem::message)
                            .containsExactly(tuple("/familyId", "contact \"k-2\" replies to \"k-1\", which must"
                                    + " stay an INBOUND contact of family \"f-1\"")));
            assertThatThrownBy(() -> session.correctContact(call("k-1", "2026-11-16T10:00").build()))
                    .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems())
                            .extracting(Problem::pointer).containsExactly("/direction"));
            assertThatThrownBy(() -> session.addContact(call("f-2", "k-3", "2026-11-17T09:00").replyTo("k-1").build()))
                    .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems())
                            .extracting(Problem::pointer).containsExactly("/replyTo"));

            assertThat(session.findings()).isEqualTo(ENGINE.evaluate(dataset, AS_OF));
        }
    }

    @Test
    void aCommitmentMustBeFulfilledByItsOwnFamilysContact() {
        Dataset dataset = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF, List.of(family(F1), family("f-2")),
                PackFixtures.build(call("f-2", "k-1", "2026-11-16T10:00")), List.of());
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            Commitment promise = commitment("m-1", "t-1", "2026-11-16T09:00", "2026-11-18T17:00");

            assertThatThrownBy(() -> session.addCommitment(promise.withFulfilledBy("k-1")))
                    .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems())
                            .extracting(Problem::pointer).containsExactly("/fulfilledBy"));
        }
    }

    @Test
    void aCommitmentIsBrokenUntilItIsFulfilled() {
        Dataset dataset = PackFixtures.dataset(call("k-0", "2026-11-02T10:00"));
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            Commitment promise = commitment("m-1", "t-1", "2026-11-16T09:00", "2026-11-18T17:00");

            session.addCommitment(promise);
            assertThat(session.changes().added()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("broken-commitment");
                assertThat(f.evidence()).containsExactly("m-1");
            });

            // The counselor called on time; only naming that call fulfils t-1's promise.
            session.addContact(call("k-1", "2026-11-17T10:00").staffId("t-2").build());
            assertThat(session.findings()).hasFindingCount("broken-commitment", 1);

            session.correctCommitment(fulfilledBy(promise, "k-1"));
            assertThat(session.findings()).hasNoFindingOf("broken-commitment");
            assertThat(session.changes().removed()).extracting(Finding::ruleId).containsExactly("broken-commitment");
        }
    }

    @Test
    void advancingTheInstantOfJudgementReJudgesEveryFamily() {
        // Thursday's question is due at the start of Tuesday 24 November; by then the window starts on
        // 25 October, after f-2's only call.
        Dataset dataset = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF, List.of(family(F1), family("f-2")),
                PackFixtures.build(question("k-1", "2026-11-19T10:00"), call("f-2", "k-2", "2026-10-23T10:00")), List.of());
        Instant deadline = at("2026-11-24T00:00");
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            assertThat(session.findings()).hasNoFindingOf("unanswered-input");
            assertThat(session.findingsFor("f-2")).isEmpty();

            session.advanceTo(deadline);

            assertThat(session.asOf()).isEqualTo(deadline);
            assertThat(session.findings().asOf()).isEqualTo(deadline);
            assertThat(session.changes().added()).extracting(Finding::ruleId, Finding::familyId).containsExactly(
                    tuple("unanswered-input", F1),
                    tuple("unreached-family", "f-2"));
            assertThat(session.findings()).isEqualTo(ENGINE.evaluate(dataset, deadline));
        }
    }

    @Test
    void findingsForAFamilyAreThatFamilysOnly() {
        Dataset dataset = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF,
                List.of(family(F1), family("f-2", null), family("f-3")),
                PackFixtures.build(question("k-1", "2026-11-13T14:00"), call("f-3", "k-3", "2026-11-16T10:00")), List.of());
        try (LiveSession session = ENGINE.openSession(dataset, AS_OF)) {
            Report batch = ENGINE.evaluate(dataset, AS_OF);

            assertThat(session.findingsFor("f-2")).extracting(Finding::ruleId)
                    .containsExactly("preference-unrecorded", "unreached-family");
            assertThat(session.findingsFor("f-3")).isEmpty();
            for (String family : List.of(F1, "f-2", "f-3", "no-such-family")) {
                assertThat(session.findingsFor(family)).isEqualTo(batch.findingsFor(family));
            }
        }
    }

    // ---- randomized equivalence with batch evaluation ---------------------------------------

    /**
     * Opens a session on a generated district, applies random additions, corrections and moves of
     * {@code asOf}, and after every step compares the session with a batch evaluation of a dataset
     * built from the same lists. Also checks that {@code changes()} accounts for every difference.
     * The sensitive policy flags small group gaps, so group findings of both kinds come and go.
     */
    @ParameterizedTest(name = "seed {0}, {1} policy")
    @CsvSource({"1, default", "7, default", "2026, default", "1, sensitive", "7, sensitive", "424242, sensitive"})
    void aLiveSessionAlwaysAgreesWithABatchEvaluation(long seed, String policyName) {
        Policy policy = policyName.equals("default") ? Policy.defaults()
                : Policy.defaults().withDisparity(new Policy.Disparity(0.95, 0.5, 10));
        RuleEngine engine = RuleEngine.builder().policy(policy).build();
        Set<String> rulesSeen = agreesWithBatchOverRandomSteps(engine, seed);

        // Not vacuous: the comparison covered findings of most rules.
        assertThat(rulesSeen).contains("unanswered-input", "broken-commitment", "language-mismatch",
                "channel-mismatch", "outside-reachable-hours", "preference-unrecorded", "one-way-only",
                "child-interpreter", "iep-input-late", "iep-draft-late", "no-progress-contact");
        if (policyName.equals("sensitive")) {
            assertThat(rulesSeen).contains("group-reach-disparity", "group-response-disparity");
        }
    }

    /**
     * District rules in a live session: one that reads one family (several matches per family,
     * some reporting equal findings), one that joins group labels and one that joins staff (both
     * left to truth maintenance), all agree with batch evaluation step after step.
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"3", "11"})
    void customRulesInALiveSessionAgreeWithABatchEvaluation(long seed) {
        String drl = """
                package district;
                import org.familyengagement.model.Contact;
                import org.familyengagement.model.Staff;
                import org.familyengagement.report.Group;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;

                rule "questions-in-window"
                    @category("RESPONSIVENESS") @severity("LOW") @message("{count} questions; one of them answered or not.")
                when
                    $h : FamilyHistory()
                    $c : Contact( inbound, awaitsReply ) from $h.windowContacts()
                then
                    // Every question of a family reports the same finding: one finding, as truth maintenance counts it.
                    findings.forFamily(kcontext, $h.familyId()).with("count", $h.dueInputs().size()).report();
                end

                rule "unreached-labelled"
                    @category("REACH") @severity("LOW") @message("Unreached, in a labelled group.")
                when
                    $g : Group( dimension == "homeLanguage" )
                    $h : FamilyHistory( !wasInContact(), hasLabel($g) )
                then
                    findings.forFamily(kcontext, $h.familyId()).evidence($h.failedAttempts()).report();
                end

                rule "called-by-staff"
                    @category("REACH") @severity("LOW") @message("Called by a staff member.")
                when
                    $s : Staff()
                    $h : FamilyHistory()
                    $c : Contact( outbound, staffId == $s.id ) from $h.windowContacts()
                then
                    findings.forFamily(kcontext, $h.familyId()).evidence($c).report();
                end
                """;
        RuleEngine engine = RuleEngine.builder().addRules("district/live.drl", drl).build();
        Set<String> rulesSeen = agreesWithBatchOverRandomSteps(engine, seed);

        assertThat(rulesSeen).contains("questions-in-window", "unreached-labelled", "called-by-staff",
                "unanswered-input", "language-mismatch");
    }

    /**
     * Opens a session on a generated district, applies random changes, and after every step
     * compares it with a batch evaluation of the same data; returns the rules whose findings it saw.
     */
    private static Set<String> agreesWithBatchOverRandomSteps(RuleEngine engine, long seed) {
        Dataset sample = SampleDistrict.generate(seed, 300);
        Mirror data = new Mirror(sample);
        SplittableRandom random = new SplittableRandom(seed);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z").minus(Duration.ofDays(random.nextInt(0, 40)));
        Set<String> rulesSeen = new HashSet<>();

        try (LiveSession session = engine.openSession(sample, asOf)) {
            Set<Finding> previous = new HashSet<>(session.findings().findings());
            assertThat(session.findings()).isEqualTo(engine.evaluate(data.toDataset(), asOf));

            for (int step = 0; step < 50; step++) {
                String change = data.applyRandomChange(session, random);

                Report live = session.findings();
                Report batch = engine.evaluate(data.toDataset(), session.asOf());
                assertThat(live.findings()).as("seed %d, step %d: %s", seed, step, change)
                        .containsExactlyElementsOf(batch.findings());
                assertThat(live.asOf()).isEqualTo(batch.asOf());
                assertThat(live.coverage()).as("coverage after step %d: %s", step, change).isEqualTo(batch.coverage());

                LiveSession.Changes changes = session.changes();
                Set<Finding> expected = new HashSet<>(previous);
                changes.removed().forEach(expected::remove);
                expected.addAll(changes.added());
                assertThat(new HashSet<>(live.findings())).as("changes() of step %d: %s", step, change)
                        .isEqualTo(expected);
                previous = new HashSet<>(live.findings());
                live.findings().forEach(f -> rulesSeen.add(f.ruleId()));
            }
        }
        return rulesSeen;
    }

    /** The data a session holds, kept alongside it as plain lists. */
    private static final class Mirror {
        private final Dataset sample;
        private final List<Family> families;
        private final Map<String, Integer> familyAt = new HashMap<>();
        private final List<Staff> staff;
        private final Map<String, Contact> contacts = new LinkedHashMap<>();
        private final Map<String, Commitment> commitments = new LinkedHashMap<>();
        private final Map<String, Meeting> meetings = new LinkedHashMap<>();
        /** Contacts named by a replyTo or a fulfilledBy: they stay in their family and direction. */
        private final Set<String> referenced = new HashSet<>();
        private int next;

        Mirror(Dataset sample) {
            this.sample = sample;
            this.families = new ArrayList<>(sample.families());
            for (int i = 0; i < families.size(); i++) {
                familyAt.put(families.get(i).id(), i);
            }
            this.staff = sample.staff();
            sample.contacts().forEach(this::putContact);
            sample.commitments().forEach(this::putCommitment);
            sample.meetings().forEach(m -> meetings.put(m.id(), m));
        }

        Dataset toDataset() {
            return Dataset.of(sample.district(), staff, families, new ArrayList<>(contacts.values()),
                    new ArrayList<>(commitments.values()), new ArrayList<>(meetings.values()));
        }

        private Family family(String id) {
            return families.get(familyAt.get(id));
        }

        String applyRandomChange(LiveSession session, SplittableRandom random) {
            int choice = random.nextInt(100);
            if (choice >= 75 && choice < 90) {
                return applyRandomV2Change(session, random);
            }
            if (choice < 35) {
                Contact contact = newContact(random, session.asOf());
                putContact(contact);
                session.addContact(contact);
                return "add " + contact;
            } else if (choice < 60) {
                Contact contact = corrected(pick(random, contacts), random, session.asOf());
                putContact(contact);
                session.correctContact(contact);
                return "correct " + contact;
            } else if (choice < 68) {
                Commitment commitment = newCommitment(random, session.asOf());
                putCommitment(commitment);
                session.addCommitment(commitment);
                return "add " + commitment;
            } else if (choice < 75) {
                Commitment commitment = corrected(pick(random, commitments), random);
                putCommitment(commitment);
                session.correctCommitment(commitment);
                return "correct " + commitment;
            } else {
                // Mostly forward, sometimes back.
                Instant asOf = session.asOf().plus(Duration.ofHours(random.nextInt(-72, 24 * 8)));
                session.advanceTo(asOf);
                return "advance to " + asOf;
            }
        }

        /** Meetings added and corrected, caregivers added and corrected (contract v2). */
        private String applyRandomV2Change(LiveSession session, SplittableRandom random) {
            int choice = random.nextInt(4);
            if (choice == 0) {
                Family family = families.get(random.nextInt(families.size()));
                Meeting meeting = randomMeeting("xt-" + next++, family, random, session.asOf());
                meetings.put(meeting.id(), meeting);
                session.addMeeting(meeting);
                return "add " + meeting;
            } else if (choice == 1) {
                Meeting old = pick(random, meetings);
                Meeting meeting = randomMeeting(old.id(), family(old.familyId()), random, session.asOf());
                meetings.put(meeting.id(), meeting);
                session.correctMeeting(meeting);
                return "correct " + meeting;
            }
            Family family = families.get(random.nextInt(families.size()));
            boolean correct = choice == 2 && !family.caregivers().isEmpty();
            String id = correct ? family.caregivers().get(random.nextInt(family.caregivers().size())).id()
                    : "xc-" + next++;
            Preference preference = random.nextBoolean() ? null : Preference.builder()
                    .languages(List.of(oneOf(random, new String[] {"en", "es", "so", "vi", "ar"})))
                    .reachable(random.nextBoolean() ? List.of()
                            : List.of(new ReachableWindow(Set.of(DayOfWeek.values()), LocalTime.of(17, 0),
                                    LocalTime.of(20, 0))))
                    .interpreter(random.nextBoolean()).build();
            Caregiver caregiver = new Caregiver(id, "guardian", preference,
                    random.nextInt(4) == 0 ? Restriction.NO_CONTACT : Restriction.NONE);
            List<Caregiver> caregivers = new ArrayList<>();
            for (Caregiver existing : family.caregivers()) {
                caregivers.add(existing.id().equals(id) ? caregiver : existing);
            }
            if (!correct) {
                caregivers.add(caregiver);
            }
            families.set(familyAt.get(family.id()), new Family(family.id(), family.students(), caregivers,
                    family.preference(), family.groups()));
            if (correct) {
                session.correctCaregiver(family.id(), caregiver);
            } else {
                session.addCaregiver(family.id(), caregiver);
            }
            return (correct ? "correct " : "add ") + caregiver + " of " + family.id();
        }

        private Meeting randomMeeting(String id, Family family, SplittableRandom random, Instant asOf) {
            Instant at = around(random, asOf).plus(Duration.ofDays(random.nextInt(0, 30)));
            Meeting.Builder builder = Meeting.builder(id, family.id(), oneOf(random, MeetingKind.values()), at)
                    .interpretation(oneOf(random, Interpretation.values()))
                    .status(random.nextInt(3) == 0 ? oneOf(random, MeetingStatus.values()) : null)
                    .staffId(staffId(random));
            if (random.nextBoolean()) {
                builder.offeredTimes(List.of(around(random, asOf), around(random, asOf)));
            }
            if (random.nextBoolean()) {
                Instant requested = at.minus(Duration.ofDays(random.nextInt(20, 70)));
                builder.inputRequestedAt(requested);
                if (random.nextBoolean()) {
                    builder.inputReceivedAt(requested.plus(Duration.ofDays(random.nextInt(0, 50))));
                }
            }
            if (random.nextBoolean()) {
                builder.draftSharedAt(at.minus(Duration.ofDays(random.nextInt(0, 14))));
            }
            if (!family.caregivers().isEmpty() && random.nextBoolean()) {
                builder.caregiverId(family.caregivers().get(random.nextInt(family.caregivers().size())).id());
            }
            if (!family.students().isEmpty() && random.nextBoolean()) {
                builder.studentId(family.students().get(0).id());
            }
            return builder.build();
        }

        private void putContact(Contact contact) {
            contacts.put(contact.id(), contact);
            if (contact.replyTo() != null) {
                referenced.add(contact.replyTo());
            }
        }

        private void putCommitment(Commitment commitment) {
            commitments.put(commitment.id(), commitment);
            if (commitment.fulfilledBy() != null) {
                referenced.add(commitment.fulfilledBy());
            }
        }

        private Contact newContact(SplittableRandom random, Instant asOf) {
            Family family = families.get(random.nextInt(families.size()));
            Direction direction = random.nextInt(4) == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            Instant at = around(random, asOf);
            Contact.Builder builder = Contact.builder("x-" + next++, family.id(), at, direction,
                    oneOf(random, Channel.values()));
            builder = randomFields(builder, family, random);
            if (direction == Direction.INBOUND) {
                builder.awaitsReply(random.nextInt(4) != 0);
            } else {
                builder.staffId(staffId(random));
                // A reply is not dated before the input it answers.
                List<Contact> inputs = contacts.values().stream()
                        .filter(c -> c.familyId().equals(family.id()) && c.isInbound() && !c.at().isAfter(at)).toList();
                if (!inputs.isEmpty() && random.nextInt(3) == 0) {
                    builder.replyTo(inputs.get(random.nextInt(inputs.size())).id());
                }
            }
            if (!family.students().isEmpty() && random.nextBoolean()) {
                builder.studentId(family.students().get(0).id());
            }
            return builder.build();
        }

        /**
         * The same contact with some fields changed, sometimes moved to another family or turned
         * around; not when that would break a reference (a reply stays with its input's family, and
         * neither moves in time).
         */
        private Contact corrected(Contact old, SplittableRandom random, Instant asOf) {
            boolean pinned = referenced.contains(old.id()) || old.replyTo() != null;
            boolean move = !pinned && random.nextInt(5) == 0;
            String familyId = move ? families.get(random.nextInt(families.size())).id() : old.familyId();
            Direction direction = pinned || random.nextInt(4) != 0
                    ? old.direction() : Direction.values()[1 - old.direction().ordinal()];
            Contact.Builder builder = Contact.builder(old.id(), familyId,
                    pinned || random.nextBoolean() ? old.at() : around(random, asOf), direction,
                    random.nextBoolean() ? old.channel() : oneOf(random, Channel.values()))
                    .staffId(old.staffId())
                    .replyTo(direction == Direction.OUTBOUND ? old.replyTo() : null)
                    .awaitsReply(direction == Direction.INBOUND && random.nextBoolean())
                    .studentId(move ? null : old.studentId());
            return randomFields(builder, family(familyId), random).build();
        }

        private Contact.Builder randomFields(Contact.Builder builder, Family family, SplittableRandom random) {
            Mode mode = oneOf(random, Mode.values());
            builder.mode(mode)
                    .tone(oneOf(random, Tone.values()))
                    .language(oneOf(random, new String[] {null, "en", "es", "es-MX", "so", "vi", "zh-Hant", "zh-Hans"}))
                    .interpretation(random.nextInt(3) == 0 ? oneOf(random, Interpretation.values())
                            : Interpretation.NONE)
                    .topic(random.nextBoolean() ? oneOf(random, Topic.values()) : null)
                    .delivered(random.nextInt(5) != 0);
            // A few broadcast ids shared across families, so that broadcast tallies move.
            builder.broadcastId(mode != Mode.PERSONAL && random.nextBoolean() ? "xb-" + random.nextInt(3) : null);
            if (!family.caregivers().isEmpty() && random.nextInt(3) == 0) {
                builder.caregiverId(family.caregivers().get(random.nextInt(family.caregivers().size())).id());
            }
            return builder;
        }

        private Commitment newCommitment(SplittableRandom random, Instant asOf) {
            Family family = families.get(random.nextInt(families.size()));
            Instant madeAt = around(random, asOf);
            Instant dueBy = madeAt.plus(Duration.ofHours(random.nextInt(0, 24 * 6)));
            return new Commitment("xm-" + next++, family.id(), staffId(random), madeAt, dueBy,
                    fulfilment(family.id(), madeAt, random));
        }

        private Commitment corrected(Commitment old, SplittableRandom random) {
            Instant dueBy = random.nextBoolean() ? old.dueBy()
                    : old.madeAt().plus(Duration.ofHours(random.nextInt(0, 24 * 6)));
            return new Commitment(old.id(), old.familyId(), random.nextBoolean() ? old.staffId() : staffId(random),
                    old.madeAt(), dueBy, fulfilment(old.familyId(), old.madeAt(), random));
        }

        /** A contact of the family (any, to try undelivered and inbound ones too) not dated before madeAt, or none. */
        private String fulfilment(String familyId, Instant madeAt, SplittableRandom random) {
            List<Contact> ofFamily = contacts.values().stream()
                    .filter(c -> c.familyId().equals(familyId) && !c.at().isBefore(madeAt)).toList();
            if (ofFamily.isEmpty() || random.nextInt(3) == 0) {
                return null;
            }
            return ofFamily.get(random.nextInt(ofFamily.size())).id();
        }

        private String staffId(SplittableRandom random) {
            return random.nextInt(6) == 0 ? null : staff.get(random.nextInt(staff.size())).id();
        }

        /** An instant within about 40 days before and 5 days after {@code asOf}. */
        private static Instant around(SplittableRandom random, Instant asOf) {
            return asOf.minus(Duration.ofMinutes(random.nextLong(-5L * 24 * 60, 40L * 24 * 60)));
        }

        private static <T> T pick(SplittableRandom random, Map<String, T> items) {
            List<T> values = new ArrayList<>(items.values());
            return values.get(random.nextInt(values.size()));
        }

        private static <T> T oneOf(SplittableRandom random, T[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    private static Finding only(LiveSession session, String ruleId) {
        assertThat(session.findings()).hasFindingCount(ruleId, 1);
        return session.findings().findingsOf(ruleId).get(0);
    }
}
