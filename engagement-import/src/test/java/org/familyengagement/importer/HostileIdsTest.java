package org.familyengagement.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids no record may hold (control characters, bidirectional controls, lone surrogates, blank or
 * no-break-space ids, ids over 256 characters) in every kind of source: each is a located problem,
 * all of a file's are listed, and no message carries the raw character.
 */
class HostileIdsTest {
    static final String ESC = "a\u001Bb";
    static final String NUL = "a\u0000b";
    static final String CR = "a\rb";
    static final String LF = "a\nb";
    static final String RLO = "a\u202Eb";
    static final String RLI = "a\u2067b";
    static final String SURROGATE = "a\uD800b";
    static final String NBSP = "\u00A0";
    static final String LONG = "x".repeat(300);
    static final String CONTROL = "must not contain U+001B (a control character)";

    // ---- contact logs ------------------------------------------------------------------------------

    @Test
    void aContactLogsHostileIdsAreProblemsAtTheirCells(@TempDir Path dir) throws IOException {
        String csv = "When,How,Student,Id,Staff\n"
                + row("stu-1001", "ok-1", "T-1")
                + row("stu-1001", ESC, "T-1")
                + row("stu-1001", NUL, "T-1")
                + row("stu-1001", RLO, "T-1")
                + row("stu-1001", NBSP, "T-1")
                + row("stu-1001", LONG, "T-1")
                + row("stu\u001B1001", "ok-2", "T-1")
                + row("stu-1001", "ok-3", RLI)
                + row("stu-1001", "", "T-1")
                + row("stu-1001", "\"" + LF + "\"", "T-1")
                + row("stu-1001", "\"" + CR + "\"", "T-1");
        Path config = logConfig(dir, csv.getBytes(StandardCharsets.UTF_8), "staffFromLogs: true\n");
        Path log = dir.resolve("log.csv");

        List<Problem> problems = problems(config);

        assertThat(problems).extracting(Object::toString).containsExactly(
                log + ":3:4: id \"a?b\" " + CONTROL,
                log + ":4:4: id \"a?b\" must not contain U+0000 (a control character)",
                log + ":5:4: id \"a?b\" must not contain U+202E (a bidirectional control)",
                log + ":6:4: id must not be blank",
                log + ":7:4: id \"" + "x".repeat(32) + "…\" must be at most 256 characters, not 300",
                log + ":8:3: studentId \"stu?1001\" " + CONTROL,
                log + ":9:5: staffId \"a?b\" must not contain U+2067 (a bidirectional control)",
                log + ":10:4: empty id in column \"Id\"",
                log + ":11:4: id (3 characters, not shown) must not contain U+000A (a control character)",
                log + ":13:4: id (3 characters, not shown) must not contain U+000D (a control character)");
        assertPrintable(problems);
    }

    @Test
    void aLoneSurrogateInAContactLogIsNotUtf8(@TempDir Path dir) throws IOException {
        // UTF-8 cannot carry a lone surrogate: its three bytes (ED A0 80) are refused as undecodable.
        byte[] head = "When,How,Student,Id,Staff\n2026-11-02T10:00:00Z,Text,stu-1001,a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b,T-1\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        csv[head.length] = (byte) 0xED;
        csv[head.length + 1] = (byte) 0xA0;
        csv[head.length + 2] = (byte) 0x80;
        System.arraycopy(tail, 0, csv, head.length + 3, tail.length);
        Path config = logConfig(dir, csv, "");

        assertThat(problems(config)).extracting(Object::toString).singleElement().asString()
                .startsWith(dir.resolve("log.csv") + ":2:").contains("the file is not UTF-8 text: byte 0xED");
    }

    @Test
    void aLogsNameMakesIdsSoItIsCheckedAsOne(@TempDir Path dir) throws IOException {
        Path config = logConfig(dir, "When,How,Student,Id,Staff\n".getBytes(StandardCharsets.UTF_8), "");
        Files.writeString(config, Files.readString(config).replace("  - file: log.csv", "  - name: \"n\\e1\"\n    file: log.csv"));

        assertThat(problems(config)).extracting(Object::toString).containsExactly(
                config + ":4:11 /contactLogs/0/name: a log's name makes contact ids: " + CONTROL);
    }

