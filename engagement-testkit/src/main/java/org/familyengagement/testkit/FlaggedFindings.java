package org.familyengagement.testkit;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;

/**
 * The findings an assertion selected ({@code flagsFamily("f-1")}), to be narrowed further:
 * {@code .withEvidence("k-7").withSeverity(Severity.HIGH)}. Each {@code with...} keeps the
 * findings that match, and fails when none does.
 */
public final class FlaggedFindings {
    private final RuleOutcome outcome;
    private final String what;
    private final List<Finding> selected;

    FlaggedFindings(RuleOutcome outcome, String what, List<Finding> selected) {
        this.outcome = outcome;
        this.what = what;
        this.selected = selected;
    }

    /** The selected findings. */
    public List<Finding> findings() {
        return selected;
    }

    /** Back to the outcome, to assert something else about the same evaluation. */
    public RuleOutcome and() {
        return outcome;
    }

    /** One of the findings has exactly this evidence, in any order. */
    public FlaggedFindings withEvidence(String... ids) {
        TreeSet<String> expected = new TreeSet<>(List.of(ids));
        List<Finding> matching = selected.stream().filter(f -> new TreeSet<>(f.evidence()).equals(expected)).toList();
        if (matching.isEmpty()) {
            throw failure("with evidence " + expected, "its evidence is " + selected.stream()
                    .map(f -> f.evidence().toString()).collect(Collectors.joining(" / ")));
        }
        return narrowed("with evidence " + expected, matching);
    }

    /**
     * One of the findings has exactly this evidence, in this order: the order the rule gives it (a
     * broken commitment's id before its late contact, a family's contacts in time order).
     */
    public FlaggedFindings withEvidenceInOrder(String... ids) {
        List<String> expected = List.of(ids);
        List<Finding> matching = selected.stream().filter(f -> f.evidence().equals(expected)).toList();
        if (matching.isEmpty()) {
            throw failure("with evidence in order " + expected, "its evidence is " + selected.stream()
                    .map(f -> f.evidence().toString()).collect(Collectors.joining(" / ")));
        }
        return narrowed("with evidence in order " + expected, matching);
    }

    /** One of the findings has evidence that includes these ids (a commitment's late contact may follow). */
    public FlaggedFindings withEvidenceContaining(String... ids) {
        List<String> expected = List.of(ids);
        List<Finding> matching = selected.stream().filter(f -> f.evidence().containsAll(expected)).toList();
        if (matching.isEmpty()) {
            throw failure("with evidence containing " + expected, "its evidence is " + selected.stream()
                    .map(f -> f.evidence().toString()).collect(Collectors.joining(" / ")));
        }
        return narrowed("with evidence containing " + expected, matching);
    }

    /** Every selected finding has this severity. */
    public FlaggedFindings withSeverity(Severity severity) {
        Objects.requireNonNull(severity, "severity must not be null");
        if (selected.stream().anyMatch(f -> f.severity() != severity)) {
            throw failure("with severity " + severity, "its severity is " + selected.stream()
                    .map(f -> f.severity().name()).distinct().collect(Collectors.joining(" / ")));
        }
        return this;
    }

    /** Every selected finding has this category. */
    public FlaggedFindings withCategory(Category category) {
        Objects.requireNonNull(category, "category must not be null");
        if (selected.stream().anyMatch(f -> f.category() != category)) {
            throw failure("with category " + category, "its category is " + selected.stream()
                    .map(f -> f.category().name()).distinct().collect(Collectors.joining(" / ")));
        }
        return this;
    }

    /** One of the findings has exactly this message. */
    public FlaggedFindings withMessage(String message) {
        Objects.requireNonNull(message, "message must not be null");
        List<Finding> matching = selected.stream().filter(f -> f.message().equals(message)).toList();
        if (matching.isEmpty()) {
            throw failure("with message \"" + message + "\"", messages());
        }
        return narrowed("with message \"" + message + "\"", matching);
    }

