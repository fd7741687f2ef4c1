package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.cli.Cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.familyengagement.internal.Printable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --config} and {@code audit --config} over sources whose ids no record may hold:
 * exit 2, every problem with its place, no stack trace, no raw control character printed.
 */
class ImportHostileIdsTest {
    static final String STUDENTS = Path.of("../examples/data/ed-fi/Student.xml").toAbsolutePath().toString();
    static final String CONTACTS = Path.of("../examples/data/ed-fi/Contact.xml").toAbsolutePath().toString();

    @Test
    void importListsEveryHostileIdOfALogAtItsCell(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "Log ID,When,Student ID\n"
                + "ok-1,2021-11-01T10:00:00Z,604821\n"
                + "a\u001B[31mb,2021-11-01T10:00:00Z,604821\n"
                + "a\u0000b,2021-11-01T10:00:00Z,604821\n"
                + "a\u202Eb,2021-11-01T10:00:00Z,604821\n"
                + "\u00A0,2021-11-01T10:00:00Z,604821\n"
                + "x".repeat(257) + ",2021-11-01T10:00:00Z,604821\n"
                + "ok-2,2021-11-01T10:00:00Z,60\u20674821\n"
                + "\"a\nb\",2021-11-01T10:00:00Z,604821\n", StandardCharsets.UTF_8);
        Path config = config(dir, STUDENTS);
        Path out = dir.resolve("out.json");

        Cli.Result result = run("import", "--config", config.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).isEqualTo("error: the import in " + config + " is invalid (7 problems)\n"
                + log + ":3:1: id \"a?[31mb\" must not contain U+001B (a control character)\n"
                + log + ":4:1: id \"a?b\" must not contain U+0000 (a control character)\n"
                + log + ":5:1: id \"a?b\" must not contain U+202E (a bidirectional control)\n"
                + log + ":6:1: id must not be blank\n"
                + log + ":7:1: id \"" + "x".repeat(32) + "…\" must be at most 256 characters, not 257\n"
                + log + ":8:3: studentId \"60?4821\" must not contain U+2067 (a bidirectional control)\n"
                + log + ":9:1: id (3 characters, not shown) must not contain U+000A (a control character)\n");
        assertThat(result.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertPrintable(result);
    }

    @Test
    void auditFromAConfigurationListsEveryHostileIdOfAnInterchangeAtItsElement(@TempDir Path dir) throws IOException {
        Path students = Files.writeString(dir.resolve("Student.xml"), "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<Student><StudentUniqueId>s-1</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>s&#x202E;2</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>s&#13;3</StudentUniqueId></Student>\n"
                + "<Student><StudentUniqueId>&#xA0;</StudentUniqueId></Student>\n"
                + "</InterchangeStudent>\n");
        Files.writeString(dir.resolve("log.csv"), "Log ID,When,Student ID\n", StandardCharsets.UTF_8);
        Path config = config(dir, students.toString());

        Cli.Result result = run("audit", "--config", config.toString(), "--as-of", "2021-11-19T23:00:00Z");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EngagementCli.INVALID_INPUT);
        String at = students + ":%d:27 /InterchangeStudent/Student[%d]/StudentUniqueId[1]: StudentUniqueId ";
        assertThat(result.err()).isEqualTo("error: the import in " + config + " is invalid (3 problems)\n"
                + at.formatted(3, 2) + "\"s?2\" must not contain U+202E (a bidirectional control)\n"
                + at.formatted(4, 3) + "(3 characters, not shown) must not contain U+000D (a control character)\n"
                + at.formatted(5, 4) + "must not be blank\n");
        assertThat(result.out()).isEmpty();
        assertPrintable(result);
    }

    @Test
    void aCharacterReferenceXmlRefusesIsMalformedXmlAtItsPlace(@TempDir Path dir) throws IOException {
        Path students = Files.writeString(dir.resolve("Student.xml"), "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<Student><StudentUniqueId>s&#27;1</StudentUniqueId></Student>\n"
                + "</InterchangeStudent>\n");
        Files.writeString(dir.resolve("log.csv"), "Log ID,When,Student ID\n", StandardCharsets.UTF_8);
        Path config = config(dir, students.toString());

        Cli.Result result = run("import", "--config", config.toString(), "--out", dir.resolve("out.json").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).startsWith("error: the import in " + config + " is invalid (1 problem)\n"
                + students + ":2:").contains(": malformed XML: ");
        assertPrintable(result);
    }

    private static Path config(Path dir, String students) throws IOException {
        return Files.writeString(dir.resolve("import.yaml"), "district: {id: gb, timeZone: America/Chicago}\n"
                + "edFi:\n"
                + "  students: " + students + "\n"
                + "  contacts: " + CONTACTS + "\n"
                + "contactLogs:\n"
                + "  - file: log.csv\n"
                + "    mapping:\n"
                + "      fields:\n"
                + "        id: Log ID\n"
                + "        at: When\n"
                + "        direction: {value: OUTBOUND}\n"
                + "        channel: {value: PHONE}\n"
                + "        studentId: Student ID\n");
    }

    /** No stack trace, and nothing printed that would not print as itself. */
    private static void assertPrintable(Cli.Result result) {
        String printed = result.out() + result.err();
        assertThat(printed).doesNotContain("Exception", "\tat ", "internal error");
        assertThat(printed.codePoints().filter(c -> c != '\n' && (Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE)))
                .as(printed).isEmpty();
    }
}
