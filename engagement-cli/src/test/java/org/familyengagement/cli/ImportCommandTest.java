package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.ReportReader;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --config --out} and {@code audit --config}, end to end over the shipped examples. */
class ImportCommandTest {
    static final String ED_FI = "../examples/import/ed-fi.yaml";
    static final String TEACHER_LOG = "../examples/import/teacher-contact-log.yaml";
    static final String NOTIFICATIONS = "../examples/import/notification-delivery-report.yaml";
    static final String SIS_H2 = "../examples/import/sis-h2.yaml";

    @Test
    void importsTheEdFiSampleIntoADatasetDocument(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("grand-bend.json");

        Cli.Result result = run("import", "--config", ED_FI, "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Imported 960 families (960 students, 1,872 caregivers), 0 staff, 0 contacts,"
                + " 0 commitments and 0 meetings from " + ED_FI + " into " + out + ".\n");
        // The calendar lists fewer closures than its sessions' instructional days imply: said, not hidden.
        assertThat(result.err()).contains("warning: ../examples/data/ed-fi/EducationOrgCalendar.xml:3:11 "
                + "/InterchangeEducationOrgCalendar/Session[1]: the session 2021-08-23 to 2021-12-17 of school \"255901001\""
                + " counts 81 instructional days but has 85 weekdays without a listed closure");
        Dataset written = DatasetReader.read(out);
        assertThat(written.families()).hasSize(960);
        assertThat(written.district().holidays()).hasSize(11);
    }

    /** The H2 example holds the sample district: audited from the database, it gives the JSON's findings. */
    @Test
    void auditingTheH2ExampleGivesTheFindingsOfTheSampleJson() {
        Cli.Result fromDatabase = run("audit", "--config", SIS_H2, "--as-of", "2026-11-20T23:00:00Z", "--format", "json");
        Cli.Result fromJson = run("audit", "--data", "../examples/data/sample-district.json", "--as-of",
                "2026-11-20T23:00:00Z", "--format", "json");

        assertThat(fromDatabase.exitCode()).as(fromDatabase.toString()).isZero();
        assertThat(fromDatabase.out()).containsPattern("\"ruleId\": *\"unanswered-input\"")
                .isEqualTo(fromJson.out());
    }

    @Test
    void anImportWithProblemsListsThemAllAndWritesNothing(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("log.csv"), "Log ID,When,Method,Student ID\n"
                + "1,2021-11-01T10:00:00Z,Phone,604821\n"
                + "2,2021-11-02T10:00:00Z,Emial,604821\n"
                + "3,yesterday,Phone,999999\n");
        Path config = Files.writeString(dir.resolve("import.yaml"), "district: {id: gb, timeZone: America/Chicago}\n"
                + "edFi:\n"
                + "  students: " + Path.of("../examples/data/ed-fi/Student.xml").toAbsolutePath() + "\n"
                + "  contacts: " + Path.of("../examples/data/ed-fi/Contact.xml").toAbsolutePath() + "\n"
                + "contactLogs:\n"
                + "  - file: log.csv\n"
                + "    mapping:\n"
                + "      fields:\n"
                + "        id: Log ID\n"
                + "        at: When\n"
                + "        direction: {value: OUTBOUND}\n"
                + "        channel: {column: Method, map: {Phone: PHONE, Email: EMAIL}}\n"
                + "        studentId: Student ID\n");
        Path out = dir.resolve("out.json");

        Cli.Result result = run("import", "--config", config.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).isEqualTo("error: the import in " + config + " is invalid (3 problems)\n"
                + log + ":3:3: unknown value \"Emial\"; did you mean \"Email\"?; known: Phone, Email (column \"Method\","
                + " for channel); add it to the map in " + config + ":12:18 /contactLogs/0/mapping/fields/channel\n"
                + log + ":4:2: \"yesterday\" in column \"When\" is not an ISO-8601 date-time such as"
                + " 2026-11-02T16:00:00Z or 2026-11-02 10:00:00\n"
                + log + ":4:4: no student \"999999\" in the roster\n");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void auditsStraightFromTheSources() throws IOException {
        Cli.Result result = run("audit", "--config", NOTIFICATIONS, "--as-of", "2026-11-20T23:00:00Z",
                "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        Report report = ReportReader.readString(result.out());
        assertThat(report.findings()).extracting(f -> f.ruleId()).contains("one-way-only", "preference-unrecorded");
    }

    @Test
    void auditsTheEdFiRosterWithATeacherLog() {
        Cli.Result result = run("audit", "--config", TEACHER_LOG, "--as-of", "2021-11-19T23:00:00Z", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // The question of 2021-11-15 (family f-604829) had no reply; the one of 2021-11-17 had one on 11-18.
        assertThat(result.out()).contains("\"ruleId\" : \"unanswered-input\"".replace(" : ", ": "), "\"f-604829\"");
    }

    @Test
    void dataAndConfigAreOneOrTheOther() {
        Cli.Result neither = run("audit", "--as-of", "2026-11-20T23:00:00Z");
        Cli.Result both = run("audit", "--data", AuditCommandTest.SMALL, "--config", NOTIFICATIONS);

        assertThat(neither.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(neither.err()).startsWith("error: invalid arguments (1 problem)\n"
                + "--data: required, or --config to audit from an import configuration\n");
        assertThat(both.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(both.err()).contains("--config: give --data or --config, not both\n");
    }

    @Test
    void importNeedsItsOptions() {
        Cli.Result result = run("import", "--config", "no/such.yaml", "--out", "no/such/dir/out.json");

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).contains("--config: no such file: no/such.yaml\n", "--out: cannot write no/such/dir/out.json");
    }
}
