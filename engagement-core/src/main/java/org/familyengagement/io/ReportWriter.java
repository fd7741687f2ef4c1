package org.familyengagement.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import org.familyengagement.internal.AtomicFiles;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.EquityRow;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.LabelRate;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Rollup;
import org.familyengagement.report.Status;
import org.familyengagement.report.Summary;
import org.familyengagement.report.Triage;

/**
 * Writes a {@link Report} as the findings document of {@code docs/fact-model.md}:
 *
 * <pre>{@code
 * {
 *   "asOf": "2026-11-20T23:00:00Z",
 *   "findings": [
 *     {
 *       "ruleId": "unanswered-input",
 *       ...
 * }</pre>
 *
 * <p>Every finding has {@code id, ruleId, category, severity, familyId, group, broadcastId,
 * evidence, schoolIds, staffIds, message} in that order, {@code null} for the two subjects a
 * finding does not have; {@code metrics} follows when the finding has them: {@code n, rate,
 * referenceLabel, referenceRate, ratio, pValue} for a group finding, {@code families, deliveries,
 * languages} for a broadcast finding. Findings come in the report's own order. When the report
 * states its coverage, {@code coverage} follows the findings: {@code shares} (each {@code field,
 * population, recorded, total}) and {@code notJudged} (each {@code ruleId, reason}).
 *
 * <p>The output is deterministic: the same report always gives the same bytes. It is UTF-8,
 * indented by two spaces with {@code \n} line ends whatever the platform, and ends with a
 * newline; instants are ISO-8601 UTC ({@link java.time.Instant#toString()}), numbers the
 * shortest decimal that reads back to the same {@code double}. {@link ReportReader} reads it back.
 *
 * <p>Thread-safe. Streams and writers passed in are flushed, not closed.
 */
public final class ReportWriter {
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ReportWriter() {
    }

    /**
     * The document as a string.
     *
     * @throws IllegalArgumentException when a metric is not a finite number, which JSON cannot hold
     */
    public static String toJson(Report report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the document to {@code file} (UTF-8), replacing it in one step: the file is the old
     * one or the whole new one, never a truncated mix, whatever fails (a full disk, a size limit).
     *
     * @throws IllegalArgumentException when a metric is not a finite number
     * @throws IOException              when the file cannot be written
     */
    public static void write(Report report, Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(report, "report must not be null");
        // Streamed to a temporary file and moved in: a metric JSON cannot hold fails before the
        // first byte, any failure leaves the old file as it was.
        AtomicFiles.write(file, out -> write(report, out));
    }

    /**
     * Writes the document to a byte stream, UTF-8.
     *
     * @throws IllegalArgumentException when a metric is not a finite number
     * @throws IOException              when the stream fails
     */
    public static void write(Report report, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "output stream must not be null");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(report, writer);
        writer.flush();
    }

    /**
     * Writes the document to a character stream.
     *
     * @throws IllegalArgumentException when a metric is not a finite number
     * @throws IOException              when the writer fails
     */
    public static void write(Report report, Writer out) throws IOException {
        Objects.requireNonNull(report, "report must not be null");
        write(report, null, out);
    }

