package org.familyengagement.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.familyengagement.report.Finding;
import org.familyengagement.report.Rollup;
import org.familyengagement.report.Triage;

/**
 * {@code audit --format csv}: one flat row per finding, in urgency order, for a spreadsheet or a BI
 * tool; or, with {@code --rollup}, one row per school, staff member, broadcast or rule. RFC 4180
 * (comma, double quotes, CRLF) written by Apache Commons CSV, never hand-quoted. Lists within a
 * cell (schools, staff, evidence) are joined with {@code ;}. Cells that a spreadsheet would run as
 * a formula (starting with {@code = + - @}) cannot occur: ids are checked by the dataset contract,
 * and messages start with a letter or a digit.
 */
final class CsvReport {
    /** The columns of the per-finding table; {@code docs/cli.md} describes each. */
    static final List<String> FINDING_COLUMNS = List.of("rank", "id", "rule", "category", "severity", "family",
            "dimension", "label", "broadcast", "schools", "staff", "status", "borderline", "evidence", "message");

    /** The columns of a rollup table. */
    static final List<String> ROLLUP_COLUMNS = List.of("key", "findings", "high", "medium", "low", "families",
            "rules");

    /** What {@code --rollup} rolls findings up by. */
    enum RollupBy { SCHOOL, STAFF, BROADCAST, RULE }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvReport() {
    }

    /** One row per finding, most urgent first. */
    static String findings(Triage triage) {
        return print(FINDING_COLUMNS, printer -> {
            for (Triage.Entry entry : triage.entries()) {
                Finding f = entry.finding();
                printer.printRecord(entry.rank(), f.id(), f.ruleId(), f.category().name(),
                        f.severity().name(), nullToEmpty(f.familyId()),
                        f.group() == null ? "" : f.group().dimension(), f.group() == null ? "" : f.group().label(),
                        nullToEmpty(f.broadcastId()), String.join(";", f.schoolIds()),
                        String.join(";", f.staffIds()),
                        entry.status() == null ? "" : entry.status().name(),
                        f.metrics() == null ? "" : Boolean.toString(entry.borderline()),
                        String.join(";", f.evidence()), f.message());
            }
        });
    }

    /** One row per school, staff member, broadcast or rule, worst first. */
    static String rollup(Triage triage, RollupBy by) {
        List<Rollup> rollups = switch (by) {
            case SCHOOL -> triage.summary().bySchool();
            case STAFF -> triage.summary().byStaff();
            case BROADCAST -> triage.summary().byBroadcast();
            case RULE -> triage.summary().byRule();
        };
        return print(ROLLUP_COLUMNS, printer -> {
            for (Rollup rollup : rollups) {
                printer.printRecord(rollup.key(), rollup.findings(), rollup.high(), rollup.medium(), rollup.low(),
                        rollup.families(), rules(rollup.rules()));
            }
        });
    }

    private static String rules(Map<String, Integer> rules) {
        return rules.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @FunctionalInterface
    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String print(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
