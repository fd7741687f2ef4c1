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
import java.util.Optional;
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

import org.familyengagement.internal.Printable;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.School;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.EquityRow;
import org.familyengagement.report.Figures;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.LabelRate;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Names;
import org.familyengagement.report.Report;
import org.familyengagement.report.Rollup;
import org.familyengagement.report.Severity;
import org.familyengagement.report.Status;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.RuleCatalog;
import org.familyengagement.rules.RuleInfo;

/**
 * The audit as a family-engagement coordinator reads it, in 80 columns: what the data covers; with
 * a baseline, what changed; the schools with the most findings, worst first, each with its top
 * rules; the causes (broadcasts many families could not read); the equity table; the findings by
 * category and rule; then the families in urgency order, each finding with what to do next and,
 * the first time a rule appears, why it matters.
 *
 * <p>It names families by id only, groups only as eligible labels (labels below the policy's
 * minimum group size never appear), and languages by name in the report's language. Every string
 * of its own comes from {@link Texts}; finding messages come from the engine, in its language; all
 * that it shows comes from one {@link Triage}, as for every other format.
 */
final class TextReport {
    /** How many families the report lists unless told otherwise. */
    static final int DEFAULT_TOP = 20;
    /** How many schools and broadcasts the first screen names. */
    static final int FIRST_SCREEN = 5;
    /** The width the report fits. */
    static final int WIDTH = 80;

    private static final String INDENT = "  ";

    private final Dataset dataset;
    private final Triage triage;
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
     * @param triage        what the engine found, ranked
     * @param catalog       the rules that ran
     * @param policy        the policy they applied (its disabled rules are listed as not run)
     * @param texts         the report's language
     * @param asOfDefaulted true when the as-of instant was taken from the data, not given
     * @param top           how many families to list
     */
    TextReport(Dataset dataset, Triage triage, RuleCatalog catalog, Policy policy, Texts texts,
               boolean asOfDefaulted, int top) {
        this.dataset = dataset;
        this.triage = triage;
        this.report = triage.report();
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
        changes();
        schools();
        causes();
        equity();
        summary();
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
        wrapped("", texts.get("report.asOf", "date", date(asOf, zone), "time", time(asOf, zone), "zone", zone.getId(),
                "instant", asOf.toString()));
        if (asOfDefaulted) {
            line(texts.get("report.asOfDefault"));
        }
        Instant start = asOf.minus(policy.lookback());
        wrapped("", texts.get("report.window", "length", length(policy.lookback()), "date", date(start, zone),
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
        wrapped("", texts.get("report.totals", "findings", report.findings().size(),
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
                String row = INDENT + pad(texts.severity(rule.severity()), severityWidth) + INDENT
                        + pad(rule.id(), idWidth) + INDENT
                        + padLeft(number(byRule.getOrDefault(rule.id(), 0)), countWidth) + INDENT;
                wrapped(row, " ".repeat(row.length()), rule.title());
            }
        }
        if (!policy.disabledRules().isEmpty()) {
            line(texts.get("summary.disabled", "rules", String.join(", ", policy.disabledRules()),
                    "count", policy.disabledRules().size()));
        }
    }

    // ---- what changed since the baseline ---------------------------------------------------------

    private void changes() {
        if (triage.baseline().isEmpty()) {
            return;
        }
        Report baseline = triage.baseline().get();
        heading(texts.get("changes.heading", "asOf", baseline.asOf().toString()));
        Map<Status, Integer> changes = triage.changes();
        wrapped("", texts.get("changes.counts", "new", changes.get(Status.NEW),
                "persisting", changes.get(Status.PERSISTING), "resolved", changes.get(Status.RESOLVED)));
        List<Triage.Entry> added = triage.added();
        for (int i = 0; i < Math.min(FIRST_SCREEN, added.size()); i++) {
            Finding f = added.get(i).finding();
            line(INDENT + texts.get("changes.new") + " " + subjectLine(f));
        }
        if (added.size() > FIRST_SCREEN) {
            line(INDENT + texts.get("changes.moreNew", "more", added.size() - FIRST_SCREEN));
        }
        List<Finding> resolved = triage.resolved();
        for (int i = 0; i < Math.min(FIRST_SCREEN, resolved.size()); i++) {
            line(INDENT + texts.get("changes.resolved") + " " + subjectLine(resolved.get(i)));
        }
        if (resolved.size() > FIRST_SCREEN) {
            line(INDENT + texts.get("changes.moreResolved", "more", resolved.size() - FIRST_SCREEN));
        }
    }

    /** {@code HIGH unanswered-input f-000019}: severity, rule, subject. */
    private String subjectLine(Finding f) {
        return texts.severity(f.severity()) + " " + f.ruleId() + " " + subject(f);
    }

    private String subject(Finding f) {
        if (f.familyId() != null) {
            return f.familyId();
        }
        if (f.group() != null) {
            return f.group().dimension() + " " + Names.label(f.group(), texts.locale());
        }
        String broadcast = f.broadcastId();
        return broadcast == null ? "" : broadcast;
    }

    // ---- schools, worst first ---------------------------------------------------------------------

    private void schools() {
        List<Rollup> schools = triage.summary().bySchool();
        if (schools.isEmpty()) {
            return;
        }
        heading(texts.get("schools.heading"));
        int shown = Math.min(FIRST_SCREEN, schools.size());
        for (int i = 0; i < shown; i++) {
            Rollup school = schools.get(i);
            line(padLeft(String.valueOf(i + 1), 2) + ". " + texts.get("schools.school", "school", schoolName(school.key()),
                    "findings", school.findings(), "high", school.high(), "families", school.families()));
            wrapped("    ", topRules(school, 3));
        }
        if (schools.size() > shown) {
            line(texts.get("schools.more", "more", schools.size() - shown));
        }
    }

    private String schoolName(String schoolId) {
        for (School school : dataset.district().schools()) {
            if (school.id().equals(schoolId) && school.name() != null) {
                return school.name() + " (" + schoolId + ")";
            }
        }
        return schoolId;
    }

    private String topRules(Rollup rollup, int limit) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> rule : TopRules.of(rollup, catalog, limit)) {
            parts.add(rule.getKey() + " " + number(rule.getValue()));
        }
        return String.join(", ", parts);
    }

