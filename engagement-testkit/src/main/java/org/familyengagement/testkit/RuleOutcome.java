package org.familyengagement.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Report;

/**
 * What a rule (or every rule) found as of the instant of a verification, with assertions that
 * read like the policy. Immutable and cheap: assertions only read the report.
 */
public final class RuleOutcome {
    private static final String NL = System.lineSeparator();

    private final String ruleId;
    private final Report report;
    private final Dataset dataset;
    private final List<Object> extraFacts;
    private final Policy policy;
    private final List<Finding> scoped;

    RuleOutcome(String ruleId, Report report, Dataset dataset, List<Object> extraFacts, Policy policy) {
        this.ruleId = ruleId;
        this.report = report;
        this.dataset = dataset;
        this.extraFacts = extraFacts;
        this.policy = policy;
        this.scoped = ruleId == null ? report.findings() : report.findingsOf(ruleId);
    }

    /** The same evaluation, narrowed to one rule: scenario files check many rules on one report. */
    RuleOutcome forRule(String otherRuleId) {
        return new RuleOutcome(otherRuleId, report, dataset, extraFacts, policy);
    }

    /** The whole report, for assertions the verifier does not offer. */
    public Report report() {
        return report;
    }

    /** The findings in scope: of the verified rule, or all. */
    public List<Finding> findings() {
        return scoped;
    }

    /**
     * The rule flags this family at least once.
     *
     * @return its findings about that family, to assert evidence, severity or message on
     */
    public FlaggedFindings flagsFamily(String familyId) {
        Objects.requireNonNull(familyId, "familyId must not be null");
        List<Finding> found = scoped.stream().filter(f -> familyId.equals(f.familyId())).toList();
        String what = "family \"" + familyId + "\"";
        if (found.isEmpty()) {
            String hint = dataset.family(familyId).isEmpty()
                    ? NL + "Note: no family \"" + familyId + "\" is among the facts." : "";
            throw fail("Expected " + Explain.scope(ruleId) + " to flag " + what + ", but it did not." + hint,
                    Set.of(familyId));
        }
        return new FlaggedFindings(this, what, found);
    }

    /** The rule flags exactly these families, no others (group findings aside). */
    public FlaggedFindings flagsOnly(String... familyIds) {
        Set<String> expected = new TreeSet<>(List.of(familyIds));
        Set<String> actual = flaggedFamilies();
        if (!expected.equals(actual)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> unexpected = new TreeSet<>(actual);
            unexpected.removeAll(expected);
            StringBuilder text = new StringBuilder("Expected ").append(Explain.scope(ruleId))
                    .append(" to flag only families ").append(expected).append(", but it flagged ").append(actual)
                    .append('.');
            if (!missing.isEmpty()) {
                text.append(NL).append("Not flagged: ").append(missing);
            }
            if (!unexpected.isEmpty()) {
                text.append(NL).append("Flagged but not expected: ").append(unexpected);
            }
            Set<String> focus = new LinkedHashSet<>(expected);
            focus.addAll(actual);
            throw fail(text.toString(), focus);
        }
        List<Finding> found = scoped.stream().filter(f -> f.familyId() != null).toList();
        return new FlaggedFindings(this, "families " + expected, found);
    }

    /** The rule flags a group label: {@code flagsGroup("homeLanguage", "es")}. */
    public FlaggedFindings flagsGroup(String dimension, String label) {
        Group group = new Group(dimension, label);
        List<Finding> found = scoped.stream().filter(f -> group.equals(f.group())).toList();
        String what = "group " + dimension + "=\"" + label + "\"";
        if (found.isEmpty()) {
            throw fail("Expected " + Explain.scope(ruleId) + " to flag " + what + ", but it did not.", Set.of());
        }
        return new FlaggedFindings(this, what, found);
    }

