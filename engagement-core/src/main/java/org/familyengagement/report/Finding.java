package org.familyengagement.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found: about one family, or about one group, never both.
 * Carries ids and enum values only.
 *
 * @param ruleId   the rule's stable kebab-case id
 * @param category the rule's category
 * @param severity the rule's severity
 * @param familyId the family concerned, or {@code null} for a group finding
 * @param group    the group concerned, or {@code null} for a family finding
 * @param evidence ids of the contacts and commitments behind it
 * @param message  one sentence for a coordinator, with ids and dates only
 * @param metrics  the figures of a group finding, or {@code null}
 */
public record Finding(String ruleId, Category category, Severity severity, String familyId, Group group,
                      List<String> evidence, String message, Metrics metrics) implements Comparable<Finding> {

    /** The order of findings in a report: rule, family, group, evidence. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::familyId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::group, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> String.join("\u0000", f.evidence()))
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("ruleId must not be blank");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        if ((familyId == null) == (group == null)) {
            throw new IllegalArgumentException("finding of rule " + ruleId
                    + " must concern exactly one family or one group");
        }
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(message, "message");
    }

    /** A family finding. */
    public static Finding ofFamily(String ruleId, Category category, Severity severity, String familyId,
                                   List<String> evidence, String message) {
        return new Finding(ruleId, category, severity, familyId, null, evidence, message, null);
    }

    /** A group finding. */
    public static Finding ofGroup(String ruleId, Category category, Severity severity, Group group,
                                  Metrics metrics, String message) {
        return new Finding(ruleId, category, severity, null, group, List.of(), message, metrics);
    }

    public boolean isGroupFinding() {
        return group != null;
    }

    /**
     * The rule and the subject's id only: no message, evidence or group label, so that a finding
     * logged by a rule engine at TRACE (a live session inserts findings as facts) leaks nothing.
     */
    @Override
    public String toString() {
        return "Finding[" + ruleId + ", " + (familyId != null ? "family " + familyId : group) + ", "
                + evidence.size() + " evidence]";
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