    @Test
    void aFloodOfHostileIdsKeepsTheFirstThousandAndCountsTheRest(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("When,How,Student,Id,Staff\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append(row("stu-1001", "k\u001B" + i, "T-1"));
        }
        Path config = logConfig(dir, csv.toString().getBytes(StandardCharsets.UTF_8), "");

        List<Problem> problems = problems(config);

        assertThat(problems).hasSize(InvalidInputException.MAX_PROBLEMS + 1);
        assertThat(problems.get(0)).hasToString(dir.resolve("log.csv") + ":2:4: id \"k?0\" " + CONTROL);
        assertThat(problems.get(999)).hasToString(dir.resolve("log.csv") + ":1001:4: id \"k?999\" " + CONTROL);
        assertThat(problems.get(1000)).isEqualTo(Problem.notListed(200));
        assertPrintable(problems);
    }

    @Test
    void idsTheMappingGivesAreCheckedWithItsOtherValues(@TempDir Path dir) throws IOException {
        Path config = logConfig(dir, "When,How,Student,Id,Staff\n".getBytes(StandardCharsets.UTF_8), "");
        Files.writeString(config, Files.readString(config)
                .replace("studentId: Student", "studentId: {column: Student, map: {x: \"s\\e1\"}}")
                .replace("staffId: Staff", "staffId: {value: \"t\\u202E1\"}"));

        assertThat(problems(config)).extracting(Object::toString).containsExactly(
                config + ":11:47 /contactLogs/0/mapping/fields/studentId/map/x: studentId \"s?1\" " + CONTROL,
                config + ":12:26 /contactLogs/0/mapping/fields/staffId/value: staffId \"t?1\" must not contain U+202E (a"
                        + " bidirectional control)");
    }

    private static String row(String student, String id, String staff) {
        return "2026-11-02T10:00:00Z,Text," + student + "," + id + "," + staff + "\n";
    }

    private static Path logConfig(Path dir, byte[] csv, String extra) throws IOException {
        Files.write(dir.resolve("log.csv"), csv);
        return Examples.write(dir, "import.yaml", "district: {id: d, timeZone: America/Chicago}\n"
                + "oneRoster: {file: " + Examples.DATA.resolve("oneroster/maple-grove.zip").toAbsolutePath() + "}\n"
                + "contactLogs:\n  - file: log.csv\n    mapping:\n      fields:\n"
                + "        id: Id\n        at: When\n        direction: {value: OUTBOUND}\n"
                + "        channel: {column: How, map: {Text: SMS}}\n        studentId: Student\n        staffId: Staff\n"
                + extra);
    }

    // ---- OneRoster ---------------------------------------------------------------------------------

    @Test
    void oneRosterHostileSourcedIdsAreProblemsAtTheirCells(@TempDir Path dir) throws IOException {
        Path bulk = Files.createDirectories(dir.resolve("bulk"));
        Examples.write(bulk, "manifest.csv", "propertyName,value\noneroster.version,1.1\n");
        Examples.write(bulk, "orgs.csv", "sourcedId,type,name\nsch-1,school,One\n" + ESC + ",school,Two\n"
                + RLO + ",school,Three\n");
        Examples.write(bulk, "users.csv", "sourcedId,role,agentSourcedIds,orgSourcedIds\n"
                + "stu-1,student,par-1,sch-1\n"
                + "par-1,parent,,\n"
                + ESC + ",student,,\n"
                + NUL + ",parent,,\n"
                + "\"" + CR + "\",student,,\n"
                + NBSP + ",student,,\n"
                + LONG + ",teacher,,\n"
                + "stu-2,student,\"par-1," + RLI + "\",\n");
        Examples.write(bulk, "demographics.csv", "sourcedId,hispanicOrLatinoEthnicity\nstu-1," + RLO + "\n");
        Path config = Examples.write(dir, "import.yaml", "district: {id: d, timeZone: America/Chicago}\n"
                + "oneRoster: {file: bulk, groups: {ethnicity: {column: hispanicOrLatinoEthnicity}}}\n");
        String orgs = bulk.resolve("orgs.csv").toString();
        String users = bulk.resolve("users.csv").toString();

        List<Problem> problems = problems(config);

        assertThat(problems).extracting(Object::toString).containsExactly(
                orgs + ":3:1: sourcedId \"a?b\" " + CONTROL,
                orgs + ":4:1: sourcedId \"a?b\" must not contain U+202E (a bidirectional control)",
                users + ":4:1: sourcedId \"a?b\" " + CONTROL,
                users + ":5:1: sourcedId \"a?b\" must not contain U+0000 (a control character)",
                users + ":6:1: sourcedId (3 characters, not shown) must not contain U+000D (a control character)",
                // Commons CSV counts the CR in the quoted cell as a line end.
                users + ":8:1: sourcedId must not be blank",
                users + ":9:1: sourcedId \"" + "x".repeat(32) + "…\" must be at most 256 characters, not 300",
                users + ":10:3: agentSourcedIds \"a?b\" must not contain U+2067 (a bidirectional control)",
                bulk.resolve("demographics.csv") + ":2:2: group label \"a?b\" must not contain U+202E (a bidirectional"
                        + " control)");
        assertPrintable(problems);
    }

