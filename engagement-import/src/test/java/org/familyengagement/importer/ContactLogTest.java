package org.familyengagement.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two contact-log shapes, the OneRoster roster they join, and every kind of bad input. */
class ContactLogTest {
    @Test
    void theNotificationReportBecomesBroadcastDeliveries() throws IOException {
        ImportResult result = Examples.run(Examples.NOTIFICATIONS);
        Dataset dataset = result.dataset();

        assertThat(dataset.families()).hasSize(8);
        assertThat(dataset.contacts()).hasSize(40);
        assertThat(result.counts()).containsEntry(
                "../examples/data/contact-logs/notification-delivery-report.csv rows skipped by the mapping", 1);
        Contact first = dataset.contact("MSG-7001-par-2001-Text").orElseThrow();
        assertThat(first.familyId()).isEqualTo("f-stu-1001");
        assertThat(first.caregiverId()).isEqualTo("par-2001");
        assertThat(first.broadcastId()).isEqualTo("MSG-7001");
        assertThat(first.mode()).isEqualTo(Mode.BROADCAST);
        assertThat(first.channel()).isEqualTo(Channel.SMS);
        assertThat(first.language()).isEqualTo("es");
        assertThat(first.topic()).isEqualTo(Topic.EVENT);
        // 11/02/2026 04:15 PM in Chicago (CST since 11-01) is 22:15 UTC.
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-02T22:15:00Z"));
        assertThat(dataset.contact("MSG-7004-par-2008-Text").orElseThrow().delivery()).isEqualTo(Delivery.BLOCKED);
        assertThat(dataset.contact("MSG-7004-par-2008-Text").orElseThrow().delivered()).isFalse();
        String json = Examples.json(dataset);
        assertThat(json).doesNotContain("Lucia", "Reyes", "example.net", "555-01", "(555)");
    }

    @Test
    void theTeacherLogBecomesPersonalContacts() {
        Dataset dataset = Examples.run(Examples.TEACHER_LOG).dataset();

        assertThat(dataset.contacts()).hasSize(21);
        Contact question = dataset.contact("CL-5007").orElseThrow();
        assertThat(question.direction()).isEqualTo(Direction.INBOUND);
        assertThat(question.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(question.awaitsReply()).isTrue();
        assertThat(question.interpretation()).isEqualTo(Interpretation.QUALIFIED);
        assertThat(question.recorded().tone()).isFalse();
        assertThat(question.at()).isEqualTo(Instant.parse("2021-11-05T15:00:00Z"));
        Contact conference = dataset.contact("CL-5014").orElseThrow();
        assertThat(conference.interpretation()).isEqualTo(Interpretation.STUDENT);
        assertThat(conference.topic()).isEqualTo(Topic.MEETING);
        assertThat(dataset.contact("CL-5001").orElseThrow().tone()).isEqualTo(Tone.POSITIVE);
        assertThat(dataset.contact("CL-5004").orElseThrow().delivery()).isEqualTo(Delivery.UNANSWERED);
        assertThat(dataset.staff()).extracting(s -> s.id()).containsExactly("T-0412", "T-0388", "C-0101", "T-0501");
        assertThat(Examples.json(dataset)).doesNotContain("fractions", "Mom", "tardy");
    }

    @Test
    void theZipIsTheDirectoryItWasMadeFrom(@TempDir Path dir) throws IOException {
        Dataset fromZip = Examples.run(Examples.ONEROSTER).dataset();
        Path config = Examples.write(dir, "dir.yaml", Files.readString(Examples.ONEROSTER)
                .replace("../data/oneroster/maple-grove.zip", Examples.DATA.resolve("oneroster/maple-grove").toAbsolutePath().toString()));
        Dataset fromDirectory = Importer.run(config).dataset();

        assertThat(fromZip.families()).isEqualTo(fromDirectory.families()).hasSize(8);
        assertThat(fromZip.family("f-stu-1001").orElseThrow().students()).extracting(s -> s.id())
                .containsExactly("stu-1001", "stu-1002");
        assertThat(fromZip.family("f-stu-1001").orElseThrow().groups()).containsEntry("ethnicity", "hispanic");
        assertThat(fromZip.family("f-stu-1010").orElseThrow().caregivers()).isEmpty();
        assertThat(fromZip.families()).noneMatch(f -> f.hasStudent("stu-1011"));
        assertThat(fromZip.district().schools()).extracting(s -> s.id()).containsExactly("sch-mge", "sch-mgm");
        assertThat(Examples.json(fromZip)).doesNotContain("Amaya", "amaya.reyes", "@example.net");
    }

    /** A config over the OneRoster example with one log of {@code csv} and {@code fields}. */
    static Path logConfig(Path dir, String csv, String fields, String extra) throws IOException {
        Files.write(dir.resolve("log.csv"), csv.getBytes(StandardCharsets.ISO_8859_1));
        return Examples.write(dir, "import.yaml", "district: {id: d, timeZone: America/Chicago}\n"
                + "oneRoster: {file: " + Examples.DATA.resolve("oneroster/maple-grove.zip").toAbsolutePath() + "}\n"
                + "contactLogs:\n  - file: log.csv\n    mapping:\n      fields:\n" + fields + extra);
    }

    static final String FIELDS = """
                    at: When
                    direction: {value: OUTBOUND}
                    channel: {column: How, map: {Text: SMS, Email: EMAIL}}
                    studentId: Student
            """;

    @Test
    void everyKindOfBadCsvIsPlaced(@TempDir Path dir) throws IOException {
        Path config = logConfig(dir, "When,How,Student\n2026-11-02T10:00:00Z,Txt,stu-1001\n2026-11-03T10:00:00Z,Text,\n"
                + "2026-11-04T10:00:00Z,Text,stu-9\n", FIELDS, "");
        Path log = dir.resolve("log.csv");

        InvalidImportException error = catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config));

