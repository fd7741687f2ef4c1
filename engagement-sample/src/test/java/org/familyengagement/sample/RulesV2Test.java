package org.familyengagement.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Restriction;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.junit.jupiter.api.Test;

/** The reading of RULES.md that the planted-case tests rely on, checked on datasets small enough to see through. */
class RulesV2Test {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    private static final Preference SOMALI = Preference.builder().languages("so").interpreter(true)
            .addReachable(new ReachableWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(17, 0), LocalTime.of(20, 0)))
            .build();

    private final List<Family> families = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private LocalDate schoolYearStart = LocalDate.parse("2026-08-17");

    // ---- understood ----

    @Test
    void aStudentInterpreterNeverMakesAContactUnderstoodAnAdultOneDoes() {
        family("f-1", SOMALI);

        RulesV2 rules = rules();

        assertThat(rules.understood(outbound("k-1", "f-1", AS_OF, Interpretation.STUDENT))).isFalse();
        assertThat(rules.understood(outbound("k-2", "f-1", AS_OF, Interpretation.NONE))).isFalse();
        assertThat(rules.understood(outbound("k-3", "f-1", AS_OF, Interpretation.FAMILY_ADULT))).isTrue();
        assertThat(rules.understood(outbound("k-4", "f-1", AS_OF, Interpretation.MACHINE))).isTrue();
        assertThat(rules.understood(outbound("k-5", "f-1", AS_OF, Interpretation.NONE).toBuilder()
                .language("so").build())).isTrue();
    }

    @Test
    void aNamedCaregiversOwnPreferenceReplacesTheFamilys() {
        families.add(Family.builder("f-1").preference(Preference.builder().languages("en").build())
                .caregiver(new Caregiver("c-1", "MOTHER"))
                .caregiver(new Caregiver("c-2", "FATHER", Preference.builder().languages("es").build(), null))
                .student(new Student("s-1", "3", null)).build());
        family("f-2", null);

        RulesV2 rules = rules();

        Contact toMother = outbound("k-1", "f-1", AS_OF, Interpretation.NONE).toBuilder().caregiverId("c-1").build();
        Contact toFather = outbound("k-2", "f-1", AS_OF, Interpretation.NONE).toBuilder().caregiverId("c-2").build();
        assertThat(rules.understood(toMother)).isTrue();
        assertThat(rules.understood(toFather)).isFalse();
        // No preference at all: nothing to misunderstand.
        assertThat(rules.understood(outbound("k-3", "f-2", AS_OF, Interpretation.NONE))).isTrue();
    }

    // ---- untranslated-broadcast ----

    @Test
    void aBroadcastIsFlaggedFromFiveFamiliesNotUnderstoodInTheWindow() {
        for (int i = 1; i <= 6; i++) {
            family("f-" + i, SOMALI);
        }
        for (int i = 1; i <= 4; i++) { // four in the window...
            contacts.add(broadcast("k-a" + i, "f-" + i, "b-1", AS_OF.minus(Duration.ofDays(2))));
            contacts.add(broadcast("k-b" + i, "f-" + i, "b-2", AS_OF.minus(Duration.ofDays(2))));
        }
        contacts.add(broadcast("k-a5", "f-5", "b-1", AS_OF.minus(Duration.ofDays(2)))); // ...the fifth
        contacts.add(broadcast("k-b5", "f-5", "b-2", AS_OF.minus(Duration.ofDays(30)))); // at the window's open end

        assertThat(rules().untranslatedBroadcasts()).containsOnlyKeys("b-1");
        assertThat(rules().untranslatedBroadcasts().get("b-1")).hasSize(5);
    }

    // ---- meetings ----

    @Test
    void aMeetingInTheWindowIsHeldWithAtUpToAsOfIncluded() {
        family("f-1", SOMALI);
        meetings.add(meeting("mt-1", MeetingKind.CONFERENCE, AS_OF, null).build());
        meetings.add(meeting("mt-2", MeetingKind.CONFERENCE, AS_OF.plusSeconds(1), null).build());
        meetings.add(meeting("mt-3", MeetingKind.CONFERENCE, AS_OF.minus(Duration.ofDays(30)), null).build());
        meetings.add(meeting("mt-4", MeetingKind.CONFERENCE, AS_OF.minusSeconds(60), MeetingStatus.NO_SHOW).build());

        RulesV2 rules = rules();

        assertThat(meetings).filteredOn(rules::meetingInWindow).extracting(Meeting::id).containsExactly("mt-1");
        assertThat(rules.meetingWithoutInterpreter()).containsExactly("mt-1");
    }

    @Test
    void iepInputIsDueThirtyDaysAheadAndUpcomingMeetingsAreJudgedOnceDue() {
        family("f-1", SOMALI);
        Instant at = AS_OF.plus(Duration.ofDays(30)); // due exactly at asOf: judged
        meetings.add(meeting("mt-1", MeetingKind.IEP, at, MeetingStatus.SCHEDULED)
                .inputRequestedAt(at.minus(Duration.ofDays(50))).inputReceivedAt(at.minus(Duration.ofDays(30))).build());
        meetings.add(meeting("mt-2", MeetingKind.IEP, at, MeetingStatus.SCHEDULED)
                .inputRequestedAt(at.minus(Duration.ofDays(50))).inputReceivedAt(at.minus(Duration.ofDays(29))).build());
        meetings.add(meeting("mt-3", MeetingKind.IEP, at.plusSeconds(1), MeetingStatus.SCHEDULED).build()); // not yet due
        meetings.add(meeting("mt-4", MeetingKind.IEP, AS_OF.minus(Duration.ofDays(30)), MeetingStatus.HELD).build()); // too old
        meetings.add(meeting("mt-5", MeetingKind.IEP, AS_OF.minus(Duration.ofDays(3)), MeetingStatus.CANCELLED).build());
        meetings.add(meeting("mt-6", MeetingKind.IEP, AS_OF.minus(Duration.ofDays(3)), null).build());

        assertThat(rules().iepInputLate()).containsExactly("mt-2", "mt-6");
        assertThat(rules().iepJudged(RulesV2.DRAFT_LEAD)).extracting(Meeting::id).containsExactly("mt-6");
        assertThat(rules().iepDraftLate()).containsExactly("mt-6");
    }

    @Test
    void theEarlyConferenceIsDueByTheFortiethSchoolDayCountingTheStart() {
        // From Monday 17 August 2026 with Labor Day and Indigenous Peoples' Day off: Tuesday 13 October.
        assertThat(rules().earlyConferenceDeadline()).isEqualTo(LocalDate.parse("2026-10-13"));
        // A Saturday start is not a school day: the count starts on Monday.
        schoolYearStart = LocalDate.parse("2026-08-15");
        assertThat(rules().earlyConferenceDeadline()).isEqualTo(LocalDate.parse("2026-10-13"));
        schoolYearStart = LocalDate.parse("2026-08-18");
        assertThat(rules().earlyConferenceDeadline()).isEqualTo(LocalDate.parse("2026-10-14"));
    }

    @Test
    void aFamilyWithoutAConferenceByTheEndOfTheFortiethSchoolDayIsFlaggedOnceThatDayHasEnded() {
        family("f-1", SOMALI);
        family("f-2", SOMALI);
        family("f-3", SOMALI);
        Instant lastMinute = LocalDate.parse("2026-10-13").atTime(19, 0).atZone(ZONE).toInstant();
        meetings.add(meeting("mt-1", MeetingKind.CONFERENCE, lastMinute, MeetingStatus.NO_SHOW).build());
        meetings.add(new Meeting("mt-2", "f-2", "s-f-2", null, null, null, MeetingKind.CONFERENCE,
                lastMinute.plus(Duration.ofHours(6)), null, List.of(), null, null, null, null, null)); // 14 Oct
        meetings.add(new Meeting("mt-3", "f-3", "s-f-3", null, null, null, MeetingKind.CONFERENCE,
                lastMinute, MeetingStatus.CANCELLED, List.of(), null, null, null, null, null));

        assertThat(rules().earlyConferenceMissing()).containsExactly("f-2", "f-3");
        Instant endOfD = LocalDate.parse("2026-10-14").atStartOfDay(ZONE).toInstant();
        assertThat(new RulesV2(dataset(), endOfD.minusSeconds(1)).earlyConferenceMissing()).isEmpty();
        assertThat(new RulesV2(dataset(), endOfD).earlyConferenceMissing()).containsExactly("f-2", "f-3");
        schoolYearStart = null;
        assertThat(rules().earlyConferenceMissing()).isEmpty();
    }

    @Test
    void anInflexibleMeetingHasNoTimeInsideAWindowFromIncludedToExcluded() {
        family("f-1", SOMALI);
        Instant fivePm = LocalDate.parse("2026-11-18").atTime(17, 0).atZone(ZONE).toInstant();
        Instant eightPm = LocalDate.parse("2026-11-18").atTime(20, 0).atZone(ZONE).toInstant();
        Instant twoPm = LocalDate.parse("2026-11-18").atTime(14, 0).atZone(ZONE).toInstant();
        meetings.add(meeting("mt-1", MeetingKind.CONFERENCE, twoPm, null).offeredTimes(List.of(eightPm)).build());
        meetings.add(meeting("mt-2", MeetingKind.CONFERENCE, twoPm, null).offeredTimes(List.of(fivePm)).build());
        meetings.add(meeting("mt-3", MeetingKind.CONFERENCE, twoPm, null).build()); // nothing offered: not judged

        assertThat(rules().inflexibleMeetingTimes()).containsExactly("mt-1");
    }

    // ---- no-progress-contact ----

    @Test
    void progressContactNeedsATopicOfProgressOrLearningAndJudgesOnlyWithHalfTheTopicsRecorded() {
        family("f-1", null);
        family("f-2", null);
        contacts.add(personal("k-1", "f-1", AS_OF.minus(Duration.ofDays(41)), Topic.LEARNING));
        contacts.add(personal("k-2", "f-2", AS_OF.minus(Duration.ofDays(42)), Topic.PROGRESS)); // outside
        contacts.add(personal("k-3", "f-2", AS_OF.minus(Duration.ofDays(5)), Topic.BEHAVIOR));

        assertThat(rules().progressTopicCoverage()).isEqualTo(1.0);
        assertThat(rules().noProgressContact()).containsExactly("f-2");

        contacts.add(personal("k-4", "f-2", AS_OF.minus(Duration.ofDays(4)), null));
        contacts.add(personal("k-5", "f-2", AS_OF.minus(Duration.ofDays(3)), null));
        assertThat(rules().progressTopicCoverage()).isEqualTo(0.5);
        assertThat(rules().noProgressContact()).containsExactly("f-2");
        contacts.add(personal("k-6", "f-2", AS_OF.minus(Duration.ofDays(2)), null));
        assertThat(rules().noProgressContact()).as("under half the topics recorded: no judgement").isEmpty();
    }

    // ---- group-strengths-disparity ----

    @Test
    void aLabelIsFlaggedBelowFourFifthsOfTheReferenceNotAtIt() {
        // Reference "a": 50 of 50 positive. "b": 40 of 50 is exactly four fifths (and significant,
        // p < 0.001, so only the ratio keeps it out); "c": 2 of 12, far below.
        group("a", 50, 50);
        group("b", 50, 40);
        group("c", 12, 2);
        group("d", 9, 0); // under the minimum group size: never judged

        List<RulesV2.Flag> flags = rules().groupStrengthsDisparity("g");

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.label().label()).isEqualTo("c");
            assertThat(flag.reference().label()).isEqualTo("a");
            assertThat(flag.pValue()).isLessThan(0.001);
        });
        assertThat(rules().strengthsRates("g").get("c").n()).isEqualTo(12);
    }

    // ---- helpers ----

    private RulesV2 rules() {
        return new RulesV2(dataset(), AS_OF);
    }

    private Dataset dataset() {
        District district = District.builder("d-1", ZONE)
                .holidays(Set.of(LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-12")))
                .schoolYearStart(schoolYearStart).build();
        return Dataset.builder(district).families(families).contacts(contacts).meetings(meetings).build();
    }

    private void family(String id, Preference preference) {
        families.add(Family.builder(id).preference(preference).student(new Student("s-" + id, "3", null))
                .caregiver(new Caregiver("c-" + id, "MOTHER", null, Restriction.NONE)).build());
    }

    /** {@code n} families labelled {@code label}, each reached in the window, {@code positive} of them positively. */
    private void group(String label, int n, int positive) {
        for (int i = 0; i < n; i++) {
            String id = "f-" + label + i;
            families.add(Family.builder(id).group("g", label).student(new Student("s-" + id, "3", null)).build());
            contacts.add(Contact.builder("k-" + id, id, AS_OF.minus(Duration.ofDays(1)), Direction.OUTBOUND,
                    Channel.SMS).tone(i < positive ? Tone.POSITIVE : Tone.NEUTRAL).build());
        }
    }

    private static Contact outbound(String id, String familyId, Instant at, Interpretation interpretation) {
        return Contact.builder(id, familyId, at, Direction.OUTBOUND, Channel.SMS).language("en")
                .interpretation(interpretation).build();
    }

    private static Contact broadcast(String id, String familyId, String broadcastId, Instant at) {
        return Contact.builder(id, familyId, at, Direction.OUTBOUND, Channel.PHONE).mode(Mode.BROADCAST)
                .broadcastId(broadcastId).language("en").build();
    }

    private static Contact personal(String id, String familyId, Instant at, Topic topic) {
        return Contact.builder(id, familyId, at, Direction.OUTBOUND, Channel.PHONE).topic(topic).build();
    }

    private static Meeting.Builder meeting(String id, MeetingKind kind, Instant at, MeetingStatus status) {
        return Meeting.builder(id, "f-1", kind, at).studentId("s-f-1").status(status);
    }
}
