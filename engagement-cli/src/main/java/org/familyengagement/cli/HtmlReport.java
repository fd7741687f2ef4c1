package org.familyengagement.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.familyengagement.calendar.SchoolCalendar;
import org.familyengagement.internal.Printable;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.School;
import org.familyengagement.model.Tone;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.EquityRow;
import org.familyengagement.report.Figures;
import org.familyengagement.report.Finding;
import org.familyengagement.report.LabelRate;
import org.familyengagement.report.Names;
import org.familyengagement.report.Rollup;
import org.familyengagement.report.Severity;
import org.familyengagement.report.Status;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleCatalog;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.RuleInfo;

/**
 * {@code audit --format html}: the audit as one self-contained page a coordinator opens from
 * e-mail. Nothing leaves the page: styles, charts (inline SVG) and the script are in the file, and
 * a Content-Security-Policy ({@code default-src 'none'}) forbids every request, so a browser
 * could not fetch anything even if a value tried to. The family table is sortable and filterable
 * by a small script without a framework; with JavaScript off, the page is the same table in
 * urgency order with nothing hidden. Headings, table headers, {@code <title>}/{@code <desc>} on
 * every chart and dark-on-light colours keep it accessible; a print style keeps it printable.
 * Everything it shows comes from the {@link Triage} (and, for two charts, the dataset's contacts).
 */
final class HtmlReport {
    /** Ids the browser tests rely on: see docs/report.md. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            + "img-src data:; form-action 'none'; base-uri 'none'";

    /** The ageing chart's buckets: school days past the reply deadline, from (inclusive). */
    static final int[] AGE_BUCKETS = {0, 3, 6, 11};

    private final Dataset dataset;
    private final Triage triage;
    private final RuleCatalog catalog;
    private final Policy policy;
    private final Texts texts;
    private final boolean asOfDefaulted;
    private final Locale locale;
    private final StringBuilder out = new StringBuilder(1 << 20);

    HtmlReport(Dataset dataset, Triage triage, RuleCatalog catalog, Policy policy, Texts texts,
               boolean asOfDefaulted) {
        this.dataset = dataset;
        this.triage = triage;
        this.catalog = catalog;
        this.policy = policy;
        this.texts = texts;
        this.asOfDefaulted = asOfDefaulted;
        this.locale = texts.locale();
    }