    // ---- Ed-Fi -------------------------------------------------------------------------------------

    @Test
    void edFiHostileUniqueIdsAreProblemsAtTheirElements(@TempDir Path dir) throws IOException {
        Path students = Examples.write(dir, "Student.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<Student><StudentUniqueId>s-1</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>a&#x202E;b</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>a&#13;b</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>a&#10;b</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>&#xA0;</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>" + LONG + "</StudentUniqueId></Student>\n"
                + "</InterchangeStudent>\n");
        Path contacts = Examples.write(dir, "Contact.xml", "<InterchangeContact xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<Contact><ContactUniqueId>c-1</ContactUniqueId></Contact>\n"
                + "<Contact><ContactUniqueId>c&#x2067;2</ContactUniqueId></Contact>\n"
                + "<StudentContactAssociation><StudentReference><StudentIdentity><StudentUniqueId>s&#x202E;1"
                + "</StudentUniqueId></StudentIdentity></StudentReference><ContactReference><ContactIdentity>"
                + "<ContactUniqueId>c-1</ContactUniqueId></ContactIdentity></ContactReference>"
                + "</StudentContactAssociation>\n"
                + "</InterchangeContact>\n");
        Path calendar = Examples.write(dir, "Calendar.xml", "<InterchangeEducationOrgCalendar"
                + " xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<Session><SchoolReference><SchoolIdentity><SchoolId>sch&#x202E;1</SchoolId></SchoolIdentity>"
                + "</SchoolReference><BeginDate>2021-08-23</BeginDate><EndDate>2021-12-17</EndDate></Session>\n"
                + "</InterchangeEducationOrgCalendar>\n");
        Path config = Examples.write(dir, "import.yaml", """
                district: {id: d, timeZone: America/Chicago}
                edFi: {students: Student.xml, contacts: Contact.xml, calendar: Calendar.xml}
                """);

        List<Problem> problems = problems(config);

        assertThat(problems).extracting(Object::toString).containsExactly(
                calendar + ":2:53 /InterchangeEducationOrgCalendar/Session[1]/SchoolReference[1]/SchoolIdentity[1]"
                        + "/SchoolId[1]: SchoolId \"sch?1\" must not contain U+202E (a bidirectional control)",
                students + ":3:27 /InterchangeStudent/Student[2]/StudentUniqueId[1]: StudentUniqueId \"a?b\" must not"
                        + " contain U+202E (a bidirectional control)",
                students + ":4:27 /InterchangeStudent/Student[3]/StudentUniqueId[1]: StudentUniqueId (3 characters, not"
                        + " shown) must not contain U+000D (a control character)",
                students + ":5:27 /InterchangeStudent/Student[4]/StudentUniqueId[1]: StudentUniqueId (3 characters, not"
                        + " shown) must not contain U+000A (a control character)",
                students + ":6:27 /InterchangeStudent/Student[5]/StudentUniqueId[1]: StudentUniqueId must not be blank",
                students + ":7:27 /InterchangeStudent/Student[6]/StudentUniqueId[1]: StudentUniqueId \""
                        + "x".repeat(32) + "…\" must be at most 256 characters, not 300",
                contacts + ":3:27 /InterchangeContact/Contact[2]/ContactUniqueId[1]: ContactUniqueId \"c?2\" must not"
                        + " contain U+2067 (a bidirectional control)",
                contacts + ":4:80 /InterchangeContact/StudentContactAssociation[1]/StudentReference[1]"
                        + "/StudentIdentity[1]/StudentUniqueId[1]: StudentUniqueId \"s?1\" must not contain U+202E (a"
                        + " bidirectional control)");
        assertPrintable(problems);
    }

