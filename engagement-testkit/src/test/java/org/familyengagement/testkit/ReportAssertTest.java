package org.familyengagement.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familyengagement.testkit.EngagementAssertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

class ReportAssertTest {
    private static final Report REPORT = new Report(Instant.parse("2026-11-18T14:00:00Z"), List.of(
            Finding.ofFamily("unanswered-input", Category.RESPONSIVENESS, Severity.HIGH, "f-1", List.of("k-1"),
                    "A question from this family on 2026-11-13 has had no reply for 2 school days."),
            Finding.ofGroup("group-reach-disparity", Category.EQUITY, Severity.HIGH, new Group("homeLanguage", "es"),
                    new Metrics(10, 0.0, "en", 1.0, 0.0, 0.00001), "Reached at 0%, against 100% for \"en\".")));

    @Test
    void passesOnWhatTheReportHolds() {
        assertThat(REPORT)
                .hasFinding("unanswered-input", "f-1")
                .hasGroupFinding("group-reach-disparity", "homeLanguage", "es")
                .hasNoFindingOf("message-overload")
                .hasNoFinding("unanswered-input", "f-2")
                .hasFindingCount(2)
                .hasFindingCount("unanswered-input", 1);
    }

    @Test
    void hasFindingFailsListingTheFindings() {
        assertThatThrownBy(() -> assertThat(REPORT).hasFinding("unanswered-input", "f-2"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a finding of rule \"unanswered-input\" about family \"f-2\", but there is none.")
                .hasMessageContaining("- unanswered-input  family f-1  HIGH  evidence [k-1]")
                // A percent sign in a message is shown as it is, not taken for a format.
                .hasMessageContaining("Reached at 0%, against 100% for \"en\".");
    }

    @Test
    void hasGroupFindingFails() {
        assertThatThrownBy(() -> assertThat(REPORT).hasGroupFinding("group-reach-disparity", "homeLanguage", "so"))
                .hasMessageContaining("about group homeLanguage=\"so\", but there is none.");
    }

    @Test
    void hasNoFindingOfFailsShowingThem() {
        assertThatThrownBy(() -> assertThat(REPORT).hasNoFindingOf("unanswered-input"))
                .hasMessageContaining("Expected no finding of rule \"unanswered-input\", but there is 1.")
                .hasMessageContaining("family f-1");
    }

    @Test
    void hasNoFindingFails() {
        assertThatThrownBy(() -> assertThat(REPORT).hasNoFinding("unanswered-input", "f-1"))
                .hasMessageContaining("Expected no finding of rule \"unanswered-input\" about family \"f-1\"");
    }

    @Test
    void hasFindingCountFails() {
        assertThatThrownBy(() -> assertThat(REPORT).hasFindingCount(3))
                .hasMessageContaining("Expected 3 findings, but the report has 2.");
        assertThatThrownBy(() -> assertThat(REPORT).hasFindingCount("unanswered-input", 2))
                .hasMessageContaining("Expected 2 findings of rule \"unanswered-input\", but the report has 1.");
    }

    @Test
    void anEmptyReportSaysNone() {
        assertThatThrownBy(() -> assertThat(new Report(Instant.EPOCH, List.of())).hasFinding("unanswered-input", "f-1"))
                .hasMessageContaining("(none)");
    }
}
