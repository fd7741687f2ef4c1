package org.familyengagement.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rollups of a report: its findings counted by rule, by severity, by school, by staff member
 * and by broadcast, and the equity table of every eligible label. Every output (text, JSON, CSV,
 * HTML) shows these and nothing else, so they always agree. Immutable.
 */
public final class Summary {
    private final List<Rollup> byRule;
    private final List<Rollup> bySeverity;
    private final List<Rollup> bySchool;
    private final List<Rollup> byStaff;
    private final List<Rollup> byBroadcast;
    private final List<EquityRow> equity;

    private Summary(List<Rollup> byRule, List<Rollup> bySeverity, List<Rollup> bySchool, List<Rollup> byStaff,
                    List<Rollup> byBroadcast, List<EquityRow> equity) {
        this.byRule = List.copyOf(byRule);
        this.bySeverity = List.copyOf(bySeverity);
        this.bySchool = List.copyOf(bySchool);
        this.byStaff = List.copyOf(byStaff);
        this.byBroadcast = List.copyOf(byBroadcast);
        this.equity = List.copyOf(equity);
    }

    /**
     * The rollups of a report.
     *
     * @param report the report
     * @param alpha  the policy's significance level, for {@link Metrics#isBorderline}
     */
    public static Summary of(Report report, double alpha) {
        List<List<Rollup>> rollups = rollups(report.findings(), List.of(
                f -> List.of(f.ruleId()),
                f -> List.of(f.severity().name()),
                Finding::schoolIds,
                Finding::staffIds,
                f -> f.broadcastId() == null ? List.of() : List.of(f.broadcastId())));
        // By severity: most severe first, every severity present even at 0.
        Map<String, Rollup> severities = new HashMap<>();
        for (Rollup r : rollups.get(1)) {
            severities.put(r.key(), r);
        }
        List<Rollup> bySeverity = new ArrayList<>();
        for (Severity severity : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            bySeverity.add(severities.getOrDefault(severity.name(),
                    new Rollup(severity.name(), 0, 0, 0, 0, 0, Map.of())));
        }
        return new Summary(rollups.get(0), bySeverity, rollups.get(2), rollups.get(3), rollups.get(4),
                equity(report, alpha));
    }

    /** Findings by rule id, worst first. */
    public List<Rollup> byRule() {
        return byRule;
    }

    /** Findings by severity: HIGH, MEDIUM, LOW, each present. */
    public List<Rollup> bySeverity() {
        return bySeverity;
    }

    /**
     * Findings by school, worst first: a finding counts for each school its evidence names (group
     * findings for none).
     */
    public List<Rollup> bySchool() {
        return bySchool;
    }

    /** Findings by staff member, worst first: a finding counts for each staff member its evidence names. */
    public List<Rollup> byStaff() {
        return byStaff;
    }

    /** Findings about a broadcast, by broadcast, worst first. */
    public List<Rollup> byBroadcast() {
        return byBroadcast;
    }

    /**
     * The equity table: every eligible label of every dimension under every group rule that ran,
     * flagged or not, by rule and dimension, then highest rate first (ties by label). Labels below
     * the minimum group size are never in it.
     */
    public List<EquityRow> equity() {
        return equity;
    }

    /** The flagged rows of the equity table. */
    public List<EquityRow> flagged() {
        return equity.stream().filter(EquityRow::flagged).toList();
    }

    private static List<EquityRow> equity(Report report, double alpha) {
        Map<String, Finding> flags = new HashMap<>();
        for (Finding finding : report.findings()) {
            if (finding.isGroupFinding()) {
                flags.put(finding.ruleId() + '\u0000' + finding.group().dimension() + '\u0000'
                        + finding.group().label(), finding);
            }
        }
        List<EquityRow> rows = new ArrayList<>();
        List<LabelRate> rates = new ArrayList<>(report.rates());
        rates.sort(Comparator.comparing(LabelRate::ruleId).thenComparing(r -> r.group().dimension())
                .thenComparing(Comparator.comparingDouble(LabelRate::rate).reversed())
                .thenComparing(r -> r.group().label()));
        for (LabelRate rate : rates) {
            Finding finding = flags.get(rate.ruleId() + '\u0000' + rate.group().dimension() + '\u0000'
                    + rate.group().label());
            boolean borderline = finding != null && finding.metrics() != null
                    && finding.metrics().isBorderline(alpha);
            rows.add(new EquityRow(rate, finding, borderline));
        }
        return rows;
    }