    /** The rule flags a broadcast (every delivery of one mass message): {@code flagsBroadcast("b-1")}. */
    public FlaggedFindings flagsBroadcast(String broadcastId) {
        Objects.requireNonNull(broadcastId, "broadcastId must not be null");
        List<Finding> found = scoped.stream().filter(f -> broadcastId.equals(f.broadcastId())).toList();
        String what = "broadcast \"" + broadcastId + "\"";
        if (found.isEmpty()) {
            throw fail("Expected " + Explain.scope(ruleId) + " to flag " + what + ", but it did not.", Set.of());
        }
        return new FlaggedFindings(this, what, found);
    }

    /** The rule does not flag this broadcast (it may flag others). */
    public RuleOutcome doesNotFlagBroadcast(String broadcastId) {
        Objects.requireNonNull(broadcastId, "broadcastId must not be null");
        if (scoped.stream().anyMatch(f -> broadcastId.equals(f.broadcastId()))) {
            throw fail("Expected " + Explain.scope(ruleId) + " not to flag broadcast \"" + broadcastId
                    + "\", but it did.", Set.of());
        }
        return this;
    }

    /** The rule finds nothing at all. */
    public RuleOutcome doesNotFlag() {
        if (!scoped.isEmpty()) {
            throw fail("Expected " + Explain.scope(ruleId) + " to flag nothing, but it has " + count(scoped.size())
                    + ".", Set.of());
        }
        return this;
    }

    /** The rule flags none of these families (it may flag others). */
    public RuleOutcome doesNotFlag(String... familyIds) {
        Set<String> forbidden = new TreeSet<>(List.of(familyIds));
        List<Finding> found = scoped.stream().filter(f -> f.familyId() != null && forbidden.contains(f.familyId()))
                .toList();
        if (!found.isEmpty()) {
            Set<String> flagged = new TreeSet<>();
            found.forEach(f -> flagged.add(f.familyId()));
            throw fail("Expected " + Explain.scope(ruleId) + " not to flag " + (forbidden.size() == 1
                    ? "family \"" + forbidden.iterator().next() + "\"" : "families " + forbidden)
                    + ", but it flagged " + flagged + ".", forbidden);
        }
        return this;
    }

    /** The rule does not flag this group label. */
    public RuleOutcome doesNotFlagGroup(String dimension, String label) {
        Group group = new Group(dimension, label);
        if (scoped.stream().anyMatch(f -> group.equals(f.group()))) {
            throw fail("Expected " + Explain.scope(ruleId) + " not to flag group " + dimension + "=\"" + label
                    + "\", but it did.", Set.of());
        }
        return this;
    }

    /** The rule has exactly this many findings. */
    public RuleOutcome hasFindingCount(int expected) {
        if (scoped.size() != expected) {
            throw fail("Expected " + Explain.scope(ruleId) + " to have " + count(expected) + ", but it has "
                    + scoped.size() + ".", Set.of());
        }
        return this;
    }

    private Set<String> flaggedFamilies() {
        Set<String> families = new TreeSet<>();
        scoped.forEach(f -> {
            if (f.familyId() != null) {
                families.add(f.familyId());
            }
        });
        return families;
    }

    private static String count(int n) {
        return n + (n == 1 ? " finding" : " findings");
    }

    /**
     * A failure: the headline, every finding in scope, and the facts of the families concerned
     * (asserted on or flagged).
     */
    AssertionError fail(String headline, Collection<String> focusFamilies) {
        Set<String> focus = new LinkedHashSet<>(focusFamilies);
        focus.addAll(flaggedFamilies());
        String text = headline + NL
                + Explain.findings(ruleId, scoped, report.asOf(), dataset.district().timeZone()) + NL
                + Explain.facts(dataset, focus, extraFacts, policy);
        return new AssertionError(text);
    }

    /** The families a list of findings is about, for failure messages of narrowed selections. */
    static List<String> familiesOf(List<Finding> findings) {
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> {
            if (f.familyId() != null && !ids.contains(f.familyId())) {
                ids.add(f.familyId());
            }
        });
        return ids;
    }
}
