package org.familyengagement.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.familyengagement.policy.Policy;

/**
 * A report as a coordinator acts on it, the one view every output is written from: each finding
 * with its urgency rank, whether it is new since a baseline (by {@link Finding#id()}), and whether its statistics are
 * borderline; the findings the baseline had that are gone; and the {@link Summary}. Immutable.
 *
 * <pre>{@code
 * Triage triage = Triage.of(report, Urgency.order(dataset, engine.policy()), engine.policy(), previous);
 * triage.entries().get(0).finding();   // the most urgent finding
 * }</pre>
 */
public final class Triage {
    private final Report report;
    private final Report baseline;
    private final List<Entry> entries;
    /** Each finding of the report to its own entry. */
    private final Map<Finding, Entry> byIdentity;
    /** Findings by equality, for {@link #entry} given a copy; made when first needed. */
    private volatile Map<Finding, Entry> byEquality;
    private final List<Finding> resolved;
    private final Summary summary;

    /**
     * One finding, ranked.
     *
     * @param finding    the finding
     * @param rank       its place in urgency order, from 1
     * @param status     {@link Status#NEW} or {@link Status#PERSISTING} against the baseline, or
     *                   {@code null} without one
     * @param borderline true for a finding whose p-value is within a factor of two of alpha
     */
    public record Entry(Finding finding, int rank, Status status, boolean borderline) {
        public Entry {
            Objects.requireNonNull(finding, "finding");
            if (rank < 1) {
                throw new IllegalArgumentException("rank must be at least 1, not " + rank);
            }
            if (status == Status.RESOLVED) {
                throw new IllegalArgumentException("a finding in the report cannot be RESOLVED");
            }
        }
    }

    private Triage(Report report, Comparator<? super Finding> urgency, Policy policy, Report baseline) {
        this.report = report;
        this.baseline = baseline;
        double alpha = policy.disparity().alpha();
        Set<String> before = new HashSet<>();
        if (baseline != null) {
            for (Finding finding : baseline.findings()) {
                before.add(key(finding));
            }
        }
        List<Finding> ranked = new ArrayList<>(report.findings());
        // The urgency order, then the report's own order (Finding.ORDER): the sort is stable, so ties
        // keep the report's order and ranks are deterministic without comparing findings whole.
        ranked.sort(urgency);
        List<Entry> list = new ArrayList<>(ranked.size());
        Map<Finding, Entry> map = new IdentityHashMap<>(ranked.size());
        Set<String> now = new HashSet<>();
        for (Finding finding : ranked) {
            Status status = null;
            if (baseline != null) {
                String key = key(finding);
                now.add(key);
                status = before.contains(key) ? Status.PERSISTING : Status.NEW;
            }
            boolean borderline = finding.metrics() != null && finding.metrics().isBorderline(alpha);
            Entry entry = new Entry(finding, list.size() + 1, status, borderline);
            list.add(entry);
            map.put(finding, entry);
        }
        this.entries = Collections.unmodifiableList(list);
        this.byIdentity = map;
        List<Finding> gone = new ArrayList<>();
        if (baseline != null) {
            for (Finding finding : baseline.findings()) {
                if (!now.contains(key(finding))) {
                    gone.add(finding);
                }
            }
        }
        this.resolved = List.copyOf(gone);
        this.summary = Summary.of(report, alpha);
    }

    /**
     * The triage of a report without a baseline.
     *
     * @param urgency the order of urgency, most urgent first (the rule pack's is
     *                {@code org.familyengagement.rules.Urgency}); ties keep the report's order
     * @param policy  the policy the report was made with (its alpha decides what is borderline)
     */
    public static Triage of(Report report, Comparator<? super Finding> urgency, Policy policy) {
        return new Triage(Objects.requireNonNull(report, "report"), Objects.requireNonNull(urgency, "urgency"),
                Objects.requireNonNull(policy, "policy"), null);
    }

    /** The triage of a report against a baseline, the report of an earlier run. */
    public static Triage of(Report report, Comparator<? super Finding> urgency, Policy policy, Report baseline) {
        return new Triage(Objects.requireNonNull(report, "report"), Objects.requireNonNull(urgency, "urgency"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(baseline, "baseline"));
    }

    public Report report() {
        return report;
    }

    /** The baseline compared against, if any. */
    public Optional<Report> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** Every finding, most urgent first. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The entry of a finding of the report: of that very finding, or, given an equal copy of one,
     * of the first-ranked finding equal to it.
     */
    public Entry entry(Finding finding) {
        Entry entry = byIdentity.get(finding);
        if (entry == null) {
            entry = byEquality().get(finding);
        }
        if (entry == null) {
            throw new IllegalArgumentException("not a finding of this report: " + finding.ruleId());
        }
        return entry;
    }

    /**
     * The findings of the baseline whose id this report no longer has, in the baseline's order;
     * empty without one.
     */
    public List<Finding> resolved() {
        return resolved;
    }

    /** The findings new since the baseline, most urgent first; empty without one. */
    public List<Entry> added() {
        return entries.stream().filter(e -> e.status() == Status.NEW).toList();
    }

    /** How many findings are at each status (RESOLVED: of the baseline); zeros without a baseline. */
    public Map<Status, Integer> changes() {
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        for (Entry entry : entries) {
            if (entry.status() != null) {
                counts.merge(entry.status(), 1, Integer::sum);
            }
        }
        counts.put(Status.RESOLVED, resolved.size());
        return Collections.unmodifiableMap(counts);
    }

    public Summary summary() {
        return summary;
    }

    /** Built on the first look-up by an equal copy: a finding's hash code walks all its lists. */
    private Map<Finding, Entry> byEquality() {
        Map<Finding, Entry> map = byEquality;
        if (map == null) {
            map = new HashMap<>();
            for (Entry entry : entries) {
                map.putIfAbsent(entry.finding(), entry);
            }
            byEquality = map; // a race builds it twice, alike: harmless
        }
        return map;
    }

    /** What identifies a finding across runs: its stable id. */
    private static String key(Finding finding) {
        return finding.id();
    }
}
