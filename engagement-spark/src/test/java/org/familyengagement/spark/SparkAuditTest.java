package org.familyengagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.PolicyReader;
import org.familyengagement.model.Dataset;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job end to end, in this JVM: its options, its outputs and its errors. */
class SparkAuditTest {
    private static final String AS_OF = "2026-11-20T23:00:00Z";
    private static final Path SAMPLE = Path.of("..", "examples", "data", "sample-district.json");
    @TempDir
    static Path dir;
    private static Dataset other;
    private static Path otherRecords;

    @BeforeAll
    static void data() throws IOException {
        // A second district, in the family-records layout, with an id of its own.
        Path records = dir.resolve("d-2");
        FamilyRecords.write(SampleDistrict.generate(41, 900), records);
        Path header = records.resolve(DistrictAudit.HEADER);
        Files.writeString(header, Files.readString(header).replaceFirst("\"id\":\"d-1\"", "\"id\":\"d-2\""));
        otherRecords = records;
        other = readRecords(records);
    }

    @Test
    void severalDistrictsGiveADocumentEachAndOneTableOfEveryFinding() throws IOException {
        Path out = dir.resolve("findings");
        Path table = dir.resolve("table");
        Run run = run("--master", "local[2]", "--data", SAMPLE.toString(), "--data", otherRecords.toString(),
                "--as-of", AS_OF, "--out", out.toString(), "--table", table.toString(), "--partitions", "3");

        assertThat(run.code()).as(run.err()).isZero();
        RuleEngine engine = RuleEngine.builder().build();
        Instant asOf = Instant.parse(AS_OF);
        assertThat(Files.readString(out.resolve("d-1.json")))
                .isEqualTo(Oracle.findingsDocument(engine, DatasetReader.read(SAMPLE), asOf));
        assertThat(Files.readString(out.resolve("d-2.json"))).isEqualTo(Oracle.findingsDocument(engine, other, asOf));
        assertThat(run.out()).contains("d-1: 5220 findings", "d-2: ");

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Row> rows = spark.read().parquet(table.toString()).where("districtId = 'd-1' AND rank = 1")
                    .collectAsList();
            assertThat(rows).hasSize(1);
            long total = spark.read().parquet(table.toString()).count();
            assertThat(total).isEqualTo(5220 + engine.evaluate(other, asOf).findings().size());
        } finally {
            spark.stop();
        }
    }

    @Test
    void customRulesPoliciesAndDisabledRulesWorkAsInTheCli() throws IOException {
        Path drl = dir.resolve("district.drl");
        Files.writeString(drl, """
                package district.custom;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;

                rule "many-contacts"
                    @title("A family contacted more than 5 times")
                    @category("REACH")
                    @severity("LOW")
                when
                    $h : FamilyHistory( windowContacts.size() > 5 )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "disparity:\n  minGroupSize: 50\nresponseSchoolDays: 3\n");
        Path out = dir.resolve("custom.json");
        Path table = dir.resolve("custom-table");

        Run run = run("--master", "local[2]", "--data", SAMPLE.toString(), "--as-of", AS_OF, "--out", out.toString(),
                "--rules", drl.toString(), "--policy", policy.toString(), "--disable", "message-overload", "--lang", "es",
                "--table", table.toString(), "--table-format", "csv");

        assertThat(run.code()).as(run.err()).isZero();
        RuleEngine engine = RuleEngine.builder().addRules(drl).policy(PolicyReader.read(policy))
                .disable("message-overload").locale(java.util.Locale.forLanguageTag("es")).build();
        String expected = Oracle.findingsDocument(engine, DatasetReader.read(SAMPLE), Instant.parse(AS_OF));
        assertThat(Files.readString(out)).isEqualTo(expected).contains("\"many-contacts\"")
                .doesNotContain("\"message-overload\"");
        // The CSV table: one file, a header, a row per finding (messages may hold commas: quoted).
        List<Path> csv;
        try (var files = Files.list(table)) {
            csv = files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList();
        }
        assertThat(csv).hasSize(1);
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            var rows = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .csv(csv.get(0).toString());
            assertThat(rows.columns()).startsWith("districtId", "id", "rank", "ruleId");
            assertThat(rows.count()).isEqualTo(engine.evaluate(DatasetReader.read(SAMPLE), Instant.parse(AS_OF))
                    .findings().size());
            assertThat(rows.where("ruleId = 'many-contacts'").count()).isPositive();
        } finally {
            spark.stop();
        }
    }

    @Test
    void badOptionsAreAllListedWithExitCodeTwo() {
        Run run = run("--data", dir.resolve("missing.json").toString(), "--as-of", "yesterday", "--out",
                dir.resolve("x.json").toString(), "--partitions", "-1", "--table-format", "orc", "--time-limit", "soon");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of: \"yesterday\" is not an ISO-8601 instant", "missing.json does not exist",
                "--partitions: must be", "--table-format: parquet or csv",
                "--time-limit: \"soon\" is not a duration").doesNotContain("Exception");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void theTimeLimitIsTheCommandLinesOne() {
        // As the CLI's audit: milliseconds are a duration, more than seven days is refused.
        assertThat(run("--data", dir.resolve("missing.json").toString(), "--as-of", "2026-11-20T23:00:00Z", "--out",
                dir.resolve("x.json").toString(), "--time-limit", "500ms").err())
                .doesNotContain("--time-limit");
        assertThat(run("--data", dir.resolve("missing.json").toString(), "--as-of", "2026-11-20T23:00:00Z", "--out",
                dir.resolve("x.json").toString(), "--time-limit", "P8D").err())
                .contains("--time-limit: must be more than 0 and at most 7 days, not P8D");
    }

    @Test
    void aRuleThatComparesFamiliesIsRefusedBeforeAnySparkWork() throws IOException {
        Path drl = Files.writeString(dir.resolve("busiest.drl"), """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;
                rule "most-contacted-family" @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory( $n : contacts.size() )
                    not FamilyHistory( contacts.size() > $n )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """);
        Path out = dir.resolve("busiest.json");

        Run run = run("--data", SAMPLE.toString(), "--as-of", AS_OF, "--out", out.toString(), "--rules", drl.toString());

        // Each partition would report its own most contacted family.
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("rule \"most-contacted-family\" compares families",
                "audit this district with the CLI");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusedValuesAreEchoedWithoutTheirControlCharacters() {
        // ESC would start a terminal escape sequence, CR LF forge a line: echoed as visible escapes, as the CLI does.
        Run run = run("--data", dir.resolve("missing\u001B[2J.json").toString(), "--as-of", "2026\r\nerror: forged",
                "--out", dir.resolve("x.json").toString(), "--lang", "e\u202En", "--table-format", "orc\u0007",
                "--time-limit", "soon\u001B[31m");
        Run unknown = run("--data", SAMPLE.toString(), "--as-of", AS_OF, "--out", dir.resolve("x.json").toString(),
                "--partitions\u001B[0m", "2");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("\\u001B[2J.json", "\"2026\\u000D\\u000Aerror: forged\"", "e\\u202En",
                "orc\\u0007", "\"soon\\u001B[31m\"").doesNotContain("\u001B", "\r", "\u202E", "\u0007");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--partitions\\u001B[0m").doesNotContain("\u001B");
    }

    @Test
    void theOutputMayNotBeTheData() throws IOException {
        Path copy = dir.resolve("copy.json");
        Files.copy(SAMPLE, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] before = Files.readAllBytes(copy);

        Run run = run("--data", copy.toString(), "--as-of", AS_OF, "--out", copy.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--out: " + copy + " is the --data");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    @Test
    void badRecordsAreAllListedByLineAndNothingIsWritten() throws IOException {
        Path records = records("bad-records");
        Path jsonl = records.resolve(DistrictAudit.RECORDS_JSONL);
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        lines.set(5, lines.get(5).replaceFirst("\"staffId\":\"[^\"]+\"", "\"staffId\":\"t-999\""));
        lines.set(30, "{\"family\": {\"id\": ");
        Files.write(jsonl, lines);
        Path out = dir.resolve("bad.json");

        Run run = run("--master", "local[2]", "--data", records.toString(), "--as-of", AS_OF, "--out", out.toString(),
                "--partitions", "4");

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).containsPattern("families\\.jsonl:6: /contacts/\\d+/staffId: .*t-999")
                .contains("families.jsonl:31: not JSON").doesNotContain("Exception");
        // In line order, line 6 before line 31 (not as text, where "31" sorts before "6").
        assertThat(run.err().indexOf("families.jsonl:6:")).isLessThan(run.err().indexOf("families.jsonl:31:"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadDistrictAfterAGoodOneLeavesNothingWritten() throws IOException {
        Path records = records("bad-second");
        Path jsonl = records.resolve(DistrictAudit.RECORDS_JSONL);
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        lines.set(3, "[]");
        Files.write(jsonl, lines);
        Path header = records.resolve(DistrictAudit.HEADER);
        Files.writeString(header, Files.readString(header).replaceFirst("\"id\":\"d-1\"", "\"id\":\"d-9\""));
        Path out = dir.resolve("staged");
        Path table = dir.resolve("staged-table");

        Run run = run("--master", "local[2]", "--data", SAMPLE.toString(), "--data", records.toString(), "--as-of",
                AS_OF, "--out", out.toString(), "--table", table.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("families.jsonl:4: a family record must be a JSON object");
        // The first district's document and table rows were written, under partial names, and removed.
        try (var left = Files.list(out)) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(table).doesNotExist();
        assertThat(dir.resolve("staged-table.partial")).doesNotExist();
    }

    @Test
    void anIdGivenInTwoRecordsIsFoundAcrossPartitions() throws IOException {
        Path records = records("twice");
        Path jsonl = records.resolve(DistrictAudit.RECORDS_JSONL);
        List<String> lines = new ArrayList<>(Files.readAllLines(jsonl));
        // Each record alone is valid: only the job's check of every id sees the second copy.
        lines.set(39, lines.get(1));
        Files.write(jsonl, lines);
        Path out = dir.resolve("twice.json");

        Run run = run("--master", "local[2]", "--data", records.toString(), "--as-of", AS_OF, "--out", out.toString(),
                "--partitions", "4");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).containsPattern("families\\.jsonl:40: family \"f-\\d+\" is given 2 times; first at"
                + " .*families\\.jsonl:2").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    private static Path records(String name) throws IOException {
        Path records = dir.resolve(name);
        FamilyRecords.write(SampleDistrict.generate(7, 40), records);
        return records;
    }

    @Test
    void aHeaderWithoutItsRecordsFileIsNamed() throws IOException {
        Path records = dir.resolve("no-records");
        Files.createDirectories(records);
        Files.copy(otherRecords.resolve(DistrictAudit.HEADER), records.resolve(DistrictAudit.HEADER));

        Run run = run("--master", "local[1]", "--data", records.toString(), "--as-of", AS_OF, "--out",
                dir.resolve("none.json").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("needs one of families.jsonl or families.parquet");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkAudit.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The records layout read back as one dataset: the header with every record in it. */
    private static Dataset readRecords(Path records) throws IOException {
        List<FamilyLines.Line> lines = new ArrayList<>();
        List<String> all = Files.readAllLines(records.resolve(DistrictAudit.RECORDS_JSONL));
        for (int i = 0; i < all.size(); i++) {
            lines.add(new FamilyLines.Line(i + 1, all.get(i)));
        }
        return FamilyLines.read("", Files.readString(records.resolve(DistrictAudit.HEADER)), lines.iterator())
                .dataset();
    }
}
