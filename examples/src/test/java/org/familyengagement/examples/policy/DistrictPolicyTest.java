package org.familyengagement.examples.policy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.familyengagement.examples.iep.IepMeeting;
import org.familyengagement.examples.iep.IepNotice;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.familyengagement.testkit.EngagementAssertions;
import org.familyengagement.testkit.Facts;
import org.familyengagement.testkit.FamilySpec;
import org.familyengagement.testkit.RuleVerifier;
import org.familyengagement.testkit.ScenarioRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Riverbend's outreach policy, stated as tests: the built-in pack with the district's thresholds
 * (src/main/resources/district/policy.yaml) and its own IEP rules (district/iep.drl). A change to
 * the policy file or the rules that breaks a promise below fails the build.
 */
class DistrictPolicyTest {
    private static final RuleVerifier POLICY = RuleVerifier.builder()
            .policy(Path.of("src/main/resources/district/policy.yaml"))
            .addRulesFromClasspath("district/iep.drl")
            .build();
    private static final Facts F = Facts.defaults();
    private static final FamilySpec GARCIA = F.family("f-1").prefersSpanishBySms().group("homeLanguage", "es")
            .student("s-1");

    @Test
    void aQuestionIsAnsweredWithinOneSchoolDay() {
        ContactSpec question = F.question("k-1", "f-1", "2026-11-13T14:00");   // a Friday afternoon

        POLICY.verifyThat("unanswered-input")
                .given(GARCIA, question)
                .asOf("2026-11-17T00:00")                                       // Monday has ended
                .flagsFamily("f-1").withEvidence("k-1").withSeverity(Severity.HIGH);
    }

    @Test
    void aReplyOnMondayKeepsThePromise() {
        ContactSpec question = F.question("k-1", "f-1", "2026-11-13T14:00");

        POLICY.verifyThat("unanswered-input")
                .given(GARCIA, question, F.replyTo(question, "k-2", "2026-11-16T16:30").language("es"))
                .asOf("2026-11-20T17:00")
                .doesNotFlag();
    }

    @Test
    void sixNewslettersInAWeekAreOneWayContactButNotOverload() {
        Report report = POLICY.verifyThat()
                .given(GARCIA,
                        F.broadcast("k-1", "f-1", "2026-11-16T08:00").language("es"),
                        F.broadcast("k-2", "f-1", "2026-11-16T12:00").language("es"),
                        F.broadcast("k-3", "f-1", "2026-11-17T08:00").language("es"),
                        F.broadcast("k-4", "f-1", "2026-11-17T12:00").language("es"),
                        F.broadcast("k-5", "f-1", "2026-11-18T08:00").language("es"),
                        F.broadcast("k-6", "f-1", "2026-11-18T12:00").language("es"))
                .asOf("2026-11-20T17:00")
                .report();

        EngagementAssertions.assertThat(report)
                .hasFinding("one-way-only", "f-1")
                .hasNoFindingOf("message-overload");
    }

    @Test
    void anEnglishOnlyLetterToASpanishReadingFamilyIsFlagged() {
        POLICY.verifyThat("language-mismatch")
                .given(GARCIA, F.text("k-1", "f-1", "2026-11-16T10:00").language("en"))
                .asOf("2026-11-20T17:00")
                .flagsFamily("f-1").withEvidence("k-1");
    }

    @Test
    void theIepInputRequestIsDueThirtyDaysBeforeTheMeeting() {
        IepMeeting meeting = new IepMeeting("iep-1", "f-1", "s-1", Instant.parse("2026-12-10T15:00:00Z"));

        POLICY.verifyThat("iep-input-request-late")
                .given(GARCIA, meeting)
                .asOf("2026-11-20T17:00")
                .flagsFamily("f-1").withMessageContaining("iep-1");

        POLICY.verifyThat("iep-input-request-late")
                .given(GARCIA, meeting, new IepNotice("iep-1", IepNotice.Kind.INPUT_REQUEST, "k-1"),
                        F.contact("k-1", "f-1", "2026-11-09T09:00", Direction.OUTBOUND, Channel.LETTER)
                                .student("s-1"))
                .asOf("2026-11-20T17:00")
                .doesNotFlag();
    }

    /** The same policy as data: one scenario file per situation, kept by the coordinator. */
    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioRunner.fromDirectory(Path.of("src/test/resources/policy-scenarios"));
    }
}