    /** One of the findings has a message containing this text. */
    public FlaggedFindings withMessageContaining(String text) {
        Objects.requireNonNull(text, "text must not be null");
        List<Finding> matching = selected.stream().filter(f -> f.message().contains(text)).toList();
        if (matching.isEmpty()) {
            throw failure("with a message containing \"" + text + "\"", messages());
        }
        return narrowed("with a message containing \"" + text + "\"", matching);
    }

    /**
     * One of the findings (of a group) has exactly these metrics: size, rate, reference label and
     * rate, ratio and p-value, each double compared exactly.
     */
    public FlaggedFindings withMetrics(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics must not be null");
        List<Finding> matching = selected.stream().filter(f -> metrics.equals(f.metrics())).toList();
        if (matching.isEmpty()) {
            throw failure("with metrics " + metrics, metricsFound());
        }
        return narrowed("with metrics " + metrics, matching);
    }

    /** One of the findings (of a broadcast) has exactly these figures: families, deliveries, languages. */
    public FlaggedFindings withBroadcastMetrics(BroadcastMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics must not be null");
        List<Finding> matching = selected.stream().filter(f -> metrics.equals(f.broadcastMetrics())).toList();
        if (matching.isEmpty()) {
            throw failure("with broadcast metrics " + metrics, "its broadcast metrics are " + selected.stream()
                    .map(f -> String.valueOf(f.broadcastMetrics())).toList());
        }
        return narrowed("with broadcast metrics " + metrics, matching);
    }

    /** One of the findings is attributed to exactly these schools (sorted) and staff members (sorted). */
    public FlaggedFindings withAttribution(List<String> schoolIds, List<String> staffIds) {
        List<Finding> matching = selected.stream()
                .filter(f -> f.schoolIds().equals(schoolIds) && f.staffIds().equals(staffIds)).toList();
        String condition = "attributed to schools " + schoolIds + " and staff " + staffIds;
        if (matching.isEmpty()) {
            throw failure(condition, "its attributions are " + selected.stream()
                    .map(f -> "schools " + f.schoolIds() + ", staff " + f.staffIds()).toList());
        }
        return narrowed(condition, matching);
    }

    /** One of the findings (of a group) compares it with this reference label, the best-served group's. */
    public FlaggedFindings withReferenceLabel(String label) {
        Objects.requireNonNull(label, "label must not be null");
        List<Finding> matching = selected.stream()
                .filter(f -> f.metrics() != null && label.equals(f.metrics().referenceLabel())).toList();
        if (matching.isEmpty()) {
            throw failure("against reference label \"" + label + "\"", metricsFound());
        }
        return narrowed("against reference label \"" + label + "\"", matching);
    }

    /** There are exactly this many selected findings (one per unanswered input, per broken commitment). */
    public FlaggedFindings times(int expected) {
        if (selected.size() != expected) {
            throw failure(expected + (expected == 1 ? " time" : " times"), "it did " + selected.size()
                    + (selected.size() == 1 ? " time" : " times"));
        }
        return this;
    }

    private String metricsFound() {
        return "its metrics are " + selected.stream().map(f -> f.metrics() == null ? "none" : f.metrics().toString())
                .collect(Collectors.joining(" / "));
    }

    private String messages() {
        return "its message is " + selected.stream().map(f -> "\"" + f.message() + "\"")
                .collect(Collectors.joining(" / "));
    }

    private FlaggedFindings narrowed(String condition, List<Finding> matching) {
        return new FlaggedFindings(outcome, what + " " + condition, matching);
    }

    private AssertionError failure(String condition, String found) {
        return outcome.fail("Expected " + scopeOf() + " to flag " + what + " " + condition + ", but " + found + ".",
                RuleOutcome.familiesOf(selected));
    }

    private String scopeOf() {
        // All selected findings come from the verified rule, or from several rules when none was named.
        List<String> rules = selected.stream().map(Finding::ruleId).distinct().toList();
        return rules.size() == 1 ? "rule \"" + rules.get(0) + "\"" : "rules " + rules;
    }
}
