package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions for what a probe of hostile inputs found the reader accepting. Each test names what
 * it guards against ("Was: …"); each fails on the reader as it was before.
 */
class HostileInputTest {
    private static final String ESC = "\u001B";

    static List<Problem> problemsOf(String document) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.readString(document));
        assertThat(e).as("the document should be rejected").isNotNull();
        return e.problems();
    }

    static List<Problem> problemsOf(byte[] document) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(new ByteArrayInputStream(document)));
        assertThat(e).as("the document should be rejected").isNotNull();
        return e.problems();
    }

    /**
     * A valid version 2 document naming each id once, in a {@code @name@} slot: every slot but
     * {@code slot} gets its usual value, {@code slot} gets {@code value} (as JSON string content).
     */
    static String everyId(String slot, String value) {
        String template = """
                {"schemaVersion": 2,
                 "district": {"id": "@district@", "timeZone": "UTC", "schools": [{"id": "@school@"}]},
                 "staff": [{"id": "@staff@"}],
                 "families": [{"id": "@family@", "students": [{"id": "@student@", "schoolId": "@student.schoolId@"}],
                               "caregivers": [{"id": "@caregiver@"}], "groups": {"@dimension@": "@label@"}}],
                 "contacts": [{"id": "@contact@", "familyId": "@contact.familyId@", "studentId": "@contact.studentId@",
                               "staffId": "@contact.staffId@", "caregiverId": "@contact.caregiverId@",
                               "schoolId": "@contact.schoolId@", "at": "2026-11-02T22:00:00Z",
                               "direction": "INBOUND", "channel": "SMS"},
                              {"id": "k-2", "familyId": "f-1", "at": "2026-11-03T22:00:00Z", "direction": "OUTBOUND",
                               "channel": "APP", "mode": "RECIPROCAL", "broadcastId": "@contact.broadcastId@",
                               "replyTo": "@contact.replyTo@"}],
                 "commitments": [{"id": "@commitment@", "familyId": "@commitment.familyId@",
                                  "staffId": "@commitment.staffId@", "madeAt": "2026-11-02T22:00:00Z",
                                  "dueBy": "2026-11-04T22:00:00Z", "fulfilledBy": "@commitment.fulfilledBy@"}],
                 "meetings": [{"id": "@meeting@", "familyId": "@meeting.familyId@", "studentId": "@meeting.studentId@",
                               "caregiverId": "@meeting.caregiverId@", "staffId": "@meeting.staffId@",
                               "schoolId": "@meeting.schoolId@", "kind": "IEP", "at": "2026-11-12T20:00:00Z"}]}""";
        String document = template.replace("@" + slot + "@", value);
        return document.replaceAll("@(district)@", "d-1").replaceAll("@(school|[a-z]+\\.schoolId)@", "sch-1")
                .replaceAll("@(staff|[a-z]+\\.staffId)@", "t-1").replaceAll("@(family|[a-z]+\\.familyId)@", "f-1")
                .replaceAll("@(student|[a-z]+\\.studentId)@", "s-1")
                .replaceAll("@(caregiver|[a-z]+\\.caregiverId)@", "c-1")
                .replaceAll("@(contact|contact\\.replyTo|commitment\\.fulfilledBy)@", "k-1")
                .replace("@contact.broadcastId@", "b-1").replace("@commitment@", "m-1")
                .replace("@meeting@", "mt-1").replace("@dimension@", "income").replace("@label@", "low");
    }

    @Nested
    class Ids {
        @Test
        void theEveryIdDocumentIsValid() {
            Dataset dataset = DatasetReader.readString(everyId("none", ""));

            assertThat(dataset.meeting("mt-1")).isPresent();
            assertThat(dataset.family("f-1").orElseThrow().group("income")).isEqualTo("low");
        }

        /** Was: ids with ESC, CR, LF, NUL, bidi controls accepted, and printed raw by text reports. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                district              | /district/id
                school                | /district/schools/0/id
                staff                 | /staff/0/id
                family                | /families/0/id
                student               | /families/0/students/0/id
                student.schoolId      | /families/0/students/0/schoolId
                caregiver             | /families/0/caregivers/0/id
                contact               | /contacts/0/id
                contact.familyId      | /contacts/0/familyId
                contact.studentId     | /contacts/0/studentId
                contact.staffId       | /contacts/0/staffId
                contact.caregiverId   | /contacts/0/caregiverId
                contact.schoolId      | /contacts/0/schoolId
                contact.broadcastId   | /contacts/1/broadcastId
                contact.replyTo       | /contacts/1/replyTo
                commitment            | /commitments/0/id
                commitment.familyId   | /commitments/0/familyId
                commitment.staffId    | /commitments/0/staffId
                commitment.fulfilledBy| /commitments/0/fulfilledBy
                meeting               | /meetings/0/id
                meeting.familyId      | /meetings/0/familyId
                meeting.studentId     | /meetings/0/studentId
                meeting.caregiverId   | /meetings/0/caregiverId
                meeting.staffId       | /meetings/0/staffId
                meeting.schoolId      | /meetings/0/schoolId
                """)
        void everyIdFieldRefusesAnEscapeCharacter(String slot, String pointer) {
            List<Problem> problems = problemsOf(everyId(slot, "x-\\u001B[31m"));

            assertThat(problems).contains(new Problem(pointer, "an id must not contain U+001B (a control character)"));
            assertThat(problems).allSatisfy(problem -> assertThat(problem.toString()).doesNotContain(ESC));
        }

        /** Was: group dimensions and labels were only checked for being blank. */
        @Test
        void groupDimensionsAndLabelsFollowTheRuleForIds() {
            assertThat(problemsOf(everyId("dimension", "income\\u202E"))).containsExactly(new Problem(
                    "/families/0/groups/income?", "a group dimension must not contain U+202E (a bidirectional control)"));
            assertThat(problemsOf(everyId("label", "\\u00A0"))).containsExactly(new Problem(
                    "/families/0/groups/income", "a group label must not be blank"));
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', textBlock = """
                k\\u0000-1    | must not contain U+0000 (a control character)
                k-1\\r        | must not contain U+000D (a control character)
                k-\\n1        | must not contain U+000A (a control character)
                k\\u007F1     | must not contain U+007F (a control character)
                k\\u009B1     | must not contain U+009B (a control character)
                \\u202Ek-1    | must not contain U+202E (a bidirectional control)
                k-\\u202A1    | must not contain U+202A (a bidirectional control)
                k-\\u20661    | must not contain U+2066 (a bidirectional control)
                k-\\u20691    | must not contain U+2069 (a bidirectional control)
                k\\u200E-1    | must not contain U+200E (a bidirectional control)
                k\\u200F-1    | must not contain U+200F (a bidirectional control)
                k\\u061C-1    | must not contain U+061C (a bidirectional control)
                k\\u200B-1    | must not contain U+200B (an invisible format character)
                k\\uFEFF-1    | must not contain U+FEFF (an invisible format character)
                k\\u2028-1    | must not contain U+2028 (a line separator)
                k\\uFFFF-1    | must not contain U+FFFF (a noncharacter)
                \\u00A0       | must not be blank
                \\u3000\\u2007 | must not be blank
                \\u3164       | must not be blank
                \\t           | must not be blank
                ' k-1'        | must not start or end with white space
                'k-1\\u00A0'  | must not start or end with white space
                """)
        void anIdRefusesControlsBidiFormatAndBlankLookingCharacters(String escaped, String why) {
            assertThat(problemsOf(everyId("contact", escaped)))
                    .contains(new Problem("/contacts/0/id", "an id " + why));
        }

        @Test
        void spacesInsideAnIdAndLettersOfAnyScriptAreAccepted() {
            for (String id : List.of("k 1", "família-1", "학생-7", "الطالب-3", "k-😀", "K\u00A0-\u00A01")) {
                assertThat(DatasetReader.readString(everyId("contact", id).replace("\"k-1\"", "\"" + id + "\""))
                        .contact(id)).as(id).isPresent();
            }
        }

        @Test
        void anIdIsAtMost256Characters() {
            String longest = "k" + "7".repeat(255);

            assertThat(DatasetReader.readString(everyId("contact", longest).replace("\"k-1\"", "\"" + longest + "\""))
                    .contact(longest)).isPresent();
            assertThat(problemsOf(everyId("contact", longest + "7"))).contains(new Problem("/contacts/0/id",
                    "an id must be at most 256 characters, not 257"));
            assertThat(problemsOf(everyId("contact", "😀".repeat(257)))).as("characters, not UTF-16 units")
                    .contains(new Problem("/contacts/0/id", "an id must be at most 256 characters, not 257"));
        }

        /** Was: rule ids of a policy too were only checked for being blank. */
        @Test
        void aPolicysRuleIdsFollowTheSameRule() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> PolicyReader.readString("{\"disabledRules\": [\"one-way-only\\u202E\"]}"));

            assertThat(e.problems()).containsExactly(new Problem("/disabledRules/0",
                    "an id must not contain U+202E (a bidirectional control)"));
        }

        /** Was: the model took any non-blank id, so an embedder's code could put ESC into a finding. */
        @Test
        void theModelRefusesSuchIdsToo() {
            assertThatIllegalArgumentException().isThrownBy(() -> Contact.builder("k-1", "f-1\u001B[2J",
                            Instant.parse("2026-11-02T22:00:00Z"), Direction.OUTBOUND, Channel.SMS).build())
                    .withMessage("contact familyId \"f-1?[2J\" must not contain U+001B (a control character)");
            assertThatIllegalArgumentException().isThrownBy(() -> Contact.builder("k-1", "f-1",
                            Instant.parse("2026-11-02T22:00:00Z"), Direction.OUTBOUND, Channel.SMS).replyTo("\u00A0")
                    .build()).withMessage("contact replyTo must not be blank");
            assertThatIllegalArgumentException().isThrownBy(() -> Family.builder("f-1").group("income", "low\u2066")
                    .build()).withMessage("family group label \"low?\" must not contain U+2066 (a bidirectional control)");
        }
    }

    @Nested
    class PrintingInput {
        /** Was: a bidirectional control or a lone surrogate in a quoted token was printed as it was. */
        @Test
        void problemQuoteNeverPrintsControlsBidiOrLoneSurrogates() {
            assertThat(Problem.quote("f-1\u001B[31m")).isEqualTo("\"f-1?[31m\"");
            assertThat(Problem.quote("\u202Ef-1")).isEqualTo("\"?f-1\"");
            assertThat(Problem.quote("f\u2066-1\u2069")).isEqualTo("\"f?-1?\"");
            assertThat(Problem.quote("f\u200E-1\u200F")).isEqualTo("\"f?-1?\"");
            assertThat(Problem.quote("f\uD800-1")).isEqualTo("\"f?-1\"");
            assertThat(Problem.quote("f\uDC00\uD800-1")).as("reversed halves").isEqualTo("\"f??-1\"");
            assertThat(Problem.quote("f-😀")).as("a whole pair is a character").isEqualTo("\"f-😀\"");
            assertThat(Problem.quote("f\u2028-1")).as("a line separator is white space: text").isEqualTo(
                    "(4 characters, not shown)");
        }

        /** Was: a key with ESC in it went into the pointer, and from there to a terminal. */
        @Test
        void aPointerShowsUnsafeCharactersOfAKeyAsQuestionMarks() {
            List<Problem> problems = problemsOf("{\"schemaVersion\": 2, \"district\": {\"id\": \"d-1\", \"timeZone\":"
                    + " \"UTC\"}, \"\\u001B[2J\\u202E\": 1}");

            assertThat(problems).extracting(Problem::pointer).containsExactly("/?[2J?");
            assertThat(problems.get(0).message()).startsWith("unknown field \"?[2J?\"");
        }

        /** Was: the parser's own message quoted the character it stopped at, a bidirectional control included. */
        @Test
        void aSyntaxErrorNeverPrintsTheCharacterItStoppedAtRaw() {
            List<Problem> problems = problemsOf("{\"schemaVersion\": \u202E}");

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.message()).startsWith("malformed JSON at line 1, column 19: Unexpected character ('?'");
                assertThat(problem.message()).doesNotContain("\u202E");
            });
        }
    }

    @Nested
    class InvalidText {
        private static final String LONE = "the string holds U+D800 at character 3, half of a UTF-16 surrogate pair"
                + " without the other half: not valid Unicode text";

        private String withRelationship(String escaped) {
            return everyId("none", "").replace("{\"id\": \"c-1\"}", "{\"id\": \"c-1\", \"relationship\": \"" + escaped + "\"}");
        }

        /** Was: "\ud800" read as a string holding half a surrogate pair, in every entry point. */
        @Test
        void anEscapedLoneSurrogateIsRefusedWhereverTheDocumentComesFrom() throws IOException {
            String document = withRelationship("ab\\ud800");
            Problem expected = new Problem("/families/0/caregivers/0/relationship", LONE);

            assertThat(problemsOf(document)).containsExactly(expected);
            assertThat(problemsOf(document.getBytes(StandardCharsets.UTF_8))).containsExactly(expected);
            assertThat(catchThrowableOfType(InvalidDatasetException.class,
                    () -> DatasetReader.read(new StringReader(document))).problems()).containsExactly(expected);
        }

        @Test
        void aLoneLowHalfAndReversedHalvesAreRefusedToo() {
            assertThat(problemsOf(withRelationship("ab\\udc00"))).extracting(Problem::message)
                    .containsExactly(LONE.replace("U+D800", "U+DC00"));
            assertThat(problemsOf(withRelationship("ab\\udc00\\ud800"))).extracting(Problem::message)
                    .containsExactly(LONE.replace("U+D800", "U+DC00"));
        }

        /** Was: a lone surrogate raw in a Java string (a Reader's text) was read as it was. */
        @Test
        void aRawLoneSurrogateFromAReaderIsRefused() {
            String document = withRelationship("ab\uD800");

            assertThat(catchThrowableOfType(InvalidDatasetException.class,
                    () -> DatasetReader.read(new StringReader(document))).problems())
                    .containsExactly(new Problem("/families/0/caregivers/0/relationship", LONE));
        }

        @Test
        void aWholeSurrogatePairIsText() {
            Dataset dataset = DatasetReader.readString(withRelationship("\\ud83d\\ude00 TÍA"));

            assertThat(dataset.family("f-1").orElseThrow().caregiver("c-1").relationship()).isEqualTo("😀 TÍA");
        }

        private byte[] bytesWith(String before, int[] bad, String after) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
            for (int b : bad) {
                out.write(b);
            }
            out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        /** Was: C0 AF read as "/", E0 80 AF too, and so on: Jackson's UTF-8 decoder does not check them. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                C0 AF       | bytes 0xC0 0xAF are not valid UTF-8: an overlong encoding (a character written with more bytes than it needs)
                C1 BF       | bytes 0xC1 0xBF are not valid UTF-8: an overlong encoding (a character written with more bytes than it needs)
                E0 80 AF    | bytes 0xE0 0x80 are not valid UTF-8: an overlong encoding (a character written with more bytes than it needs)
                F0 80 80 AF | bytes 0xF0 0x80 are not valid UTF-8: an overlong encoding (a character written with more bytes than it needs)
                ED A0 80    | bytes 0xED 0xA0 are not valid UTF-8: a UTF-16 surrogate, which UTF-8 never encodes
                F4 90 80 80 | bytes 0xF4 0x90 are not valid UTF-8: a code point past U+10FFFF, the last there is
                F5 80 80 80 | bytes 0xF5 0x80 are not valid UTF-8: a code point past U+10FFFF, the last there is
                """)
        void bytesThatAreNotUtf8AreRefusedWithTheirLineAndColumn(String hex, String message) {
            int[] bad = java.util.Arrays.stream(hex.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
            String document = everyId("none", "");
            int at = document.indexOf("\"c-1\"") + 3; // c-1 becomes c-<bad>1
            byte[] bytes = bytesWith(document.substring(0, at), bad, document.substring(at));
            String line = document.substring(0, at);
            int lineNumber = (int) line.chars().filter(ch -> ch == '\n').count() + 1;
            int column = at - line.lastIndexOf('\n');

            assertThat(problemsOf(bytes)).containsExactly(new Problem("/families/0/caregivers/0/id",
                    "malformed JSON at line " + lineNumber + ", column " + column + ": " + message));
        }

        /** Was: an encoded surrogate in a value Jackson skipped (an unknown field's) passed, though it refuses decoded ones. */
        @Test
        void badBytesInAValueThatIsSkippedAreRefusedToo() {
            byte[] bytes = bytesWith("{\"schemaVersion\": 2, \"district\": {\"id\": \"d-1\", \"timeZone\": \"UTC\"},"
                    + " \"notes\": \"x", new int[] {0xED, 0xA0, 0x80}, "\"}");

            assertThat(problemsOf(bytes)).containsExactly(
                    new Problem("/notes", "unknown field \"notes\"; known fields: schemaVersion, district, staff,"
                            + " families, contacts, commitments, meetings"),
                    new Problem("/notes", "malformed JSON at line 1, column 79: bytes 0xED 0xA0 are not valid UTF-8: a"
                            + " UTF-16 surrogate, which UTF-8 never encodes"));
        }

        @Test
        void badBytesAreFoundWhereverAReadEndsAndValidOnesWhereverTheyAre() throws IOException {
            byte[] valid = everyId("none", "").replace("\"c-1\"}", "\"c-1\", \"relationship\": \"Tía 学 😀\"}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] bad = bytesWith(new String(valid, StandardCharsets.UTF_8).replace("Tía 学 😀", ""),
                    new int[0], "");
            int at = new String(bad, StandardCharsets.UTF_8).indexOf("\"relationship\": \"") + 17;
            byte[] overlong = bytesWith(new String(bad, 0, at, StandardCharsets.UTF_8), new int[] {0xE0, 0x80, 0xAF},
                    new String(bad, at, bad.length - at, StandardCharsets.UTF_8));

            for (int chunk : new int[] {1, 2, 3, 7, 8000}) {
                assertThat(DatasetReader.read(trickle(valid, chunk)).family("f-1").orElseThrow().caregiver("c-1")
                        .relationship()).as("%d bytes a read", chunk).isEqualTo("Tía 学 😀");
                assertThat(catchThrowableOfType(InvalidDatasetException.class,
                        () -> DatasetReader.read(trickle(overlong, chunk))).problems())
                        .as("%d bytes a read", chunk).extracting(Problem::pointer)
                        .containsExactly("/families/0/caregivers/0/relationship");
            }
        }

        /** A stream that hands over at most {@code chunk} bytes a read. */
        private InputStream trickle(byte[] bytes, int chunk) {
            return new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] buffer, int offset, int length) {
                    return super.read(buffer, offset, Math.min(length, chunk));
                }
            };
        }

        @Test
        void aBadLeadByteRightAtTheStartIsFoundBeforeJacksonReadsAnything() {
            assertThat(problemsOf(new byte[] {(byte) 0xC0, (byte) 0xBB, '{', '}'})).containsExactly(new Problem("",
                    "malformed JSON at line 1, column 1: bytes 0xC0 0xBB are not valid UTF-8: an overlong encoding (a"
                            + " character written with more bytes than it needs)"));
        }

        @Test
        void utf16WithAByteOrderMarkIsStillRead() {
            byte[] utf16 = ("\uFEFF" + everyId("none", "")).getBytes(StandardCharsets.UTF_16BE);

            assertThat(catchThrowableOfType(InvalidDatasetException.class,
                    () -> DatasetReader.read(new ByteArrayInputStream(utf16)))).isNull();
        }
    }

    @Nested
    class FarOffTimes {
        private String withContactAt(String at) {
            return everyId("none", "").replace("\"2026-11-03T22:00:00Z\"", "\"" + at + "\"");
        }

        /** Was: year 999999999 and the like were read, then broke date arithmetic later. */
        @ParameterizedTest
        @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
                "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31T23:00:00-06:00",
                "1900-01-01T00:30:00+01:00"})
        void anInstantOutsideTheYears1900To9999IsRefused(String at) {
            assertThat(problemsOf(withContactAt(at))).containsExactly(new Problem("/contacts/1/at",
                    "\"" + at + "\" is outside the years 1900 to 9999 (UTC) that an instant may fall in"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1900-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T17:59:59-06:00"})
        void theEdgesOfTheRangeAreAccepted(String at) {
            // The reply is dated after its question (2026-11-02) only when it is the later edge.
            String document = withContactAt(at);
            if (at.startsWith("1900")) {
                document = document.replace("\"replyTo\": \"k-1\"", "\"replyTo\": null")
                        .replace("\"fulfilledBy\": \"k-1\"", "\"fulfilledBy\": null");
            }

            assertThat(DatasetReader.readString(document).contact("k-2").orElseThrow().at())
                    .isEqualTo(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(at)));
        }

        @Test
        void everyInstantOfAMeetingIsBoundedToo() {
            String document = everyId("none", "").replace("\"kind\": \"IEP\"", "\"kind\": \"IEP\", \"offeredTimes\":"
                    + " [\"1066-10-14T09:00:00Z\"], \"noticeSentAt\": \"+20000-01-01T00:00:00Z\"");

            assertThat(problemsOf(document)).extracting(Problem::pointer)
                    .containsExactly("/meetings/0/noticeSentAt", "/meetings/0/offeredTimes/0");
        }

        /** Was: holidays and a school year start in any year java.time can hold. */
        @Test
        void datesOutsideTheYears1900To9999AreRefused() {
            String document = everyId("none", "").replace("\"timeZone\": \"UTC\"", "\"timeZone\": \"UTC\","
                    + " \"holidays\": [\"2026-11-26\", \"+10000-01-01\", \"1899-12-31\"], \"schoolYearStart\": \"0001-08-17\"");

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/district/holidays/1",
                            "\"+10000-01-01\" is outside the years 1900 to 9999 that a date may fall in"),
                    new Problem("/district/holidays/2",
                            "\"1899-12-31\" is outside the years 1900 to 9999 that a date may fall in"),
                    new Problem("/district/schoolYearStart",
                            "\"0001-08-17\" is outside the years 1900 to 9999 that a date may fall in"));
        }
    }

    @Nested
    class RepliesAndPromisesInTime {
        /** The every-id document with its question k-1, its reply k-2 and the commitment m-1 kept by k-1 dated anew. */
        private String document(String questionAt, String replyAt, String madeAt) {
            return everyId("none", "").replace("\"at\": \"2026-11-02T22:00:00Z\"", "\"at\": \"" + questionAt + "\"")
                    .replace("\"2026-11-03T22:00:00Z\"", "\"" + replyAt + "\"")
                    .replace("\"madeAt\": \"2026-11-02T22:00:00Z\"", "\"madeAt\": \"" + madeAt + "\"");
        }

        /** Was: a reply dated before the question it answers was accepted. */
        @Test
        void aReplyDatedBeforeItsQuestion() {
            assertThat(problemsOf(document("2026-11-04T10:00:00Z", "2026-11-03T22:00:00Z", "2026-11-02T22:00:00Z")))
                    .containsExactly(new Problem("/contacts/1/replyTo", "contact \"k-1\" is dated"
                            + " 2026-11-04T10:00:00Z, after this reply (2026-11-03T22:00:00Z); a reply cannot come"
                            + " before the contact it answers"));
        }

        @Test
        void aReplyAtTheSameInstantAsItsQuestionIsAccepted() {
            Dataset dataset = DatasetReader.readString(document("2026-11-03T22:00:00Z", "2026-11-03T22:00:00Z",
                    "2026-11-02T22:00:00Z"));

            assertThat(dataset.contact("k-2").orElseThrow().replyTo()).isEqualTo("k-1");
        }

        /** Was: replyTo on an INBOUND contact was accepted (and ignored). */
        @Test
        void replyToOnAnInboundContact() {
            String document = everyId("none", "").replace("\"direction\": \"OUTBOUND\"", "\"direction\": \"INBOUND\"");

            assertThat(problemsOf(document)).containsExactly(new Problem("/contacts/1/replyTo",
                    "this contact is INBOUND; only an OUTBOUND contact replies to another"));
        }

        /** Was: a commitment "kept" by a contact dated before the commitment was made was accepted. */
        @Test
        void aCommitmentKeptBeforeItWasMade() {
            assertThat(problemsOf(document("2026-11-02T22:00:00Z", "2026-11-03T22:00:00Z", "2026-11-03T00:00:00Z")))
                    .containsExactly(new Problem("/commitments/0/fulfilledBy", "contact \"k-1\" is dated"
                            + " 2026-11-02T22:00:00Z, before this commitment was made (2026-11-03T00:00:00Z); a"
                            + " commitment is kept by a contact made after it"));
            assertThat(DatasetReader.readString(document("2026-11-02T22:00:00Z", "2026-11-03T22:00:00Z",
                    "2026-11-02T22:00:00Z")).commitment("m-1")).as("kept at the instant it was made").isPresent();
        }

        @Test
        void anUnreadableInstantIsReportedAloneNotComparedAsItsStandIn() {
            assertThat(problemsOf(document("2026-11-02T22:00:00Z", "yesterday", "2026-11-02T22:00:00Z")))
                    .extracting(Problem::pointer).containsExactly("/contacts/1/at");
            assertThat(problemsOf(document("tomorrow", "2026-11-03T22:00:00Z", "2026-11-02T22:00:00Z")))
                    .extracting(Problem::pointer).containsExactly("/contacts/0/at");
            assertThat(problemsOf(document("2026-11-02T22:00:00Z", "2026-11-03T22:00:00Z", "soon")))
                    .extracting(Problem::pointer).containsExactly("/commitments/0/madeAt");
            assertThat(problemsOf(document("2026-11-02T22:00:00Z", "+999999999-12-31T23:59:59Z",
                    "2026-11-02T22:00:00Z"))).extracting(Problem::pointer).containsExactly("/contacts/1/at");
        }
    }

    @Nested
    class AFloodOfProblems {
        /**
         * Was: every problem kept, so a document of N bytes made about N/2 of them: 2 MB of {@code 1}s
         * as contacts ended in OutOfMemoryError at -Xmx256m, and 20 MB printed 10 million lines.
         */
        @Test
        void theFirstThousandAreListedAndTheRestCountedToTheEndOfTheDocument() throws IOException {
            long ones = FloodMain.ones(2);

            InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                    () -> DatasetReader.read(FloodMain.flood(2)));

            assertThat(e.problems()).hasSize(InvalidInputException.MAX_PROBLEMS + 1);
            assertThat(e.problems().get(0)).isEqualTo(new Problem("/contacts/0", "expected an object, found the number 1"));
            assertThat(e.problems().get(999)).isEqualTo(new Problem("/contacts/999",
                    "expected an object, found the number 1"));
            // Every "1" but the first thousand, and "staff": 7 after them: read to the end.
            assertThat(e.problems().get(1000)).isEqualTo(Problem.notListed(ones - 1000 + 1));
            assertThat(e.getMessage().lines()).hasSize(1 + InvalidInputException.MAX_LISTED + 1)
                    .first().isEqualTo("The dataset is invalid (at least " + (ones + 1) + " problems):");
            assertThat(e.getMessage().lines().reduce((a, b) -> b).orElseThrow())
                    .isEqualTo("  … and 900 more in problems(), and at least " + (ones - 1000 + 1) + " not listed");
        }

        /** The same flood, ten times larger, in a JVM of 64 MB: memory does not grow with the problems. */
        @Test
        void memoryStaysBoundedInASmallHeap(@TempDir Path dir) throws Exception {
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                    System.getProperty("java.class.path"), FloodMain.class.getName(), "20"));
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();

            assertThat(process.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readAllLines(out)).containsExactly(
                    (InvalidInputException.MAX_PROBLEMS + 1) + " " + (FloodMain.ones(20) - 1000 + 1),
                    String.valueOf(1 + InvalidInputException.MAX_LISTED + 1));
        }

        @Test
        void referenceProblemsAreCappedToo() {
            StringBuilder contacts = new StringBuilder();
            for (int i = 0; i < 2500; i++) {
                contacts.append(i == 0 ? "" : ",").append("{\"id\": \"k-").append(i).append("\", \"familyId\": \"f-9\","
                        + " \"at\": \"2026-11-02T22:00:00Z\", \"direction\": \"INBOUND\", \"channel\": \"SMS\"}");
            }
            String document = "{\"schemaVersion\": 2, \"district\": {\"id\": \"d-1\", \"timeZone\": \"UTC\"},"
                    + " \"staff\": [1, 2, 3], \"contacts\": [" + contacts + "]}";

            List<Problem> problems = problemsOf(document);

            assertThat(problems).hasSize(1001);
            assertThat(problems.subList(0, 3)).extracting(Problem::pointer).containsExactly("/staff/0", "/staff/1",
                    "/staff/2");
            assertThat(problems.get(3)).isEqualTo(new Problem("/contacts/0/familyId", "no family \"f-9\""));
            assertThat(problems.get(1000)).isEqualTo(Problem.notListed(2500 + 3 - 1000));
        }
    }
}
