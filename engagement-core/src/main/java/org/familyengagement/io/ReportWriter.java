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
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;

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
        // Rendered first (a metric JSON cannot hold fails before any file is touched), then moved in.
        byte[] json = toJson(report).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, json);
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
        Objects.requireNonNull(out, "writer must not be null");
        for (Finding finding : report.findings()) {
            checkFinite(finding);
        }
        try (JsonGenerator json = Formats.JSON.createGenerator(out)) {
            // A pretty printer tracks its nesting: each generator needs its own instance.
            json.setPrettyPrinter(PRETTY.createInstance());
            json.writeStartObject();
            json.writeStringField("asOf", report.asOf().toString());
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                writeFinding(json, finding);
            }
            json.writeEndArray();
            if (report.coverage() != null) {
                writeCoverage(json, report.coverage());
            }
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
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
