package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.ReportReader;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.Rollup;
import org.familyengagement.report.Status;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.Urgency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance on the sample district (examples/data/sample-district.json, as of
 * 2026-11-20T23:00:00Z): what a coordinator sees first, the urgency order, a baseline run on a
 * changed copy, and the CSV against the JSON.
 */
class SampleDistrictReportTest {
    static final Path SAMPLE = Path.of("../examples/data/sample-district.json");
    static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static Dataset dataset;
    private static RuleEngine engine;
    private static Triage triage;

    @BeforeAll
    static void auditTheSampleDistrict() throws IOException {
        dataset = DatasetReader.read(SAMPLE);
        engine = RuleEngine.builder().build();
        triage = triage(engine.evaluate(dataset, AS_OF), dataset, null);
    }

    private static Triage triage(Report report, Dataset data, Report baseline) {
        var urgency = Urgency.order(data, engine.policy(), AS_OF);
        return baseline == null ? Triage.of(report, urgency, engine.policy())
                : Triage.of(report, urgency, engine.policy(), baseline);
    }

    @Test
    void theFirstScreenNamesTheWorstSchoolsAndTheUntranslatedBroadcasts() {
        String text = new TextReport(dataset, triage, engine.catalog(), engine.policy(), Texts.of(Locale.ENGLISH),
                false, TextReport.DEFAULT_TOP).render();
        List<String> lines = text.lines().toList();
        String firstScreen = String.join("\n", lines.subList(0, 40));

        List<Rollup> schools = triage.summary().bySchool();
        assertThat(schools).hasSize(8);
        // The high school has the most high-severity findings, then the middle school.
        assertThat(schools.get(0).key()).isEqualTo("sch-08");
        assertThat(firstScreen).contains("Schools, worst first", "1. Riverbend High School (sch-08)",
                "2. " + schoolName(schools.get(1).key()));
        // The district's family survey, sent in English only on 4 November, not understood by 396 families.
        assertThat(firstScreen).contains("Causes: broadcasts many families could not read",
                "- b-0034 (November 4): 396 families could not read it",
                "Somali", "Haitian Creole");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    @Test
    void theLongestWaitingQuestionRanksInTheTopFiveOfItsSchool() {
        // The question that has waited longest (the sample's oldest open question, 2026-10-21).
        Triage.Entry longest = null;
        var calendar = dataset.district().calendar();
        int longestWait = -1;
        for (Triage.Entry entry : triage.entries()) {
            Finding f = entry.finding();
            if (f.ruleId().equals(RuleIds.UNANSWERED_INPUT)) {
                int wait = calendar.schoolDaysElapsed(dataset.contact(f.evidence().get(0)).orElseThrow().at(), AS_OF);
                if (wait > longestWait) {
                    longestWait = wait;
                    longest = entry;
                }
            }
        }
        assertThat(longestWait).isGreaterThanOrEqualTo(19);
        assertThat(longest.finding().schoolIds()).isNotEmpty();
        for (String school : longest.finding().schoolIds()) {
            List<Triage.Entry> ofSchool = triage.entries().stream()
                    .filter(e -> e.finding().schoolIds().contains(school)).toList();
            assertThat(ofSchool.indexOf(longest)).as("place in " + school).isBetween(0, 4);
        }
        // Among all the district's open questions it comes first.
        assertThat(triage.entries().stream().filter(e -> e.finding().ruleId().equals(RuleIds.UNANSWERED_INPUT))
                .findFirst().orElseThrow()).isEqualTo(longest);
    }

    @Test
    void noPromiseKeptLateRanksAboveOneNeverKept() {
        int lastNeverKept = 0;
        int firstKeptLate = Integer.MAX_VALUE;
        int keptLate = 0;
        for (Triage.Entry entry : triage.entries()) {
            Finding f = entry.finding();
            if (f.ruleId().equals(RuleIds.BROKEN_COMMITMENT)) {
                // A promise kept late names the late contact after the commitment.
                if (f.evidence().size() > 1) {
                    firstKeptLate = Math.min(firstKeptLate, entry.rank());
                    keptLate++;
                } else {
                    lastNeverKept = Math.max(lastNeverKept, entry.rank());
                }
            }
        }
        assertThat(keptLate).isPositive();
        assertThat(lastNeverKept).isPositive().isLessThan(firstKeptLate);
    }

    @Test
    void aSecondAuditWithABaselineReportsExactlyThePlantedChanges(@TempDir Path dir) throws IOException {
        // Planted: f-000019's open question k-0039207 gets a reply; f-000036 asks a new question that
        // nobody answers. Nothing else changes.
        Contact reply = Contact.builder("k-9000001", "f-000019", Instant.parse("2026-11-19T15:00:00Z"),
                Direction.OUTBOUND, Channel.SMS).mode(Mode.PERSONAL).replyTo("k-0039207").build();
        Contact question = Contact.builder("k-9000002", "f-000036", Instant.parse("2026-11-18T01:00:00Z"),
                Direction.INBOUND, Channel.SMS).build();
        List<Contact> contacts = new ArrayList<>(dataset.contacts());
        contacts.add(reply);
        contacts.add(question);
        Dataset changed = Dataset.of(dataset.district(), dataset.staff(), dataset.families(), contacts,
                dataset.commitments(), dataset.meetings());

        // The baseline as the first audit wrote it (with its own rank, status and summary).
        Path baselineFile = dir.resolve("previous.json");
        ReportWriter.write(triage, baselineFile);
        Report baseline = ReportReader.read(baselineFile);
        Triage second = triage(engine.evaluate(changed, AS_OF), changed, baseline);

        assertThat(second.added()).singleElement().satisfies(e -> {
            assertThat(e.finding().ruleId()).isEqualTo(RuleIds.UNANSWERED_INPUT);
            assertThat(e.finding().familyId()).isEqualTo("f-000036");
            assertThat(e.finding().evidence()).containsExactly("k-9000002");
        });
        assertThat(second.resolved()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RuleIds.UNANSWERED_INPUT);
            assertThat(f.evidence()).containsExactly("k-0039207");
        });
        assertThat(second.changes().get(Status.PERSISTING)).isEqualTo(triage.entries().size() - 1);