    /**
     * The audit document of a triage as a string: the findings document of its report, each
     * finding with {@code rank}, {@code status} and (group findings) {@code borderline}, then
     * {@code resolved} (the baseline's findings that are gone; with a baseline only) and
     * {@code summary} (the rollups). {@code docs/cli.md} describes every field.
     *
     * @throws IllegalArgumentException when a metric is not a finite number
     */
    public static String toJson(Triage triage) {
        StringWriter out = new StringWriter();
        try {
            write(triage, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the audit document of a triage ({@link #toJson(Triage)}) to {@code file}, in one step. */
    public static void write(Triage triage, Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(triage, "triage must not be null");
        AtomicFiles.write(file, out -> write(triage, out));
    }

    /** Writes the audit document of a triage ({@link #toJson(Triage)}) to a byte stream, UTF-8. */
    public static void write(Triage triage, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "output stream must not be null");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(triage, writer);
        writer.flush();
    }

    /** Writes the audit document of a triage ({@link #toJson(Triage)}) to a character stream. */
    public static void write(Triage triage, Writer out) throws IOException {
        Objects.requireNonNull(triage, "triage must not be null");
        write(triage.report(), triage, out);
    }

    private static void write(Report report, Triage triage, Writer out) throws IOException {
        Objects.requireNonNull(out, "writer must not be null");
        for (Finding finding : report.findings()) {
            checkFinite(finding);
        }
        if (triage != null) {
            for (Finding finding : triage.resolved()) {
                checkFinite(finding);
            }
        }
        try (JsonGenerator json = Formats.JSON.createGenerator(out)) {
            // A pretty printer tracks its nesting: each generator needs its own instance.
            json.setPrettyPrinter(PRETTY.createInstance());
            json.writeStartObject();
            json.writeStringField("asOf", report.asOf().toString());
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                writeFinding(json, finding, triage == null ? null : triage.entry(finding));
            }
            json.writeEndArray();
            if (report.coverage() != null) {
                writeCoverage(json, report.coverage());
            }
            if (triage != null) {
                if (triage.baseline().isPresent()) {
                    json.writeArrayFieldStart("resolved");
                    for (Finding finding : triage.resolved()) {
                        writeFinding(json, finding, null);
                    }
                    json.writeEndArray();
                }
                writeSummary(json, triage);
            }
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeSummary(JsonGenerator json, Triage triage) throws IOException {
        Summary summary = triage.summary();
        json.writeObjectFieldStart("summary");
        if (triage.baseline().isPresent()) {
            json.writeObjectFieldStart("changes");
            for (var change : triage.changes().entrySet()) {
                json.writeNumberField(change.getKey().name(), change.getValue());
            }
            json.writeEndObject();
        }
        writeRollups(json, "bySeverity", summary.bySeverity());
        writeRollups(json, "byRule", summary.byRule());
        writeRollups(json, "bySchool", summary.bySchool());
        writeRollups(json, "byStaff", summary.byStaff());
        writeRollups(json, "byBroadcast", summary.byBroadcast());
        json.writeArrayFieldStart("equity");
        for (EquityRow row : summary.equity()) {
            LabelRate rate = row.rate();
            json.writeStartObject();
            json.writeStringField("ruleId", rate.ruleId());
            json.writeStringField("dimension", rate.group().dimension());
            json.writeStringField("label", rate.group().label());
            json.writeNumberField("n", rate.n());
            json.writeNumberField("successes", rate.successes());
            json.writeNumberField("rate", rate.rate());
            json.writeStringField("referenceLabel", rate.referenceLabel());
            json.writeNumberField("referenceRate", rate.referenceRate());
            json.writeNumberField("ratio", rate.ratio());
            json.writeBooleanField("flagged", row.flagged());
            json.writeBooleanField("borderline", row.borderline());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeRollups(JsonGenerator json, String name, List<Rollup> rollups)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (Rollup rollup : rollups) {
            json.writeStartObject();
            json.writeStringField("key", rollup.key());
            json.writeNumberField("findings", rollup.findings());
            json.writeNumberField("high", rollup.high());
            json.writeNumberField("medium", rollup.medium());
            json.writeNumberField("low", rollup.low());
            json.writeNumberField("families", rollup.families());
            json.writeObjectFieldStart("rules");
            for (var rule : rollup.rules().entrySet()) {
                json.writeNumberField(rule.getKey(), rule.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeFinding(JsonGenerator json, Finding finding, Triage.Entry entry) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", finding.id());
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("category", finding.category().name());
        json.writeStringField("severity", finding.severity().name());
        json.writeStringField("familyId", finding.familyId());
        json.writeFieldName("group");
        Group group = finding.group();
        if (group == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("dimension", group.dimension());
            json.writeStringField("label", group.label());
            json.writeEndObject();
        }
        json.writeStringField("broadcastId", finding.broadcastId());
        writeIds(json, "evidence", finding.evidence());
        writeIds(json, "schoolIds", finding.schoolIds());
        writeIds(json, "staffIds", finding.staffIds());
        json.writeStringField("message", finding.message());
        Metrics metrics = finding.metrics();
        if (metrics != null) {
            json.writeObjectFieldStart("metrics");
            json.writeNumberField("n", metrics.n());
            json.writeNumberField("rate", metrics.rate());
            json.writeStringField("referenceLabel", metrics.referenceLabel());
            json.writeNumberField("referenceRate", metrics.referenceRate());
            json.writeNumberField("ratio", metrics.ratio());
            json.writeNumberField("pValue", metrics.pValue());
            json.writeEndObject();
        }
        BroadcastMetrics broadcast = finding.broadcastMetrics();
        if (broadcast != null) {
            json.writeObjectFieldStart("metrics");
            json.writeNumberField("families", broadcast.families());
            json.writeNumberField("deliveries", broadcast.deliveries());
            writeIds(json, "languages", broadcast.languages());
            json.writeEndObject();
        }
        if (entry != null) {
            json.writeNumberField("rank", entry.rank());
            Status status = entry.status();
            json.writeStringField("status", status == null ? null : status.name());
            if (metrics != null) {
                json.writeBooleanField("borderline", entry.borderline());
            }
        }
        json.writeEndObject();
    }

    private static void writeCoverage(JsonGenerator json, Coverage coverage) throws IOException {
        json.writeObjectFieldStart("coverage");
        json.writeArrayFieldStart("shares");
        for (Coverage.Share share : coverage.shares()) {
            json.writeStartObject();
            json.writeStringField("field", share.field());
            json.writeStringField("population", share.population());
            json.writeNumberField("recorded", share.recorded());
            json.writeNumberField("total", share.total());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notJudged");
        for (Coverage.NotJudged rule : coverage.notJudged()) {
            json.writeStartObject();
            json.writeStringField("ruleId", rule.ruleId());
            json.writeStringField("reason", rule.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeIds(JsonGenerator json, String field, List<String> ids) throws IOException {
        json.writeArrayFieldStart(field);
        for (String id : ids) {
            json.writeString(id);
        }
        json.writeEndArray();
    }

    private static void checkFinite(Finding finding) {
        Metrics metrics = finding.metrics();
        if (metrics == null) {
            return;
        }
        String[] names = {"rate", "referenceRate", "ratio", "pValue"};
        double[] values = {metrics.rate(), metrics.referenceRate(), metrics.ratio(), metrics.pValue()};
        for (int i = 0; i < names.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("metrics." + names[i] + " of a " + finding.ruleId()
                        + " finding is " + values[i] + ", which JSON cannot hold");
            }
        }
    }
}