    String render() {
        String title = texts.get("report.title", "district", districtName());
        out.append("<!DOCTYPE html>\n<html lang=\"").append(esc(locale.toLanguageTag())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(esc(title)).append("</h1>\n");
        Instant asOf = triage.report().asOf();
        p(texts.get("html.asOf", "instant", asOf.toString(), "zone", dataset.district().timeZone().getId()));
        if (asOfDefaulted) {
            p(texts.get("report.asOfDefault"));
        }
        out.append("<nav aria-label=\"").append(esc(texts.get("html.contents"))).append("\"><ul>");
        for (String section : List.of("summary", "schools", "causes", "equity", "ageing", "balance", "families")) {
            out.append("<li><a href=\"#").append(section).append("\">").append(esc(texts.get("html." + section)))
                    .append("</a></li>");
        }
        out.append("</ul></nav>\n</header>\n<main>\n");
        summary();
        schools();
        causes();
        equity();
        ageing();
        balance();
        families();
        out.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    // ---- sections ---------------------------------------------------------------------------------

    private void summary() {
        section("summary");
        List<Finding> findings = triage.report().findings();
        long families = findings.stream().map(Finding::familyId).filter(f -> f != null).distinct().count();
        p(texts.get("html.totals", "findings", findings.size(), "families", families));
        out.append("<ul class=\"severities\">");
        for (Rollup severity : triage.summary().bySeverity()) {
            Severity level = Severity.valueOf(severity.key());
            out.append("<li class=\"sev-").append(level.name().toLowerCase(Locale.ROOT)).append("\"><strong>")
                    .append(esc(number(severity.findings()))).append("</strong> ").append(esc(texts.severity(level)))
                    .append("</li>");
        }
        out.append("</ul>\n");
        if (triage.baseline().isPresent()) {
            Map<Status, Integer> changes = triage.changes();
            out.append("<h3>").append(esc(texts.get("changes.heading", "asOf",
                    triage.baseline().get().asOf().toString()))).append("</h3>\n");
            p(texts.get("changes.counts", "new", changes.get(Status.NEW), "persisting", changes.get(Status.PERSISTING),
                    "resolved", changes.get(Status.RESOLVED)));
            if (!triage.resolved().isEmpty()) {
                out.append("<table class=\"resolved\"><caption>").append(esc(texts.get("html.resolved")))
                        .append("</caption><thead><tr>");
                th(texts.get("html.col.severity"));
                th(texts.get("html.col.rule"));
                th(texts.get("html.col.subject"));
                th(texts.get("html.col.message"));
                out.append("</tr></thead><tbody>\n");
                for (Finding f : triage.resolved()) {
                    out.append("<tr><td>").append(esc(texts.severity(f.severity()))).append("</td><td>")
                            .append(esc(f.ruleId())).append("</td><td>").append(esc(subject(f))).append("</td><td>")
                            .append(esc(f.message())).append("</td></tr>\n");
                }
                out.append("</tbody></table>\n");
            }
        }
        out.append("<table><caption>").append(esc(texts.get("html.byRule"))).append("</caption><thead><tr>");
        th(texts.get("html.col.rule"));
        th(texts.get("html.col.severity"));
        th(texts.get("html.col.findings"));
        th(texts.get("html.col.families"));
        out.append("</tr></thead><tbody>\n");
        for (Rollup rule : triage.summary().byRule()) {
            Optional<RuleInfo> info = catalog.rule(rule.key());
            out.append("<tr><th scope=\"row\">").append(esc(rule.key()));
            info.ifPresent(i -> out.append("<br><span class=\"quiet\">").append(esc(i.title())).append("</span>"));
            out.append("</th><td>").append(esc(info.map(i -> texts.severity(i.severity())).orElse(""))).append("</td>")
                    .append("<td class=\"num\">").append(number(rule.findings())).append("</td>")
                    .append("<td class=\"num\">").append(number(rule.families())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        coverage();
        out.append("</section>\n");
    }

    /** How much of what the rules read was recorded, and the rules that did not judge. */
    private void coverage() {
        Coverage coverage = triage.report().coverage();
        if (coverage == null) {
            return;
        }
        out.append("<h3>").append(esc(texts.get("coverage.heading"))).append("</h3>\n<ul class=\"coverage\">\n");
        for (Coverage.Share share : coverage.shares()) {
            out.append("<li>").append(esc(texts.get("coverage.share", "field",
                    texts.get("coverage.field." + share.field()), "recorded", share.recorded(), "total", share.total(),
                    "share", share.share(), "population", texts.get("coverage.population." + share.population()))))
                    .append("</li>\n");
        }
        for (Coverage.NotJudged rule : coverage.notJudged()) {
            out.append("<li>").append(esc(texts.get("coverage.notJudged", "rule", rule.ruleId(), "reason",
                    rule.reason()))).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void schools() {
        section("schools");
        List<Rollup> schools = triage.summary().bySchool();
        if (schools.isEmpty()) {
            p(texts.get("html.noSchools"));
        } else {
            out.append("<table><thead><tr>");
            th(texts.get("html.col.school"));
            th(texts.get("html.col.findings"));
            th(texts.get("html.col.high"));
            th(texts.get("html.col.families"));
            th(texts.get("html.col.topRules"));
            out.append("</tr></thead><tbody>\n");
            for (Rollup school : schools) {
                out.append("<tr><th scope=\"row\">").append(esc(schoolName(school.key()))).append("</th>")
                        .append("<td class=\"num\">").append(number(school.findings())).append("</td>")
                        .append("<td class=\"num\">").append(number(school.high())).append("</td>")
                        .append("<td class=\"num\">").append(number(school.families())).append("</td><td>");
                int shown = 0;
                for (Map.Entry<String, Integer> rule : TopRules.of(school, catalog, 3)) {
                    out.append(shown++ > 0 ? ", " : "").append(esc(rule.getKey())).append(" ")
                            .append(number(rule.getValue()));
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");
    }

    private void causes() {
        section("causes");
        List<Finding> broadcasts = new ArrayList<>();
        for (Triage.Entry entry : triage.entries()) {
            if (entry.finding().broadcastId() != null) {
                broadcasts.add(entry.finding());
            }
        }
        if (broadcasts.isEmpty()) {
            p(texts.get("html.noCauses"));
        } else {
            Optional<RuleInfo> rule = catalog.rule(RuleIds.UNTRANSLATED_BROADCAST);
            rule.ifPresent(r -> p(r.why()));
            out.append("<ul class=\"causes\">\n");
            for (Finding f : broadcasts) {
                out.append("<li>").append(esc(Causes.describe(f, dataset, texts))).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    /** Per rule and dimension: a bar per eligible label, the reference line, the four-fifths line, and a table. */
    private void equity() {
        section("equity");
        List<EquityRow> rows = triage.summary().equity();
        if (rows.isEmpty()) {
            p(texts.get("html.noEquity"));
        }
        Map<String, List<EquityRow>> charts = new LinkedHashMap<>();
        for (EquityRow row : rows) {
            charts.computeIfAbsent(row.rate().ruleId() + "\u0000" + row.rate().group().dimension(),
                    k -> new ArrayList<>()).add(row);
        }
        int chart = 0;
        for (List<EquityRow> group : charts.values()) {
            LabelRate first = group.get(0).rate();
            String ruleTitle = catalog.rule(first.ruleId()).map(RuleInfo::title).orElse(first.ruleId());
            String heading = ruleTitle + ": " + first.group().dimension();
            String id = "eq" + (++chart);
            out.append("<figure class=\"chart equity-chart\" data-rule=\"").append(esc(first.ruleId()))
                    .append("\" data-dimension=\"").append(esc(first.group().dimension())).append("\">\n<figcaption>")
                    .append(esc(heading)).append("</figcaption>\n");
            equityChart(id, heading, group);
            out.append("<table><thead><tr>");
            th(texts.get("html.col.label"));
            th(texts.get("html.col.n"));
            th(texts.get("html.col.rate"));
            th(texts.get("html.col.ratio"));
            th(texts.get("html.col.flag"));
            out.append("</tr></thead><tbody>\n");
            for (EquityRow row : group) {
                LabelRate rate = row.rate();
                out.append("<tr").append(row.flagged() ? " class=\"flagged\"" : "").append("><th scope=\"row\">")
                        .append(esc(Names.label(rate.group(), locale))).append("</th><td class=\"num\">")
                        .append(esc(texts.get("equity.count", "successes", rate.successes(), "n", rate.n())))
                        .append("</td><td class=\"num\">").append(esc(Figures.percent(rate.rate(), locale)))
                        .append("</td><td class=\"num\">")
                        .append(rate.isReference() ? "" : esc(Figures.ratio(rate.ratio(), locale)))
                        .append("</td><td>").append(esc(flag(row)));
                if (row.flagged() && row.finding().metrics() != null) {
                    out.append(" (").append(esc(Figures.pValue(row.finding().metrics().pValue(), locale))).append(")");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</figure>\n");
        }
        p(texts.get("equity.legend", "ratio", policy.disparity().ratio(), "alpha", policy.disparity().alpha()));
        p(texts.get("equity.suppression", "minGroupSize", policy.disparity().minGroupSize()));
        out.append("</section>\n");
    }

    private String flag(EquityRow row) {
        if (row.rate().isReference()) {
            return texts.get("equity.reference");
        }
        return row.borderline() ? texts.get("equity.flaggedBorderline") : row.flagged() ? texts.get("equity.flagged") : "";
    }

    private static final int CHART_WIDTH = 640;
    private static final int LABEL_WIDTH = 170;
    private static final int BAR_HEIGHT = 22;

    private void equityChart(String id, String heading, List<EquityRow> rows) {
        LabelRate reference = rows.get(0).rate();
        double referenceRate = reference.referenceRate();
        int plot = CHART_WIDTH - LABEL_WIDTH - 60;
        int height = rows.size() * (BAR_HEIGHT + 6) + 30;
        StringBuilder description = new StringBuilder();
        for (EquityRow row : rows) {
            description.append(Names.label(row.rate().group(), locale)).append(' ')
                    .append(Figures.percent(row.rate().rate(), locale)).append(row.flagged() ? " (" + flag(row) + ")" : "")
                    .append("; ");
        }
        svgOpen(id, height, heading, texts.get("html.equityChartDesc", "reference",
                Figures.percent(referenceRate, locale), "line", Figures.percent(referenceRate
                        * policy.disparity().ratio(), locale)) + " " + description);
        int y = 10;
        for (EquityRow row : rows) {
            LabelRate rate = row.rate();
            int width = (int) Math.round(rate.rate() * plot);
            String cls = rate.isReference() ? "bar reference" : row.flagged() ? "bar flagged" : "bar";
            out.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(esc(Names.label(rate.group(), locale))).append("</text>")
                    .append("<rect class=\"").append(cls).append("\" data-label=\"").append(esc(rate.group().label()))
                    .append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(width, 1)).append("\" height=\"").append(BAR_HEIGHT).append("\"></rect>")
                    .append("<text x=\"").append(LABEL_WIDTH + Math.max(width, 1) + 4).append("\" y=\"").append(y + 16)
                    .append("\">").append(esc(Figures.percent(rate.rate(), locale))).append("</text>\n");
            y += BAR_HEIGHT + 6;
        }
        int refX = LABEL_WIDTH + (int) Math.round(referenceRate * plot);
        int lineX = LABEL_WIDTH + (int) Math.round(referenceRate * policy.disparity().ratio() * plot);
        out.append("<line class=\"reference-line\" x1=\"").append(refX).append("\" x2=\"").append(refX)
                .append("\" y1=\"4\" y2=\"").append(y).append("\"></line>")
                .append("<line class=\"four-fifths\" x1=\"").append(lineX).append("\" x2=\"").append(lineX)
                .append("\" y1=\"4\" y2=\"").append(y).append("\"></line>")
                .append("<text class=\"axis\" x=\"").append(lineX).append("\" y=\"").append(y + 14)
                .append("\" text-anchor=\"middle\">").append(esc(texts.get("html.fourFifths",
                        "ratio", policy.disparity().ratio()))).append("</text>\n");
        out.append("</svg>\n");
    }

    /** Unanswered input by school days past its deadline. */
    private void ageing() {
        section("ageing");
        SchoolCalendar calendar = dataset.district().calendar();
        Instant asOf = triage.report().asOf();
        int[] counts = new int[AGE_BUCKETS.length];
        int total = 0;
        for (Finding finding : triage.report().findingsOf(RuleIds.UNANSWERED_INPUT)) {
            if (finding.evidence().isEmpty()) {
                continue;
            }
            Optional<Contact> input = dataset.contact(finding.evidence().get(0));
            if (input.isEmpty()) {
                continue;
            }
            int past = calendar.schoolDaysElapsed(input.get().at(), asOf) - policy.responseSchoolDays();
            int bucket = 0;
            for (int i = 0; i < AGE_BUCKETS.length; i++) {
                if (past >= AGE_BUCKETS[i]) {
                    bucket = i;
                }
            }
            counts[bucket]++;
            total++;
        }
        p(texts.get("html.ageingIntro", "count", total, "days", policy.responseSchoolDays()));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < AGE_BUCKETS.length; i++) {
            labels.add(i + 1 < AGE_BUCKETS.length
                    ? texts.get("html.ageRange", "from", AGE_BUCKETS[i], "to", AGE_BUCKETS[i + 1] - 1)
                    : texts.get("html.ageFrom", "from", AGE_BUCKETS[i]));
        }
        columnChart("ageing-chart", texts.get("html.ageing"), labels, counts);
        out.append("</section>\n");
    }

    /** Per school: delivered outbound two-way contacts in the window with a positive tone, against concern. */
    private void balance() {
        section("balance");
        Instant asOf = triage.report().asOf();
        Instant from = asOf.minus(policy.lookback());
        Map<String, int[]> bySchool = new TreeMap<>();
        for (Contact contact : dataset.contacts()) {
            if (!contact.isDeliveredOutbound() || !contact.isTwoWay() || !contact.at().isAfter(from)
                    || contact.at().isAfter(asOf) || contact.tone() == Tone.NEUTRAL) {
                continue;
            }
            String school = dataset.schoolIdOf(contact);
            if (school == null) {
                continue;
            }
            bySchool.computeIfAbsent(school, s -> new int[2])[contact.tone() == Tone.POSITIVE ? 0 : 1]++;
        }
        p(texts.get("html.balanceIntro"));
        if (bySchool.isEmpty()) {
            p(texts.get("html.noBalance"));
            out.append("</section>\n");
            return;
        }
        int max = 1;
        for (int[] counts : bySchool.values()) {
            max = Math.max(max, Math.max(counts[0], counts[1]));
        }
        int plot = CHART_WIDTH - LABEL_WIDTH - 60;
        int height = bySchool.size() * (2 * 14 + 10) + 10;
        StringBuilder description = new StringBuilder();
        for (Map.Entry<String, int[]> school : bySchool.entrySet()) {
            description.append(texts.get("html.balanceRow", "school", schoolName(school.getKey()),
                    "positive", school.getValue()[0], "concern", school.getValue()[1])).append("; ");
        }
        svgOpen("balance-chart", height, texts.get("html.balance"), description.toString());
        int y = 6;
        for (Map.Entry<String, int[]> school : bySchool.entrySet()) {
            int[] counts = school.getValue();
            out.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 22)
                    .append("\" text-anchor=\"end\">").append(esc(shortSchoolName(school.getKey()))).append("</text>");
            for (int tone = 0; tone < 2; tone++) {
                int width = Math.max(1, (int) Math.round((double) counts[tone] / max * plot));
                out.append("<rect class=\"bar ").append(tone == 0 ? "positive" : "concern").append("\" x=\"")
                        .append(LABEL_WIDTH).append("\" y=\"").append(y + tone * 14).append("\" width=\"").append(width)
                        .append("\" height=\"12\"></rect><text x=\"").append(LABEL_WIDTH + width + 4).append("\" y=\"")
                        .append(y + tone * 14 + 10).append("\" class=\"small\">").append(number(counts[tone]))
                        .append("</text>");
            }
            out.append('\n');
            y += 2 * 14 + 10;
        }
        out.append("</svg>\n<p class=\"legend\"><span class=\"key positive\"></span> ")
                .append(esc(texts.get("html.positive"))).append(" <span class=\"key concern\"></span> ")
                .append(esc(texts.get("html.concern"))).append("</p>\n</section>\n");
    }

    /** The family findings in urgency order, sortable and filterable; all rows with JavaScript off. */
    private void families() {
        section("families");
        p(texts.get("html.familiesIntro"));
        TreeSet<String> rules = new TreeSet<>();
        TreeSet<String> schools = new TreeSet<>();
        for (Triage.Entry entry : triage.entries()) {
            if (entry.finding().familyId() != null) {
                rules.add(entry.finding().ruleId());
                schools.addAll(entry.finding().schoolIds());
            }
        }
        // The filters work only with the script, so they are hidden until it runs.
        out.append("<form id=\"filters\" class=\"filters\" hidden>\n");
        select("filter-severity", texts.get("html.col.severity"), List.of("HIGH", "MEDIUM", "LOW"),
                value -> texts.severity(Severity.valueOf(value)));
        select("filter-rule", texts.get("html.col.rule"), new ArrayList<>(rules), value -> value);
        select("filter-school", texts.get("html.col.school"), new ArrayList<>(schools), this::shortSchoolName);
        out.append("<label>").append(esc(texts.get("html.col.family")))
                .append(" <input type=\"search\" id=\"filter-family\" autocomplete=\"off\"></label>\n")
                .append("<output id=\"shown\" aria-live=\"polite\" data-of=\"").append(esc(texts.get("html.of")))
                .append("\"></output>\n</form>\n");
        out.append("<table id=\"family-table\" class=\"findings\"><thead><tr>");
        String[][] columns = {
            {"rank", "num"}, {"family", "text"}, {"severity", "sev"}, {"rule", "text"}, {"school", "text"},
            {"status", "text"}, {"message", "text"},
        };
        for (String[] column : columns) {
            out.append("<th scope=\"col\" data-type=\"").append(column[1]).append("\"")
                    .append(column[0].equals("rank") ? " aria-sort=\"ascending\"" : "").append(">")
                    .append(esc(texts.get("html.col." + column[0]))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Triage.Entry entry : triage.entries()) {
            Finding f = entry.finding();
            if (f.familyId() == null) {
                continue;
            }
            String next = catalog.rule(f.ruleId()).map(RuleInfo::nextStep).orElse("");
            out.append("<tr data-severity=\"").append(f.severity().name()).append("\" data-rule=\"")
                    .append(esc(f.ruleId())).append("\" data-school=\"")
                    .append(esc(String.join(" ", f.schoolIds()))).append("\">")
                    .append("<td class=\"num\">").append(entry.rank()).append("</td><td>").append(esc(f.familyId()))
                    .append("</td><td data-value=\"").append(f.severity().ordinal()).append("\">")
                    .append(esc(texts.severity(f.severity()))).append("</td><td>").append(esc(f.ruleId()))
                    .append("</td><td>").append(esc(String.join(", ", f.schoolIds()))).append("</td><td>")
                    .append(entry.status() == null ? "" : esc(texts.get("html.status." + entry.status().name())))
                    .append("</td><td>").append(esc(f.message()));
            if (!next.isEmpty()) {
                out.append("<br><span class=\"next\">").append(esc(texts.get("families.next", "next", next)))
                        .append("</span>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n</section>\n");
    }

    // ---- pieces ---------------------------------------------------------------------------------------

    private void columnChart(String id, String title, List<String> labels, int[] counts) {
        int max = 1;
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            max = Math.max(max, counts[i]);
            description.append(labels.get(i)).append(": ").append(number(counts[i])).append("; ");
        }
        int plotHeight = 160;
        int columnWidth = (CHART_WIDTH - 40) / counts.length;
        svgOpen(id, plotHeight + 50, title, description.toString());
        for (int i = 0; i < counts.length; i++) {
            int height = Math.max(1, (int) Math.round((double) counts[i] / max * plotHeight));
            int x = 20 + i * columnWidth + 10;
            out.append("<rect class=\"bar age\" x=\"").append(x).append("\" y=\"").append(plotHeight - height + 16)
                    .append("\" width=\"").append(columnWidth - 20).append("\" height=\"").append(height)
                    .append("\"></rect><text x=\"").append(x + (columnWidth - 20) / 2).append("\" y=\"")
                    .append(plotHeight - height + 12).append("\" text-anchor=\"middle\">").append(number(counts[i]))
                    .append("</text><text x=\"").append(x + (columnWidth - 20) / 2).append("\" y=\"")
                    .append(plotHeight + 34).append("\" text-anchor=\"middle\">").append(esc(labels.get(i)))
                    .append("</text>\n");
        }
        out.append("</svg>\n");
    }

    private void svgOpen(String id, int height, String title, String description) {
        out.append("<svg id=\"").append(id).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"").append(id)
                .append("-t\">").append(esc(title)).append("</title><desc id=\"").append(id).append("-d\">")
                .append(esc(description.strip())).append("</desc>\n");
    }

    private void select(String id, String label, List<String> values, UnaryOperator<String> display) {
        out.append("<label>").append(esc(label)).append(" <select id=\"").append(id).append("\"><option value=\"\">")
                .append(esc(texts.get("html.all"))).append("</option>");
        for (String value : values) {
            String shown = display.apply(value);
            out.append("<option value=\"").append(esc(value)).append("\">").append(esc(shown)).append("</option>");
        }
        out.append("</select></label>\n");
    }

    private void section(String id) {
        out.append("<section id=\"").append(id).append("\" aria-labelledby=\"h-").append(id).append("\">\n<h2 id=\"h-")
                .append(id).append("\">").append(esc(texts.get("html." + id))).append("</h2>\n");
    }

    private void th(String text) {
        out.append("<th scope=\"col\">").append(esc(text)).append("</th>");
    }

    private void p(String text) {
        out.append("<p>").append(esc(text)).append("</p>\n");
    }

    private String subject(Finding f) {
        if (f.familyId() != null) {
            return f.familyId();
        }
        if (f.group() != null) {
            return f.group().dimension() + " " + Names.label(f.group(), locale);
        }
        String broadcast = f.broadcastId();
        return broadcast == null ? "" : broadcast;
    }

    private String districtName() {
        var district = dataset.district();
        return district.name() == null ? district.id() : district.name() + " (" + district.id() + ")";
    }

    private String schoolName(String schoolId) {
        for (School school : dataset.district().schools()) {
            if (school.id().equals(schoolId) && school.name() != null) {
                return school.name() + " (" + schoolId + ")";
            }
        }
        return schoolId;
    }

    private String shortSchoolName(String schoolId) {
        for (School school : dataset.district().schools()) {
            if (school.id().equals(schoolId) && school.name() != null) {
                return school.name();
            }
        }
        return schoolId;
    }

    private String number(long value) {
        return texts.get("number", "value", value);
    }

    /** HTML text and attribute escaping; control and bidi characters as visible escapes. */
    static String esc(String text) {
        String safe = Printable.escape(text);
        StringBuilder b = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            :root { color-scheme: light; --ink: #1b1b1b; --quiet: #4a4a4a; --line: #c8c8c8; --bar: #2c5d8f;
              --flag: #a23b12; --ref: #1b1b1b; --pos: #2f6f3e; --con: #8a2d2d; }
            * { box-sizing: border-box; }
            body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
              background: #fff; margin: 0 auto; max-width: 72rem; padding: 1rem; }
            h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink);
              padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
            nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
            a { color: #17457a; }
            table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
            caption { text-align: left; font-weight: 600; padding: .3rem 0; }
            th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
            thead th { background: #eef1f4; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.flagged th, tr.flagged td { background: #fbeee8; }
            .quiet, .next { color: var(--quiet); font-size: .9rem; }
            .severities { list-style: none; padding: 0; display: flex; gap: 1.5rem; }
            .severities strong { font-size: 1.4rem; }
            figure.chart { margin: 1rem 0 1.5rem; } figcaption { font-weight: 600; }
            svg { max-width: 44rem; height: auto; font-size: 13px; fill: var(--ink); display: block; }
            svg .bar { fill: var(--bar); } svg .bar.flagged { fill: var(--flag); } svg .bar.reference { fill: #4b4b4b; }
            svg .bar.positive { fill: var(--pos); } svg .bar.concern { fill: var(--con); }
            svg .reference-line { stroke: var(--ref); stroke-width: 2; }
            svg .four-fifths { stroke: var(--flag); stroke-width: 2; stroke-dasharray: 5 4; }
            svg .small, svg .axis { font-size: 11px; }
            .legend .key { display: inline-block; width: .9rem; height: .9rem; vertical-align: middle; }
            .key.positive { background: var(--pos); } .key.concern { background: var(--con); }
            .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; }
            .filters select, .filters input { font: inherit; padding: .2rem; }
            th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer;
              color: inherit; text-decoration: underline dotted; }
            td, th { overflow-wrap: break-word; }
            @media (max-width: 40rem) {
              body { padding: .5rem; font-size: 15px; }
              table:not(.findings) { display: block; overflow-x: auto; }
              table.findings thead { display: none; }
              table.findings tr { display: block; border-bottom: 2px solid var(--line); padding: .3rem 0; }
              table.findings td { display: block; border: 0; padding: .1rem .2rem; }
            }
            @media print {
              nav, .filters { display: none !important; } body { max-width: none; font-size: 11pt; }
              tr, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; }
              tr[hidden] { display: table-row !important; }
            }
            """;

    /** Sort by clicking a column header; filter by severity, rule, school and family id. No framework. */
    private static final String SCRIPT = """
            (function () {
              'use strict';
              var table = document.getElementById('family-table');
              if (!table) { return; }
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var form = document.getElementById('filters');
              form.hidden = false;
              var shown = document.getElementById('shown');
              function value(row, index, type) {
                var cell = row.cells[index];
                if (type === 'num') { return Number(cell.textContent); }
                if (type === 'sev') { return -Number(cell.getAttribute('data-value')); }
                return cell.textContent;
              }
              var headers = table.tHead.rows[0].cells;
              Array.prototype.forEach.call(headers, function (th, index) {
                var button = document.createElement('button');
                button.type = 'button';
                button.textContent = th.textContent;
                th.textContent = '';
                th.appendChild(button);
                button.addEventListener('click', function () {
                  var type = th.getAttribute('data-type');
                  var ascending = th.getAttribute('aria-sort') !== 'ascending';
                  Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
                  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                  rows.sort(function (a, b) {
                    var x = value(a, index, type), y = value(b, index, type);
                    var c = x < y ? -1 : x > y ? 1 : Number(a.cells[0].textContent) - Number(b.cells[0].textContent);
                    return ascending ? c : -c;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
              function filter() {
                var severity = document.getElementById('filter-severity').value;
                var rule = document.getElementById('filter-rule').value;
                var school = document.getElementById('filter-school').value;
                var family = document.getElementById('filter-family').value.trim().toLowerCase();
                var count = 0;
                rows.forEach(function (row) {
                  var keep = (!severity || row.getAttribute('data-severity') === severity)
                    && (!rule || row.getAttribute('data-rule') === rule)
                    && (!school || (' ' + row.getAttribute('data-school') + ' ').indexOf(' ' + school + ' ') >= 0)
                    && (!family || row.cells[1].textContent.toLowerCase().indexOf(family) >= 0);
                  row.hidden = !keep;
                  if (keep) { count++; }
                });
                shown.textContent = count + ' ' + shown.getAttribute('data-of') + ' ' + rows.length;
              }
              form.addEventListener('input', filter);
              form.addEventListener('change', filter);
              form.addEventListener('submit', function (e) { e.preventDefault(); });
              filter();
            }());
            """;
}
