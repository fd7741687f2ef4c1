package org.familyengagement.testkit;

import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Report;

/**
 * AssertJ assertions on a {@link Report}, from {@link EngagementAssertions#assertThat(Report)}:
 *
 * <pre>{@code
 * assertThat(report).hasFinding("unanswered-input", "f-1").hasNoFindingOf("message-overload");
 * }</pre>
 */
public final class ReportAssert extends AbstractAssert<ReportAssert, Report> {
    ReportAssert(Report actual) {
        super(actual, ReportAssert.class);
    }

    /** The report has a finding of this rule about this family. */
    public ReportAssert hasFinding(String ruleId, String familyId) {
        isNotNull();
        boolean found = actual.findingsOf(ruleId).stream().anyMatch(f -> familyId.equals(f.familyId()));
        if (!found) {
            failWithMessage("Expected a finding of rule \"%s\" about family \"%s\", but there is none.%n%s",
                    ruleId, familyId, describe(actual.findings()));
        }
        return this;
    }

    /** The report has a finding of this rule about this group label. */
    public ReportAssert hasGroupFinding(String ruleId, String dimension, String label) {
        isNotNull();
        Group group = new Group(dimension, label);
        if (actual.findingsOf(ruleId).stream().noneMatch(f -> group.equals(f.group()))) {
            failWithMessage("Expected a finding of rule \"%s\" about group %s=\"%s\", but there is none.%n%s",
                    ruleId, dimension, label, describe(actual.findings()));
        }
        return this;
    }

    /** The report has no finding of this rule. */
    public ReportAssert hasNoFindingOf(String ruleId) {
        isNotNull();
        List<Finding> found = actual.findingsOf(ruleId);
        if (!found.isEmpty()) {
            failWithMessage("Expected no finding of rule \"%s\", but there %s.%n%s", ruleId,
                    found.size() == 1 ? "is 1" : "are " + found.size(), describe(found));
        }
        return this;
    }

    /** The report has no finding of this rule about this family. */
    public ReportAssert hasNoFinding(String ruleId, String familyId) {
        isNotNull();
        List<Finding> found = actual.findingsOf(ruleId).stream().filter(f -> familyId.equals(f.familyId())).toList();
        if (!found.isEmpty()) {
            failWithMessage("Expected no finding of rule \"%s\" about family \"%s\", but there is.%n%s", ruleId,
                    familyId, describe(found));
        }
        return this;
    }

    /** The report has exactly this many findings, of all rules. */
    public ReportAssert hasFindingCount(int expected) {
        isNotNull();
        if (actual.findings().size() != expected) {
            failWithMessage("Expected %d findings, but the report has %d.%n%s", expected, actual.findings().size(),
                    describe(actual.findings()));
        }
        return this;
    }

    /** The report has exactly this many findings of one rule. */
    public ReportAssert hasFindingCount(String ruleId, int expected) {
        isNotNull();
        List<Finding> found = actual.findingsOf(ruleId);
        if (found.size() != expected) {
            failWithMessage("Expected %d findings of rule \"%s\", but the report has %d.%n%s", expected, ruleId,
                    found.size(), describe(actual.findings()));
        }
        return this;
    }

    private String describe(List<Finding> findings) {
        String header = "Findings as of " + actual.asOf() + ":";
        if (findings.isEmpty()) {
            return header + System.lineSeparator() + "  (none)";
        }
        // Passed to failWithMessage as an argument, never as the format: messages may hold a percent sign.
        return header + findings.stream().map(f -> System.lineSeparator() + "  - " + Explain.finding(f))
                .collect(Collectors.joining());
    }
}