        assertThat(error.problems()).extracting(Object::toString).containsExactly(
                log + ":2:2: unknown value \"Txt\"; did you mean \"Text\"?; known: Text, Email (column \"How\", for"
                        + " channel); add it to the map in " + config + ":9:18 /contactLogs/0/mapping/fields/channel",
                log + ":3:3: no family, student or caregiver: the row's \"Student\" are empty",
                log + ":4:3: no student \"stu-9\" in the roster");
    }

    @Test
    void unjoinableRowsCanBeCountedAndSkipped(@TempDir Path dir) throws IOException {
        Path config = logConfig(dir, "When,How,Student\n2026-11-02T10:00:00Z,Text,stu-1001\n"
                + "2026-11-04T10:00:00Z,Text,stu-9\n", FIELDS, "unjoinable: SKIP\n");

        ImportResult result = Importer.run(config);

        assertThat(result.dataset().contacts()).hasSize(1);
        assertThat(result.counts()).containsEntry("rows skipped (unjoinable)", 1);
        assertThat(result.warnings()).extracting(Object::toString)
                .containsExactly(dir.resolve("log.csv") + ":3:3: no student \"stu-9\" in the roster; row skipped");
    }

    @Test
    void aMissingColumnAWrongEncodingAMalformedFileAndAnEmptyOne(@TempDir Path dir) throws IOException {
        Path missing = logConfig(dir, "When,Method,Student\n2026-11-02T10:00:00Z,Text,stu-1001\n", FIELDS, "");
        assertThat(catchThrowableOfType(InvalidImportException.class, () -> Importer.run(missing)).problems())
                .extracting(Object::toString).containsExactly(dir.resolve("log.csv") + ":1: no column \"How\" for channel"
                        + " (mapping " + missing + ":9:18 /contactLogs/0/mapping/fields/channel); the header has:"
                        + " \"When\", \"Method\", \"Student\"");

        Path latin1 = logConfig(dir, "When,How,Student\n2026-11-02T10:00:00Z,Text,stu-1001\n2026-11-02T10:00:00Z,Text,"
                + "\u00e9l\u00e8ve\n", FIELDS, "");
        assertThat(catchThrowableOfType(InvalidImportException.class, () -> Importer.run(latin1)).problems())
                .extracting(Object::toString).containsExactly(dir.resolve("log.csv") + ":3:27: the file is not UTF-8"
                        + " text: byte 0xE9 cannot be decoded; save it as UTF-8, or set csv.encoding in the mapping to"
                        + " the encoding it was saved in (such as windows-1252)");

        Path malformed = logConfig(dir, "When,How,Student\n2026-11-02T10:00:00Z,\"Text,stu-1001\n", FIELDS, "");
        assertThat(catchThrowableOfType(InvalidImportException.class, () -> Importer.run(malformed)).problems())
                .extracting(Object::toString).singleElement().asString()
                .startsWith(dir.resolve("log.csv") + ": malformed CSV: ").contains("line");

        Path empty = logConfig(dir, "", FIELDS, "");
        assertThat(catchThrowableOfType(InvalidImportException.class, () -> Importer.run(empty)).problems())
                .extracting(Object::toString).containsExactly(dir.resolve("log.csv")
                        + ":1: the file is empty; expected a header row naming the columns");
    }

    @Test
    void theConfigurationAndTheMappingAreCheckedFirstAndAllAtOnce(@TempDir Path dir) throws IOException {
        Path config = Examples.write(dir, "import.yaml", """
                district: {id: d, timeZone: America/Chicgo}
                oneRostr: {file: x.zip}
                contactLogs:
                  - file: log.csv
                    mapping:
                      fields:
                        at: {column: When, format: "yyyy-MM-dd HH:mm"}
                        direction: {value: OUTWARD}
                        chanel: How
                """);

        InvalidImportException error = catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config));

        assertThat(error.problems()).extracting(Object::toString).containsExactly(
                config + ":2:11 /oneRostr: unknown setting \"oneRostr\"; did you mean \"oneRoster\"?; known: district,"
                        + " edFi, oneRoster, database, contactLogs, unjoinable, staffFromLogs",
                config + ":1:1: no roster: give edFi (students and contacts), oneRoster, or the database's families query",
                config + ":1:29 /district/timeZone: unknown time zone \"America/Chicgo\"; did you mean"
                        + " \"America/Chicago\"?; use an IANA zone such as America/Chicago",
                config + ":8:28 /contactLogs/0/mapping/fields/direction/value: unknown direction \"OUTWARD\"; known:"
                        + " INBOUND, OUTBOUND",
                config + ":9:17 /contactLogs/0/mapping/fields/chanel: unknown contact field \"chanel\"; did you mean"
                        + " \"channel\"?; known: id, familyId, studentId, caregiverId, staffId, schoolId, broadcastId,"
                        + " replyTo, at, direction, channel, mode, tone, topic, language, interpretation, delivery,"
                        + " delivered, awaitsReply",
                config + ":7:9 /contactLogs/0/mapping/fields: missing contact field \"channel\": every contact needs at,"
                        + " direction and channel (a column, or a constant value)",
                config + ":7:9 /contactLogs/0/mapping/fields: no familyId, studentId or caregiverId: a contact must"
                        + " name its family, or a student or caregiver of one");
    }

    @Test
    void malformedYamlIsPlaced(@TempDir Path dir) throws IOException {
        Path config = Examples.write(dir, "import.yaml", "district: {id: d, timeZone: America/Chicago\noneRoster: [\n");

        assertThat(catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config)).problems())
                .extracting(Object::toString).singleElement().asString()
                .startsWith(config + ":").contains("malformed YAML:");
    }
}