    // ---- causes: broadcasts many families could not read -------------------------------------------

    private void causes() {
        List<Triage.Entry> broadcasts = new ArrayList<>();
        for (Triage.Entry entry : triage.entries()) {
            if (entry.finding().broadcastId() != null) {
                broadcasts.add(entry);
            }
        }
        if (broadcasts.isEmpty()) {
            return;
        }
        heading(texts.get("causes.heading"));
        int shown = Math.min(FIRST_SCREEN, broadcasts.size());
        for (int i = 0; i < shown; i++) {
            wrapped("- ", "  ", Causes.describe(broadcasts.get(i).finding(), dataset, texts));
        }
        if (broadcasts.size() > shown) {
            line(texts.get("causes.more", "more", broadcasts.size() - shown));
        }
    }

    // ---- equity -----------------------------------------------------------------------------

    private void equity() {
        heading(texts.get("equity.heading"));
        List<EquityRow> rows = triage.summary().equity();
        boolean groupRulesRun = catalog.rules().stream().anyMatch(r -> r.category() == Category.EQUITY);
        List<Finding> groupFindings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.isGroupFinding()) {
                groupFindings.add(finding);
            }
        }
        groupFindings.sort(Comparator.comparing(Finding::group).thenComparing(Finding::ruleId));
        for (Finding finding : groupFindings) {
            boolean borderline = triage.entry(finding).borderline();
            wrapped("- ", "  ", describeGroupFinding(finding) + (borderline ? " " + texts.get("equity.borderline") : ""));
        }
        Policy.Disparity disparity = policy.disparity();
        if (groupFindings.isEmpty()) {
            wrapped("", texts.get(groupRulesRun ? "equity.none" : "equity.notRun",
                    "ratio", disparity.ratio(), "alpha", disparity.alpha()));
        }
        equityTable(rows);
        if (groupRulesRun) {
            wrapped("", texts.get("equity.suppression", "minGroupSize", disparity.minGroupSize()));
        }
    }

    /** Every eligible label, by rule and dimension: n, rate, ratio to the reference, and its flag. */
    private void equityTable(List<EquityRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int labelWidth = 0;
        int countWidth = 0;
        for (EquityRow row : rows) {
            labelWidth = Math.max(labelWidth, Names.label(row.rate().group(), texts.locale()).length());
            countWidth = Math.max(countWidth, texts.get("equity.count", "successes", row.rate().successes(),
                    "n", row.rate().n()).length());
        }
        labelWidth = Math.min(labelWidth, 24);
        String rule = null;
        String dimension = null;
        for (EquityRow row : rows) {
            LabelRate rate = row.rate();
            if (!rate.ruleId().equals(rule)) {
                rule = rate.ruleId();
                dimension = null;
                String title = catalog.rule(rule).map(RuleInfo::title).orElse(rule);
                line("");
                wrapped("", texts.get("equity.table", "rule", rule, "title", title));
            }
            if (!rate.group().dimension().equals(dimension)) {
                dimension = rate.group().dimension();
                line(INDENT + dimension);
            }
            String mark = rate.isReference() ? texts.get("equity.reference")
                    : row.borderline() ? texts.get("equity.flaggedBorderline")
                    : row.flagged() ? texts.get("equity.flagged") : "";
            line((INDENT + INDENT + pad(Names.label(rate.group(), texts.locale()), labelWidth) + INDENT
                    + padLeft(texts.get("equity.count", "successes", rate.successes(), "n", rate.n()), countWidth)
                    + INDENT + padLeft(Figures.percent(rate.rate(), texts.locale()), 5)
                    + INDENT + padLeft(rate.isReference() ? "" : Figures.ratio(rate.ratio(), texts.locale()), 5)
                    + INDENT + mark).stripTrailing());
        }
        line("");
        wrapped("", texts.get("equity.legend", "ratio", policy.disparity().ratio(), "alpha", policy.disparity().alpha()));
    }

    private String describeGroupFinding(Finding finding) {
        Metrics metrics = finding.metrics();
        String dimension = finding.group().dimension();
        String label = Names.label(finding.group(), texts.locale());
        String key = switch (finding.ruleId()) {
            case RuleIds.GROUP_REACH_DISPARITY -> "equity.reach";
            case RuleIds.GROUP_RESPONSE_DISPARITY -> "equity.response";
            case RuleIds.GROUP_STRENGTHS_DISPARITY -> "equity.strengths";
            default -> null;
        };
        if (metrics == null || key == null) {
            return texts.get("equity.other", "dimension", dimension, "label", label, "message", finding.message());
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("dimension", dimension);
        arguments.put("label", label);
        arguments.put("n", metrics.n());
        arguments.put("successes", Math.round(metrics.rate() * metrics.n()));
        arguments.put("rate", metrics.rate());
        arguments.put("referenceLabel", Names.label(new Group(dimension, metrics.referenceLabel()), texts.locale()));
        arguments.put("referenceRate", metrics.referenceRate());
        arguments.put("ratio", Figures.ratio(metrics.ratio(), texts.locale()));
        arguments.put("schoolDays", policy.responseSchoolDays());
        arguments.put("p", Figures.pValue(metrics.pValue(), texts.locale()));
        return texts.format(key, arguments);
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
            wrapped("- ", "  ", texts.get("coverage.share", "field", texts.get("coverage.field." + share.field()),
                    "recorded", share.recorded(), "total", share.total(), "share", share.share(),
                    "population", texts.get("coverage.population." + share.population())));
        }
        for (Coverage.NotJudged rule : coverage.notJudged()) {
            wrapped("- ", "  ", texts.get("coverage.notJudged", "rule", rule.ruleId(), "reason", rule.reason()));
        }
    }

    // ---- families in urgency order -----------------------------------------------------------------

    private void families() {
        heading(texts.get("families.heading", "top", top));
        // Families in the order of their most urgent finding; each with its findings in rank order.
        Map<String, List<Triage.Entry>> byFamily = new LinkedHashMap<>();
        for (Triage.Entry entry : triage.entries()) {
            String familyId = entry.finding().familyId();
            if (familyId != null) {
                byFamily.computeIfAbsent(familyId, id -> new ArrayList<>()).add(entry);
            }
        }
        if (byFamily.isEmpty()) {
            line(texts.get("families.none"));
            return;
        }
        List<Map.Entry<String, List<Triage.Entry>>> ranked = new ArrayList<>(byFamily.entrySet());
        int severityWidth = 0;
        for (Severity severity : Severity.values()) {
            severityWidth = Math.max(severityWidth, texts.severity(severity).length());
        }
        int shown = Math.min(top, ranked.size());
        int rankWidth = String.valueOf(shown).length();
        String indent = " ".repeat(rankWidth + 2);
        Set<String> explained = new HashSet<>();
        for (int i = 0; i < shown; i++) {
            String familyId = ranked.get(i).getKey();
            List<Finding> findings = new ArrayList<>();
            for (Triage.Entry entry : ranked.get(i).getValue()) {
                findings.add(entry.finding());
            }
            line(padLeft(String.valueOf(i + 1), rankWidth) + ". " + texts.get("families.family", "family", familyId,
                    "high", count(findings, Severity.HIGH), "medium", count(findings, Severity.MEDIUM),
                    "low", count(findings, Severity.LOW)));
            for (Triage.Entry entry : ranked.get(i).getValue()) {
                Finding finding = entry.finding();
                String status = entry.status() == Status.NEW ? " " + texts.get("families.new") : "";
                line(indent + pad(texts.severity(finding.severity()), severityWidth) + INDENT + finding.ruleId()
                        + status);
                String more = indent + " ".repeat(severityWidth) + INDENT;
                wrapped(more, finding.message());
                Optional<RuleInfo> rule = catalog.rule(finding.ruleId());
                if (rule.isPresent() && explained.add(finding.ruleId()) && !rule.get().why().isEmpty()) {
                    wrapped(more, texts.get("families.why", "why", rule.get().why()));
                }
                if (rule.isPresent() && !rule.get().nextStep().isEmpty()) {
                    wrapped(more, texts.get("families.next", "next", rule.get().nextStep()));
                }
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

    /**
     * Appends {@code text} in lines of at most {@link #WIDTH} columns, each starting with
     * {@code indent}; words longer than a line are not broken.
     */
    private void wrapped(String indent, String text) {
        wrapped(indent, indent, text);
    }

    /** As {@link #wrapped(String, String)}, the first line starting with {@code first}, the others with {@code rest}. */
    private void wrapped(String first, String indent, String text) {
        String clean = text.replace('\u202F', ' ').replace('\u00A0', ' ');
        StringBuilder current = new StringBuilder(first);
        boolean empty = true;
        for (String word : clean.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && current.length() + 1 + word.length() > WIDTH) {
                line(current.toString());
                current = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        line(current.toString());
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
