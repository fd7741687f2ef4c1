package org.familyengagement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/** The urgency order of docs/rules.md, on findings the engine makes. */
class UrgencyTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    private static final District DISTRICT = District.of("d-1", ZoneId.of("America/Chicago"));

    private static Family family(String id) {
        return new Family(id, List.of(), List.of(), Preference.of(List.of("en"), List.of(Channel.SMS)), Map.of());
    }

    private static List<Finding> ordered(Dataset dataset, Report report) {
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.sort(Urgency.order(dataset, Policy.defaults(), AS_OF));
        return findings;
    }

    @Test
    void theLongestWaitingQuestionComesFirstAndAFreshOneLast() {
        // Questions of 2 Nov (14 school days waiting), 9 Nov (9; 11 Nov is not a holiday here) and 16 Nov (4).
        List<Family> families = List.of(family("f-1"), family("f-2"), family("f-3"));
        List<Contact> questions = List.of(
                Contact.builder("k-1", "f-1", Instant.parse("2026-11-16T20:00:00Z"), Direction.INBOUND, Channel.SMS).build(),
                Contact.builder("k-2", "f-2", Instant.parse("2026-11-02T20:00:00Z"), Direction.INBOUND, Channel.SMS).build(),
                Contact.builder("k-3", "f-3", Instant.parse("2026-11-09T20:00:00Z"), Direction.INBOUND, Channel.SMS).build());
        Dataset dataset = Dataset.of(DISTRICT, List.of(), families, questions, List.of());
        Report report = RuleEngine.builder().disable(RuleIds.UNREACHED_FAMILY).build().evaluate(dataset, AS_OF);

        assertThat(ordered(dataset, report)).filteredOn(f -> f.ruleId().equals(RuleIds.UNANSWERED_INPUT))
                .extracting(Finding::familyId).containsExactly("f-2", "f-3", "f-1");
    }

    @Test
    void aPromiseNeverKeptRanksAboveOneKeptLateWhateverTheirDates() {
        Instant due = Instant.parse("2026-11-18T23:00:00Z");
        Instant earlierDue = Instant.parse("2026-11-03T23:00:00Z");
        List<Family> families = List.of(family("f-1"), family("f-2"));
        // f-1's promise is older (more overdue) but was kept late; f-2's, recent, was never kept.
        Contact late = Contact.builder("k-1", "f-1", Instant.parse("2026-11-10T20:00:00Z"), Direction.OUTBOUND,
                Channel.PHONE).mode(Mode.PERSONAL).build();
        Dataset dataset = Dataset.of(DISTRICT, List.of(), families, List.of(late), List.of(
                new Commitment("m-1", "f-1", null, earlierDue.minusSeconds(86_400), earlierDue, "k-1"),
                Commitment.of("m-2", "f-2", null, due.minusSeconds(86_400), due)));
        Report report = RuleEngine.builder().build().evaluate(dataset, AS_OF);

        assertThat(ordered(dataset, report)).filteredOn(f -> f.ruleId().equals(RuleIds.BROKEN_COMMITMENT))
                .extracting(Finding::familyId).containsExactly("f-2", "f-1");
    }

    @Test
    void anUpcomingMeetingRanksBeforeAPastOneTheSoonestFirst() {
        List<Family> families = List.of(family("f-1"), family("f-2"), family("f-3"));
        List<Meeting> meetings = List.of(
                Meeting.builder("mt-past", "f-1", MeetingKind.IEP, Instant.parse("2026-11-12T15:00:00Z")).build(),
                Meeting.builder("mt-later", "f-2", MeetingKind.IEP, Instant.parse("2026-12-10T15:00:00Z")).build(),
                Meeting.builder("mt-soon", "f-3", MeetingKind.IEP, Instant.parse("2026-11-24T15:00:00Z")).build());
        Dataset dataset = Dataset.of(DISTRICT, List.of(), families, List.of(), List.of(), meetings);
        List<Finding> findings = new ArrayList<>();
        for (Meeting meeting : meetings) {
            findings.add(Finding.ofFamily("iep-input-late", Category.PARTNERSHIP, Severity.HIGH, meeting.familyId(),
                    List.of(meeting.id()), "m"));
        }

        assertThat(ordered(dataset, new Report(AS_OF, findings))).extracting(f -> f.evidence().get(0))
                .containsExactly("mt-soon", "mt-later", "mt-past");
    }

    @Test
    void severityFirstThenTheRuleOrderThenTheWidestGap() {
        Dataset dataset = Dataset.of(DISTRICT, List.of(), List.of(family("f-1")), List.of(), List.of());
        Finding low = Finding.ofFamily(RuleIds.MESSAGE_OVERLOAD, Category.REACH, Severity.LOW, "f-1", List.of("k-1"), "m");
        Finding language = Finding.ofFamily(RuleIds.LANGUAGE_MISMATCH, Category.ACCESS, Severity.HIGH, "f-1",
                List.of("k-2"), "m");
        Finding safety = Finding.ofFamily("restricted-contact", Category.SAFETY, Severity.HIGH, "f-1", List.of("k-3"),
                "m");
        Finding custom = Finding.ofFamily("district-rule", Category.ACCESS, Severity.HIGH, "f-1", List.of(), "m");
        Finding narrow = Finding.ofGroup(RuleIds.GROUP_REACH_DISPARITY, Category.EQUITY, Severity.HIGH,
                new org.familyengagement.report.Group("homeLanguage", "es"),
                new org.familyengagement.report.Metrics(40, 0.6, "en", 0.9, 0.66, 0.01), "m");
        Finding wide = Finding.ofGroup(RuleIds.GROUP_REACH_DISPARITY, Category.EQUITY, Severity.HIGH,
                new org.familyengagement.report.Group("homeLanguage", "so"),
                new org.familyengagement.report.Metrics(30, 0.27, "en", 0.9, 0.3, 0.001), "m");

        assertThat(ordered(dataset, new Report(AS_OF, List.of(low, language, safety, custom, narrow, wide))))
                .containsExactly(safety, language, wide, narrow, custom, low);
    }
}
