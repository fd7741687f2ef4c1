package org.familyengagement.examples.iep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Student;
import org.familyengagement.report.Category;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.Test;

class IepRulesTest {
    private static final RuleEngine ENGINE = RuleEngine.builder().addRulesFromClasspath("district/iep.drl").build();
    private static final Instant MEETING = Instant.parse("2026-12-10T15:00:00Z");
    private static final IepMeeting IEP = new IepMeeting("iep-1", "f-1", "s-1", MEETING);

    private static Dataset dataset(List<Contact> contacts) {
        Family family = new Family("f-1", List.of(new Student("s-1", "4", "sch-1")), List.of(), null,
                java.util.Map.of());
        return Dataset.of(District.of("d-1", ZoneId.of("America/Chicago")), List.of(), List.of(family), contacts,
                List.of());
    }

    private static Contact letter(String id, String at) {
        return Contact.builder(id, "f-1", Instant.parse(at), Direction.OUTBOUND, Channel.LETTER).studentId("s-1")
                .build();
    }

    @Test
    void aMissingInputRequestIsFlaggedLikeABuiltInFinding() {
        Report report = ENGINE.evaluate(dataset(List.of()), Instant.parse("2026-11-20T23:00:00Z"), List.of(IEP));

        assertThat(report.findingsOf("iep-input-request-late")).singleElement().satisfies(finding -> {
            assertThat(finding.familyId()).isEqualTo("f-1");
            assertThat(finding.category()).isEqualTo(Category.RESPONSIVENESS);
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.message()).isEqualTo(
                    "No parental-input request reached this family by 2026-11-10, 30 days before the IEP meeting iep-1.");
        });
        assertThat(ENGINE.catalog().rule("iep-input-request-late")).hasValueSatisfying(rule ->
                assertThat(rule.builtIn()).isFalse());
    }

    @Test
    void aRequestThirtyDaysAheadIsOnTimeAndOneMinuteLateIsNot() {
        Contact onTime = letter("k-1", "2026-11-10T15:00:00Z");
        IepNotice notice = new IepNotice("iep-1", IepNotice.Kind.INPUT_REQUEST, "k-1");
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");

        assertThat(ENGINE.evaluate(dataset(List.of(onTime)), asOf, List.of(IEP, notice))
                .findingsOf("iep-input-request-late")).isEmpty();

        Contact late = letter("k-1", "2026-11-10T15:01:00Z");
        assertThat(ENGINE.evaluate(dataset(List.of(late)), asOf, List.of(IEP, notice))
                .findingsOf("iep-input-request-late")).hasSize(1);
    }

    @Test
    void theNoticeIsJudgedOnlyOnceItsDueTimeHasPassed() {
        IepNotice request = new IepNotice("iep-1", IepNotice.Kind.INPUT_REQUEST, "k-1");
        Dataset data = dataset(List.of(letter("k-1", "2026-11-02T15:00:00Z")));

        assertThat(ENGINE.evaluate(data, Instant.parse("2026-11-30T14:59:00Z"), List.of(IEP, request))
                .findingsOf("iep-notice-late")).isEmpty();
        assertThat(ENGINE.evaluate(data, Instant.parse("2026-11-30T15:00:00Z"), List.of(IEP, request))
                .findingsOf("iep-notice-late")).hasSize(1);
    }

    @Test
    void aLiveSessionSeesExtraFactsToo() {
        try (LiveSession session = ENGINE.openSession(dataset(List.of()), Instant.parse("2026-11-20T23:00:00Z"),
                List.of(IEP))) {
            assertThat(session.findingsFor("f-1")).extracting(f -> f.ruleId()).contains("iep-input-request-late");
        }
    }

    @Test
    void aDistrictCanSwitchItsOwnRuleOff() {
        RuleEngine engine = RuleEngine.builder().addRulesFromClasspath("district/iep.drl")
                .disable("iep-notice-late").build();

        assertThat(engine.catalog().ids()).contains("iep-input-request-late").doesNotContain("iep-notice-late");
    }
}
