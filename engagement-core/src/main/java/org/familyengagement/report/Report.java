package org.familyengagement.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an evaluation found as of one instant. Findings are in {@link Finding#ORDER} and rates in
 * their natural order, so the same inputs always give the same report.
 *
 * @param asOf     the instant of judgement
 * @param findings every finding, sorted
 * @param coverage how much of what the rules read was recorded, and which rules did not judge; {@code null}
 *                 when the report does not say (a report built by hand, a findings document without it)
 * @param rates    the equity table: every eligible label's rate under each group rule that ran,
 *                 flagged or not (empty when no group rule ran, or for a report read back from a
 *                 findings document)
 */
public record Report(Instant asOf, List<Finding> findings, Coverage coverage, List<LabelRate> rates) {
    public Report {
        Objects.requireNonNull(asOf, "asOf");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        findings = Collections.unmodifiableList(sorted);
        List<LabelRate> table = new ArrayList<>(rates);
        Collections.sort(table);
        rates = Collections.unmodifiableList(table);
    }

    /** A report that states no coverage and has no equity table. */
    public Report(Instant asOf, List<Finding> findings) {
        this(asOf, findings, null, List.of());
    }

    /** A report without an equity table. */
    public Report(Instant asOf, List<Finding> findings, Coverage coverage) {
        this(asOf, findings, coverage, List.of());
    }

    /** The findings of one rule. */
    public List<Finding> findingsOf(String ruleId) {
        return filter(f -> f.ruleId().equals(ruleId));
    }

    /** The findings about one family. */
    public List<Finding> findingsFor(String familyId) {
        return filter(f -> familyId.equals(f.familyId()));
    }

    /** The findings at or above a severity. */
    public List<Finding> findingsAtLeast(Severity severity) {
        return filter(f -> f.severity().isAtLeast(severity));
    }

    private List<Finding> filter(Predicate<Finding> keep) {
        return findings.stream().filter(keep).toList();
    }
}
