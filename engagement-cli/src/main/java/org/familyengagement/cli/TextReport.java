package org.familyengagement.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.ibm.icu.math.BigDecimal;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.Figures;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.RuleCatalog;
import org.familyengagement.rules.RuleInfo;

/**
 * The audit as a family-engagement coordinator reads it: what the data covers, a count of
 * findings by category and rule, the equity gaps in words, then the families to act on first.
 *
 * <p>It names families by id only, and groups only as the group findings name them (which
 * already leave out labels below the policy's minimum group size). Every string of its own
 * comes from {@link Texts}; finding messages come from the engine, in the engine's language.
 */
final class TextReport {
    /** How many families the report lists unless told otherwise. */
    static final int DEFAULT_TOP = 20;

    private static final String INDENT = "  ";

    private final Dataset dataset;
    private final Report report;
    private final RuleCatalog catalog;
    private final Policy policy;
    private final Texts texts;
    private final boolean asOfDefaulted;
    private final int top;
    private final ULocale locale;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param dataset       the data that was judged
     * @param report        what the engine found
     * @param catalog       the rules that ran
     * @param policy        the policy they applied (its disabled rules are listed as not run)
     * @param texts         the report's language
     * @param asOfDefaulted true when the as-of instant was taken from the data, not given
     * @param top           how many families to list
     */
    TextReport(Dataset dataset, Report report, RuleCatalog catalog, Policy policy, Texts texts,
               boolean asOfDefaulted, int top) {
        this.dataset = dataset;
        this.report = report;
        this.catalog = catalog;
        this.policy = policy;
        this.texts = texts;
        this.asOfDefaulted = asOfDefaulted;
        this.top = top;
        this.locale = ULocale.forLocale(texts.locale());
    }

    /** The whole report, lines ending in {@code \n}. */
    String render() {
        header();
        summary();
        equity();
        broadcasts();
        coverage();
        families();
        return out.toString();
    }

    // ---- header ---------------------------------------------------------------------------

    private void header() {
        District district = dataset.district();
        line(texts.get("report.title", "district", district.name() == null ? district.id()
                : district.name() + " (" + district.id() + ")"));
        Instant asOf = report.asOf();
        ZoneId zone = district.timeZone();
        line(texts.get("report.asOf", "date", date(asOf, zone), "time", time(asOf, zone), "zone", zone.getId(),
                "instant", asOf.toString()));
        if (asOfDefaulted) {
            line(texts.get("report.asOfDefault"));
        }
        Instant start = asOf.minus(policy.lookback());
        line(texts.get("report.window", "length", length(policy.lookback()), "date", date(start, zone),
                "time", time(start, zone)));

        long later = 0;
        for (Contact contact : dataset.contacts()) {
            if (contact.at().isAfter(asOf)) {
                later++;
            }
        }
        line(texts.get("report.data", "families", dataset.families().size(), "contacts", dataset.contacts().size(),
                "commitments", dataset.commitments().size()));
        if (later > 0) {
            line(texts.get("report.later", "contacts", later));
        }

        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Set<String> families = new HashSet<>();
        Set<Object> groups = new HashSet<>();
        for (Finding finding : report.findings()) {
            bySeverity.merge(finding.severity(), 1, Integer::sum);
            if (finding.isGroupFinding()) {
                groups.add(finding.group());
            } else if (finding.familyId() != null) {
                families.add(finding.familyId());
            }
        }
        line(texts.get("report.totals", "findings", report.findings().size(),
                "high", bySeverity.getOrDefault(Severity.HIGH, 0),
                "medium", bySeverity.getOrDefault(Severity.MEDIUM, 0),
                "low", bySeverity.getOrDefault(Severity.LOW, 0),
                "families", families.size(), "groups", groups.size()));
    }

    // ---- findings by category and rule ------------------------------------------------------

    private void summary() {
        heading(texts.get("summary.heading"));
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding finding : report.findings()) {
            byRule.merge(finding.ruleId(), 1, Integer::sum);
        }
        Map<Category, List<RuleInfo>> byCategory = new EnumMap<>(Category.class);
        for (RuleInfo rule : catalog.rules()) {
            byCategory.computeIfAbsent(rule.category(), c -> new ArrayList<>()).add(rule);
        }

        int severityWidth = 0;
        for (Severity severity : Severity.values()) {
            severityWidth = Math.max(severityWidth, texts.severity(severity).length());
        }
        int idWidth = 0;
        int countWidth = 0;
        for (RuleInfo rule : catalog.rules()) {
            idWidth = Math.max(idWidth, rule.id().length());
            countWidth = Math.max(countWidth, number(byRule.getOrDefault(rule.id(), 0)).length());
        }