    @Test
    void anIdThePrefixMakesTooLongForAFamilyIsPlacedAtItsStudent(@TempDir Path dir) throws IOException {
        String longest = "s".repeat(255);
        Path students = Examples.write(dir, "Student.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<Student><StudentUniqueId>s-1</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>" + longest + "</StudentUniqueId></Student>\n"
                + "</InterchangeStudent>\n");
        Examples.write(dir, "Contact.xml", "<InterchangeContact xmlns=\"http://ed-fi.org/5.2.0\"/>");
        Path bulk = Files.createDirectories(dir.resolve("bulk"));
        Examples.write(bulk, "manifest.csv", "propertyName,value\noneroster.version,1.1\n");
        Examples.write(bulk, "orgs.csv", "sourcedId,type\n");
        Examples.write(bulk, "users.csv", "sourcedId,role\nstu-1,student\n" + longest + ",student\n");
        Path edFi = Examples.write(dir, "ed-fi.yaml",
                "district: {id: d, timeZone: America/Chicago}\nedFi: {students: Student.xml, contacts: Contact.xml}\n");
        Path oneRoster = Examples.write(dir, "oneroster.yaml",
                "district: {id: d, timeZone: America/Chicago}\noneRoster: {file: bulk}\n");
        String tooLong = " \"f-" + "s".repeat(30) + "…\" must be at most 256 characters, not 257";

        assertThat(problems(edFi)).extracting(Object::toString).containsExactly(students
                + ":3:27 /InterchangeStudent/Student[2]/StudentUniqueId[1]: family id (familyIdPrefix + StudentUniqueId)"
                + tooLong);
        assertThat(problems(oneRoster)).extracting(Object::toString).containsExactly(bulk.resolve("users.csv")
                + ":3:1: family id (familyIdPrefix + sourcedId)" + tooLong);
        // Without the prefix, the same id makes a family.
        Files.writeString(oneRoster, Files.readString(oneRoster).replace("file: bulk", "file: bulk, familyIdPrefix: \"\""));
        assertThat(Importer.run(oneRoster).dataset().family(longest)).isPresent();
    }

    @Test
    void characterReferencesXmlRefusesAreMalformedXmlAtTheirPlace(@TempDir Path dir) throws IOException {
        Examples.write(dir, "Contact.xml", "<InterchangeContact xmlns=\"http://ed-fi.org/5.2.0\"/>");
        Path config = Examples.write(dir, "import.yaml",
                "district: {id: d, timeZone: America/Chicago}\nedFi: {students: Student.xml, contacts: Contact.xml}\n");
        for (String reference : List.of("&#27;", "&#0;", "&#xD800;", "\u001B")) {
            Path students = Examples.write(dir, "Student.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                    + "<Student><StudentUniqueId>s-1</StudentUniqueId></Student>\n"
                    + "<Student><StudentUniqueId>a" + reference + "b</StudentUniqueId></Student>\n"
                    + "</InterchangeStudent>\n");

            List<Problem> problems = problems(config);

            assertThat(problems).as(reference).extracting(Object::toString).singleElement().asString()
                    .startsWith(students + ":3:").contains(": malformed XML: ");
            assertPrintable(problems);
        }
    }

    // ---- JDBC --------------------------------------------------------------------------------------

    @Test
    void databaseHostileIdsAreProblemsAtTheirQueryAndRow(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:mem:hostile;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE households (position INT, id VARCHAR(1000))");
                statement.execute("CREATE TABLE students (position INT, id VARCHAR(1000), household_id VARCHAR(1000))");
                statement.execute("CREATE TABLE household_groups (household_id VARCHAR(1000), dimension VARCHAR(1000),"
                        + " label VARCHAR(1000))");
                statement.execute("CREATE TABLE contact_log (position INT, id VARCHAR(1000), household_id"
                        + " VARCHAR(1000), staff_id VARCHAR(1000), reply_to VARCHAR(1000))");
            }
            insert(connection, "INSERT INTO households VALUES (?, ?)", List.of(
                    List.of(1, "h-1"), List.of(2, ESC), List.of(3, NUL), List.of(4, SURROGATE), List.of(5, NBSP),
                    List.of(6, LONG), List.of(7, CR)));
            insert(connection, "INSERT INTO students VALUES (?, ?, ?)", List.of(
                    List.of(1, "s-1", "h-1"), List.of(2, RLO, "h-1")));
            insert(connection, "INSERT INTO household_groups VALUES (?, ?, ?)", List.of(
                    List.of("h-1", "ethnicity", RLI)));
            insert(connection, "INSERT INTO contact_log VALUES (?, ?, ?, ?, ?)", List.of(
                    List.of(1, "k-1", "h-1", "", ""), List.of(2, "k-2", "h-1", ESC, ""),
                    List.of(3, "k-3", "h-1", "", SURROGATE)));
            Path config = Examples.write(dir, "import.yaml", """
                    district: {id: d, timeZone: America/Chicago}
                    staffFromLogs: true
                    database:
                      url: "%s"
                      user: sa
                      password: ""
                      queries:
                        families: SELECT id FROM households ORDER BY position
                        students: SELECT id, household_id AS familyId FROM students ORDER BY position
                        groups: SELECT household_id AS familyId, dimension, label FROM household_groups
                        contacts: >
                          SELECT id, household_id AS familyId, staff_id AS staffId, reply_to AS replyTo,
                                 TIMESTAMP WITH TIME ZONE '2026-11-02 10:00:00Z' AS "at", 'OUTBOUND' AS direction,
                                 'SMS' AS channel
                          FROM contact_log ORDER BY position
                    """.formatted(url));

