package org.familyengagement.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For each of the ten rules of the v2 pack, the sample district as of 2026-11-20T23:00:00Z holds a
 * case where it fires, by RULES.md's definition ({@link RulesV2}), and a near miss where it does
 * not. The rules themselves are written elsewhere; this is what they must find here.
 */
class PlantedV2CasesTest {
    private static Dataset sample;
    private static RulesV2 rules;

    @BeforeAll
    static void generate() {
        sample = Fall2026.sample();
        rules = Fall2026.rules();
    }

    @Test
    void untranslatedBroadcast() {
        Map<String, Set<String>> flagged = rules.untranslatedBroadcasts();
        Contact survey = sample.contacts().stream()
                .filter(c -> c.isBroadcast() && c.schoolId() == null && c.topic() == Topic.OTHER).findFirst().orElseThrow();

        // The district's family survey, by text in English only: Spanish readers too.
        assertThat(rules.inWindow(survey.at())).isTrue();
        assertThat(flagged).containsKey(survey.broadcastId());
        assertThat(flagged.get(survey.broadcastId())).hasSizeGreaterThan(200)
                .anyMatch(familyId -> firstLanguage(familyId).startsWith("es"));
        // The school messages translated into Spanish still miss Somali, Haitian Creole... readers.
        assertThat(flagged.keySet()).filteredOn(id -> !id.equals(survey.broadcastId())).isNotEmpty();
        assertThat(flagged.values()).allSatisfy(families -> assertThat(families).hasSizeGreaterThanOrEqualTo(5));
        // Near miss: app posts shown machine-translated reach the same readers and are not flagged.
        assertThat(sample.contacts()).anyMatch(c -> c.isBroadcast() && rules.inWindow(c.at())
                && c.channel() == Channel.APP && !flagged.containsKey(c.broadcastId()));
    }

    @Test
    void childInterpreter() {
        Set<String> flagged = rules.childInterpreter();

        assertThat(flagged).hasSizeGreaterThanOrEqualTo(5);
        // Near miss: families whose contacts in the window were interpreted by adults only.
        assertThat(sample.contacts()).anyMatch(c -> rules.inWindow(c.at())
                && c.interpretation() == Interpretation.QUALIFIED && !flagged.contains(c.familyId()));
        // Evidence from both kinds: contacts and meetings.
        assertThat(sample.meetings()).anyMatch(m -> m.interpretation() == Interpretation.STUDENT
                && rules.meetingInWindow(m));
    }

    @Test
    void meetingWithoutInterpreter() {
        Set<String> flagged = rules.meetingWithoutInterpreter();

        assertThat(flagged).isNotEmpty();
        assertThat(flagged).allSatisfy(id -> assertThat(meeting(id).interpretation().isProfessional()).isFalse());
        // Near miss: a held meeting in the window where the asked-for interpreter came.
        assertThat(sample.meetings()).anyMatch(m -> rules.meetingInWindow(m) && asksForInterpreter(m)
                && m.interpretation() == Interpretation.QUALIFIED);
    }

    @Test
    void restrictedContact() {
        Map<String, List<String>> flagged = rules.restrictedContact();

        assertThat(flagged).isNotEmpty();
        // Evidence names contacts (the emergency-card robocalls) and sometimes a meeting invitation.
        assertThat(flagged.values()).allSatisfy(evidence -> assertThat(evidence).isNotEmpty());
        // Near miss: a restricted caregiver whom nothing in the window names.
        assertThat(sample.families()).anyMatch(f -> f.caregivers().stream().anyMatch(Caregiver::isNoContact)
                && !flagged.containsKey(f.id()));
    }

    @Test
    void iepInputLate() {
        Set<String> flagged = rules.iepInputLate();
        List<Meeting> judged = rules.iepJudged(RulesV2.INPUT_LEAD);

        assertThat(flagged).hasSizeGreaterThanOrEqualTo(10);
        // Both messages: input never asked for, and asked for but late or never back.
        assertThat(flagged).anyMatch(id -> meeting(id).inputRequestedAt() == null)
                .anyMatch(id -> meeting(id).inputRequestedAt() != null);
        // Upcoming meetings are judged too, once their input is due.
        assertThat(flagged).anyMatch(id -> meeting(id).at().isAfter(Fall2026.AS_OF));
        // Near miss: input back in time.
        assertThat(judged).anyMatch(m -> !flagged.contains(m.id()));
    }