        for (Map.Entry<Category, List<RuleInfo>> category : byCategory.entrySet()) {
            int total = 0;
            for (RuleInfo rule : category.getValue()) {
                total += byRule.getOrDefault(rule.id(), 0);
            }
            line(texts.get("summary.category", "category", texts.category(category.getKey()), "findings", total));
            for (RuleInfo rule : category.getValue()) {
                line(INDENT + pad(texts.severity(rule.severity()), severityWidth) + INDENT
                        + pad(rule.id(), idWidth) + INDENT
                        + padLeft(number(byRule.getOrDefault(rule.id(), 0)), countWidth) + INDENT
                        + rule.title());
            }
        }
        if (!policy.disabledRules().isEmpty()) {
            line(texts.get("summary.disabled", "rules", String.join(", ", policy.disabledRules()),
                    "count", policy.disabledRules().size()));
        }
    }

    // ---- equity -----------------------------------------------------------------------------

    private void equity() {
        heading(texts.get("equity.heading"));
        boolean reachRuns = catalog.rule(RuleIds.GROUP_REACH_DISPARITY).isPresent();
        boolean responseRuns = catalog.rule(RuleIds.GROUP_RESPONSE_DISPARITY).isPresent()
                || catalog.rule(RuleIds.GROUP_STRENGTHS_DISPARITY).isPresent();
        List<Finding> groupFindings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.isGroupFinding()) {
                groupFindings.add(finding);
            }
        }
        groupFindings.sort(Comparator.comparing(Finding::group).thenComparing(Finding::ruleId));
        for (Finding finding : groupFindings) {
            line("- " + describeGroupFinding(finding));
        }
        Policy.Disparity disparity = policy.disparity();
        if (groupFindings.isEmpty()) {
            line(texts.get(reachRuns || responseRuns ? "equity.none" : "equity.notRun",
                    "ratio", disparity.ratio(), "alpha", disparity.alpha()));
        }
        if (reachRuns || responseRuns) {
            line(texts.get("equity.suppression", "minGroupSize", disparity.minGroupSize()));
        }
    }

    private String describeGroupFinding(Finding finding) {
        Metrics metrics = finding.metrics();
        String dimension = finding.group().dimension();
        String label = finding.group().label();
        if (metrics == null || !(finding.ruleId().equals(RuleIds.GROUP_REACH_DISPARITY)
                || finding.ruleId().equals(RuleIds.GROUP_RESPONSE_DISPARITY))) {
            return texts.get("equity.other", "dimension", dimension, "label", label, "message", finding.message());
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("dimension", dimension);
        arguments.put("label", label);
        arguments.put("n", metrics.n());
        arguments.put("successes", Math.round(metrics.rate() * metrics.n()));
        arguments.put("rate", metrics.rate());
        arguments.put("referenceLabel", metrics.referenceLabel());
        arguments.put("referenceRate", metrics.referenceRate());
        arguments.put("ratio", Figures.ratio(metrics.ratio(), texts.locale()));
        arguments.put("schoolDays", policy.responseSchoolDays());
        arguments.put("p", Figures.pValue(metrics.pValue(), texts.locale()));
        String key = finding.ruleId().equals(RuleIds.GROUP_REACH_DISPARITY) ? "equity.reach" : "equity.response";
        return texts.format(key, arguments);
    }

    // ---- broadcasts ---------------------------------------------------------------------------

    /** Findings about a broadcast (one mass message), when there are any: the cause behind many family findings. */
    private void broadcasts() {
        List<Finding> found = report.findings().stream().filter(Finding::isBroadcastFinding).toList();
        if (found.isEmpty()) {
            return;
        }
        heading(texts.get("broadcasts.heading"));
        for (Finding finding : found) {
            line("- " + texts.severity(finding.severity()) + INDENT + finding.ruleId() + INDENT + finding.message());
        }
    }

    // ---- coverage -----------------------------------------------------------------------------

    /** What share of what the rules read was recorded, and the rules that did not judge (RULES.md "Coverage"). */
    private void coverage() {
        Coverage coverage = report.coverage();
        if (coverage == null) {
            return;
        }
        heading(texts.get("coverage.heading"));
        for (Coverage.Share share : coverage.shares()) {
            line("- " + texts.get("coverage.share", "field", texts.get("coverage.field." + share.field()),
                    "recorded", share.recorded(), "total", share.total(), "share", share.share(),
                    "population", texts.get("coverage.population." + share.population())));
        }
        for (Coverage.NotJudged rule : coverage.notJudged()) {
            line("- " + texts.get("coverage.notJudged", "rule", rule.ruleId(), "reason", rule.reason()));
        }
    }

    // ---- families to act on first -------------------------------------------------------------

    private void families() {
        heading(texts.get("families.heading", "top", top));
        Map<String, List<Finding>> byFamily = new TreeMap<>();
        for (Finding finding : report.findings()) {
            if (finding.familyId() != null) {
                byFamily.computeIfAbsent(finding.familyId(), id -> new ArrayList<>()).add(finding);
            }
        }
        if (byFamily.isEmpty()) {
            line(texts.get("families.none"));
            return;
        }
        List<Map.Entry<String, List<Finding>>> ranked = new ArrayList<>(byFamily.entrySet());
        // Most HIGH findings first; ties by family id (the map is already in id order, the sort is stable).
        ranked.sort(Comparator.comparingLong((Map.Entry<String, List<Finding>> e) -> count(e.getValue(),
                Severity.HIGH)).reversed());

        Map<String, Integer> ruleOrder = new LinkedHashMap<>();
        for (RuleInfo rule : catalog.rules()) {
            ruleOrder.put(rule.id(), ruleOrder.size());
        }
        Comparator<Finding> severityFirst = Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> ruleOrder.getOrDefault(f.ruleId(), Integer.MAX_VALUE))
                .thenComparing(Finding.ORDER);

        int severityWidth = 0;
        for (Severity severity : Severity.values()) {
            severityWidth = Math.max(severityWidth, texts.severity(severity).length());
        }
        int shown = Math.min(top, ranked.size());
        int rankWidth = String.valueOf(shown).length();
        int idWidth = 0;
        for (int i = 0; i < shown; i++) {
            for (Finding finding : ranked.get(i).getValue()) {
                idWidth = Math.max(idWidth, finding.ruleId().length());
            }
        }
        for (int i = 0; i < shown; i++) {
            String familyId = ranked.get(i).getKey();
            List<Finding> findings = new ArrayList<>(ranked.get(i).getValue());
            findings.sort(severityFirst);
            line(padLeft(String.valueOf(i + 1), rankWidth) + ". " + texts.get("families.family", "family", familyId,
                    "high", count(findings, Severity.HIGH), "medium", count(findings, Severity.MEDIUM),
                    "low", count(findings, Severity.LOW)));
            String indent = " ".repeat(rankWidth + 2);
            for (Finding finding : findings) {
                line(indent + pad(texts.severity(finding.severity()), severityWidth) + INDENT
                        + pad(finding.ruleId(), idWidth) + INDENT + finding.message());
            }
        }
        if (ranked.size() > shown) {
            line(texts.get("families.more", "more", ranked.size() - shown));
        }
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    // ---- formatting ---------------------------------------------------------------------------

    private String date(Instant instant, ZoneId zone) {
        DateFormat format = DateFormat.getInstanceForSkeleton("yMMMMEEEEd", locale);
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(instant));
    }

    private String time(Instant instant, ZoneId zone) {
        DateFormat format = DateFormat.getInstanceForSkeleton("jmm", locale);
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(instant));
    }

    /** A lookback as words: "30 days", or hours when it is not a whole number of days. */
    private String length(Duration lookback) {
        MeasureFormat format = MeasureFormat.getInstance(locale, MeasureFormat.FormatWidth.WIDE);
        if (lookback.equals(Duration.ofDays(lookback.toDays()))) {
            return format.format(new Measure(lookback.toDays(), MeasureUnit.DAY));
        }
        return format.format(new Measure(lookback.toMinutes() / 60.0, MeasureUnit.HOUR));
    }

    private String number(long value) {
        return texts.get("number", "value", value);
    }

    private void heading(String text) {
        out.append('\n').append(text).append('\n').append("-".repeat(text.length())).append('\n');
    }

    /**
     * Appends a line, with anything from the data that a terminal would act on escaped
     * ({@link Printable}). CLDR puts no-break spaces in dates, times and percentages
     * ("5:00\u202FPM", "25\u00A0%"); plain text has no line breaking to prevent, and the plain
     * space reads (and greps) the same everywhere.
     */
    private void line(String text) {
        out.append(Printable.escape(text.replace('\u202F', ' ').replace('\u00A0', ' '))).append('\n');
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