    /**
     * The findings with each family's in one run (families in the order they first come, each
     * family's findings in their own order), then those of no family: what {@link #rollups} counts
     * families from.
     */
    private static List<Finding> inFamilyRuns(List<Finding> findings) {
        int n = findings.size();
        Map<String, Integer> numbers = new HashMap<>();
        int[] numberOf = new int[n];
        for (int i = 0; i < n; i++) {
            String family = findings.get(i).familyId();
            numberOf[i] = family == null ? -1 : numbers.computeIfAbsent(family, k -> numbers.size());
        }
        // A counting sort: bucket f holds family f's findings, the last bucket those of no family.
        int noFamily = numbers.size();
        int[] next = new int[noFamily + 2];
        for (int number : numberOf) {
            next[(number < 0 ? noFamily : number) + 1]++;
        }
        for (int bucket = 1; bucket < next.length; bucket++) {
            next[bucket] += next[bucket - 1];
        }
        Finding[] runs = new Finding[n];
        for (int i = 0; i < n; i++) {
            runs[next[numberOf[i] < 0 ? noFamily : numberOf[i]]++] = findings.get(i);
        }
        return Arrays.asList(runs);
    }

    /**
     * For each way of keying findings, the findings counted under each key it gives them (a finding
     * with several schools counts once for each), worst first. One pass over the findings, in
     * family runs ({@link #inFamilyRuns}), so that a family is counted once per key without a set
     * of families: a district's report has a hundred thousand findings and more.
     */
    private static List<List<Rollup>> rollups(List<Finding> findings,
                                              List<Function<Finding, List<String>>> keyings) {
        List<Map<String, Tally>> byKeying = new ArrayList<>();
        for (int k = 0; k < keyings.size(); k++) {
            byKeying.add(new HashMap<>());
        }
        for (Finding finding : inFamilyRuns(findings)) {
            for (int k = 0; k < keyings.size(); k++) {
                List<String> keys = keyings.get(k).apply(finding);
                Map<String, Tally> tallies = byKeying.get(k);
                for (int i = 0; i < keys.size(); i++) {
                    tallies.computeIfAbsent(keys.get(i), key -> new Tally()).add(finding);
                }
            }
        }
        List<List<Rollup>> result = new ArrayList<>(keyings.size());
        for (Map<String, Tally> tallies : byKeying) {
            List<Rollup> rollups = new ArrayList<>(tallies.size());
            tallies.forEach((key, tally) -> rollups.add(tally.rollup(key)));
            rollups.sort(Rollup.WORST_FIRST);
            result.add(rollups);
        }
        return result;
    }

    /** The counts of one key's findings. */
    private static final class Tally {
        private final int[] severities = new int[Severity.values().length];
        private final Map<String, Integer> rules = new HashMap<>();
        private int findings;
        private int families;
        private String lastFamily;

        void add(Finding finding) {
            findings++;
            severities[finding.severity().ordinal()]++;
            String family = finding.familyId();
            // A family's findings come in one run: a family not seen last is a family not seen yet.
            if (family != null && !family.equals(lastFamily)) {
                families++;
                lastFamily = family;
            }
            rules.merge(finding.ruleId(), 1, Integer::sum);
        }

        Rollup rollup(String key) {
            Map<String, Integer> mostFirst = new LinkedHashMap<>();
            rules.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
            return new Rollup(key, findings, severities[Severity.HIGH.ordinal()],
                    severities[Severity.MEDIUM.ordinal()], severities[Severity.LOW.ordinal()], families,
                    mostFirst);
        }
    }
}