            List<Problem> problems = problems(config);

            assertThat(problems).extracting(Object::toString).containsExactly(
                    "database.families:2:id: id \"a?b\" " + CONTROL,
                    "database.families:3:id: id \"a?b\" must not contain U+0000 (a control character)",
                    "database.families:4:id: id \"a?b\" must not contain U+D800 (half of a surrogate pair)",
                    "database.families:5:id: id must not be blank",
                    "database.families:6:id: id \"" + "x".repeat(32) + "…\" must be at most 256 characters, not 300",
                    "database.families:7:id: id (3 characters, not shown) must not contain U+000D (a control character)",
                    "database.students:2:id: id \"a?b\" must not contain U+202E (a bidirectional control)",
                    "database.groups:1:label: label \"a?b\" must not contain U+2067 (a bidirectional control)");
            assertPrintable(problems);

            // The roster must be clean before contacts are read: then each of their ids is checked too.
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM households WHERE position > 1");
                statement.execute("DELETE FROM students WHERE position > 1");
                statement.execute("DELETE FROM household_groups");
            }
            List<Problem> contacts = problems(config);
            assertThat(contacts).extracting(Object::toString).containsExactly(
                    "database.contacts:2:staffId: staffId \"a?b\" " + CONTROL,
                    "database.contacts:3:replyTo: replyTo \"a?b\" must not contain U+D800 (half of a surrogate pair)");
            assertPrintable(contacts);

            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM contact_log WHERE position > 1");
            }
            assertThat(Importer.run(config).dataset().contacts()).extracting(c -> c.id()).containsExactly("k-1");
        } finally {
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }
        }
    }

    private static void insert(Connection connection, String sql, List<List<Object>> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    statement.setObject(i + 1, "".equals(value) ? null : value);
                }
                statement.executeUpdate();
            }
        }
    }

    // ---- the configuration -------------------------------------------------------------------------

    @Test
    void idsTheConfigurationGivesAreCheckedWithItsOtherValues(@TempDir Path dir) throws IOException {
        Examples.write(dir, "Student.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\"/>");
        Examples.write(dir, "Contact.xml", "<InterchangeContact xmlns=\"http://ed-fi.org/5.2.0\"/>");
        Path config = Examples.write(dir, "import.yaml", """
                district: {id: "d\\e", timeZone: America/Chicago}
                edFi: {students: Student.xml, contacts: Contact.xml, familyIdPrefix: "f\\u202E", homeLanguageGroup: "\\r"}
                """);

        List<Problem> problems = problems(config);

        assertThat(problems).extracting(Object::toString).containsExactly(
                config + ":2:70 /edFi/familyIdPrefix: familyIdPrefix \"f?\" must not contain U+202E (a bidirectional"
                        + " control)",
                config + ":2:100 /edFi/homeLanguageGroup: homeLanguageGroup must not be blank",
                config + ":1:16 /district/id: id \"d?\" " + CONTROL);
        assertPrintable(problems);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static List<Problem> problems(Path config) {
        InvalidImportException error = catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config));
        assertThat(error).as("an InvalidImportException").isNotNull();
        return error.problems();
    }

    /** No message or location carries a character that would not print as itself. */
    static void assertPrintable(List<Problem> problems) {
        assertThat(problems).isNotEmpty().hasSizeLessThanOrEqualTo(InvalidInputException.MAX_PROBLEMS + 1);
        for (Problem problem : problems) {
            String text = problem.toString();
            assertThat(text.codePoints().filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE)).as(text).isEmpty();
        }
    }
}