        // The text report leads with the change.
        String text = new TextReport(changed, second, engine.catalog(), engine.policy(), Texts.of(Locale.ENGLISH),
                false, 3).render();
        assertThat(text).contains("What changed since the audit as of 2026-11-20T23:00:00Z\n",
                String.format(Locale.ENGLISH, "1 new finding, %,d still open, 1 resolved.\n", triage.entries().size() - 1),
                "  NEW HIGH unanswered-input f-000036\n", "  RESOLVED HIGH unanswered-input f-000019\n");
        assertThat(text.indexOf("What changed")).isLessThan(text.indexOf("Schools, worst first"));
    }

    @Test
    void theCsvLoadsInACsvLibraryWithTheCountsOfTheJson() throws IOException {
        String csv = CsvReport.findings(triage);
        Report json = ReportReader.readString(ReportWriter.toJson(triage));

        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(CsvReport.FINDING_COLUMNS);
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(json.findings().size());
        Map<String, Integer> csvByRule = new TreeMap<>();
        Map<String, Integer> jsonByRule = new TreeMap<>();
        rows.forEach(r -> csvByRule.merge(r.get("rule"), 1, Integer::sum));
        json.findings().forEach(f -> jsonByRule.merge(f.ruleId(), 1, Integer::sum));
        assertThat(csvByRule).isEqualTo(jsonByRule);
        assertThat(rows).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(
                json.findings().stream().map(Finding::id).toList());
        // Ranks 1..n in order, as the JSON's.
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("rank")).isEqualTo(String.valueOf(i + 1));
        }
        // One row per school in the rollup variant, with the summary's counts.
        String bySchool = CsvReport.rollup(triage, CsvReport.RollupBy.SCHOOL);
        try (CSVParser parser = CSVParser.parse(bySchool,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> schools = parser.getRecords();
            assertThat(schools).extracting(r -> r.get("key")).containsExactlyElementsOf(
                    triage.summary().bySchool().stream().map(Rollup::key).toList());
            assertThat(Integer.parseInt(schools.get(0).get("findings")))
                    .isEqualTo(triage.summary().bySchool().get(0).findings());
        }
    }

    private static String schoolName(String id) {
        return dataset.district().schools().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().name()
                + " (" + id + ")";
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