    @Test
    void iepDraftLate() {
        Set<String> flagged = rules.iepDraftLate();

        assertThat(flagged).isNotEmpty();
        assertThat(flagged).anyMatch(id -> meeting(id).draftSharedAt() != null); // shared, but days before
        assertThat(rules.iepJudged(RulesV2.DRAFT_LEAD)).anyMatch(m -> !flagged.contains(m.id()));
    }

    @Test
    void earlyConferenceMissing() {
        Set<String> flagged = rules.earlyConferenceMissing();

        assertThat(flagged.size() / 3000.0).isBetween(0.15, 0.4);
        // Near miss: a family whose only early conference was a no-show still had one.
        assertThat(sample.meetings()).anyMatch(m -> m.kind() == MeetingKind.CONFERENCE
                && m.status() == MeetingStatus.NO_SHOW
                && !flagged.contains(m.familyId()));
        // A late (make-up) conference does not count.
        assertThat(flagged).anyMatch(id -> sample.meetingsOf(id).stream()
                .anyMatch(m -> m.kind() == MeetingKind.CONFERENCE));
    }

    @Test
    void inflexibleMeetingTimes() {
        Set<String> flagged = rules.inflexibleMeetingTimes();

        assertThat(flagged).isNotEmpty();
        assertThat(flagged).anyMatch(id -> meeting(id).kind() == MeetingKind.CONFERENCE)
                .anyMatch(id -> meeting(id).kind() == MeetingKind.IEP);
        // Near miss: a held meeting in the window with offered times, at a time the family gave.
        assertThat(sample.meetings()).anyMatch(m -> rules.meetingInWindow(m) && !m.offeredTimes().isEmpty()
                && effective(m) != null && !effective(m).reachable().isEmpty() && !flagged.contains(m.id()));
    }

    @Test
    void noProgressContact() {
        Set<String> flagged = rules.noProgressContact();

        assertThat(rules.progressTopicCoverage()).as("the rule judges").isGreaterThanOrEqualTo(0.5);
        assertThat(flagged.size() / 3000.0).as("some families").isBetween(0.1, 0.5);
        // The families who hear nothing personal are flagged far more often.
        double excluded = share(flagged, f -> Set.of("so", "ht").contains(f.group("homeLanguage")));
        double english = share(flagged, f -> "en".equals(f.group("homeLanguage")));
        assertThat(excluded).isGreaterThan(english * 1.5);
    }

    @Test
    void groupStrengthsDisparity() {
        List<RulesV2.Flag> housing = rules.groupStrengthsDisparity("housing");

        assertThat(housing).singleElement().satisfies(flag -> {
            assertThat(flag.label().label()).isEqualTo("unstable");
            assertThat(flag.label().n()).isGreaterThanOrEqualTo(RulesV2.MIN_GROUP_SIZE); // eligible
            assertThat(flag.reference().label()).isEqualTo("stable");
            assertThat(flag.ratio()).isLessThan(RulesV2.RATIO);
            assertThat(flag.pValue()).isLessThan(RulesV2.ALPHA);
        });
        // Near miss: income labels differ a little, not enough.
        assertThat(rules.groupStrengthsDisparity("income")).isEmpty();
        // The under-minimum Nepali label never counts, whatever its rate.
        assertThat(rules.groupStrengthsDisparity("homeLanguage"))
                .noneMatch(flag -> flag.label().label().equals("ne") || flag.reference().label().equals("ne"));
    }

    private static Meeting meeting(String id) {
        return sample.meeting(id).orElseThrow();
    }

    private static String firstLanguage(String familyId) {
        Preference preference = sample.family(familyId).orElseThrow().preference();
        return preference == null || preference.languages().isEmpty() ? "" : preference.firstLanguage();
    }

    private static boolean asksForInterpreter(Meeting m) {
        Preference preference = effective(m);
        return preference != null && preference.interpreter();
    }

    /** The meeting's effective preference. */
    private static Preference effective(Meeting m) {
        return rules.effectivePreference(sample.family(m.familyId()).orElseThrow(), m.caregiverId());
    }

    /** The share of the families matching {@code which} that are among {@code flagged}. */
    private static double share(Set<String> flagged, Predicate<Family> which) {
        long all = 0;
        long hit = 0;
        for (Family family : sample.families()) {
            if (which.test(family)) {
                all++;
                hit += flagged.contains(family.id()) ? 1 : 0;
            }
        }
        return hit / (double) all;
    }
}
