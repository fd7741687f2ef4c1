package org.familyengagement.examples.docs;

import static org.familyengagement.testkit.EngagementAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.testkit.ScenarioRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
// tag::rule-test[]
import org.familyengagement.testkit.*;

class UnansweredInputTest {
    // Built once, shared: a verifier is immutable and thread-safe.
    private static final RuleVerifier VERIFIER = RuleVerifier.ofDefaults();
    private static final Facts F = Facts.defaults();          // district d-1, America/Chicago

    private static final FamilySpec FAMILY = F.family("f-1").prefersSpanishBySms().group("homeLanguage", "es");

    @Test
    void aFridayQuestionIsLateOnWednesday() {
        ContactSpec question = F.question("k-1", "f-1", "2026-11-13T14:00");   // Friday 2 pm, local time

        VERIFIER.verifyThat("unanswered-input")
                .given(FAMILY, question)
                .asOf("2026-11-18T08:00")
                .flagsFamily("f-1").withEvidence("k-1").withSeverity(Severity.HIGH);
    }

    @Test
    void aReplyOnMondayIsOnTime() {
        ContactSpec question = F.question("k-1", "f-1", "2026-11-13T14:00");

        VERIFIER.verifyThat("unanswered-input")
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T09:00").language("es"))  // understood
                .asOf("2026-11-18T08:00")
                .doesNotFlag();
    }
}
// end::rule-test[]

// tag::scenarios[]
class PolicyScenariosTest {
    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioRunner.fromDirectory(Path.of("src/test/resources/policy-scenarios"));
    }
}
// end::scenarios[]

/** The Java of docs/testing-policies.md that is not a whole test class. */
class TestingPoliciesSnippets {
    @Test
    void assertionsOnAReport() throws IOException {
        Report report = RuleEngine.builder().policy(Path.of("src/main/resources/district/policy.yaml")).build()
                .evaluate(DatasetReader.read(Path.of("../examples/data/sample-district.json")),
                        Instant.parse("2026-11-20T23:00:00Z"));
        // tag::report-assertions[]
        assertThat(report).hasFinding("unanswered-input", "f-000019")
                          .hasGroupFinding("group-reach-disparity", "homeLanguage", "so")
                          .hasNoFindingOf("message-overload")
                          .hasFindingCount("unreached-family", 24);
        // end::report-assertions[]
    }
}
