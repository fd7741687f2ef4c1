package org.familyengagement.testkit;

import org.familyengagement.report.Report;

/**
 * The entry point of the testkit's AssertJ assertions; import it statically next to AssertJ's own.
 *
 * <pre>{@code
 * import static org.familyengagement.testkit.EngagementAssertions.assertThat;
 *
 * assertThat(engine.evaluate(dataset, asOf)).hasFinding("unanswered-input", "f-1");
 * }</pre>
 */
public final class EngagementAssertions {
    private EngagementAssertions() {
    }

    /** Assertions on a report. */
    public static ReportAssert assertThat(Report report) {
        return new ReportAssert(report);
    }
}
