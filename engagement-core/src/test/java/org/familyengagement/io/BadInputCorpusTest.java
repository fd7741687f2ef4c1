package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken documents in {@code bad/} (see its README): each is rejected with exactly the
 * problems listed for it, in order, each at its exact pointer with the key words of its sentence,
 * and no message quotes more of the document than one offending token.
 *
 * <p>Files ending in {@code .gz} are stored compressed (10 MB of one string) and read through a
 * decompressing stream; the others are read from their path, as an embedder would.
 */
class BadInputCorpusTest {
    private static final String CHANNELS = "SMS, PHONE, EMAIL, APP, LETTER, IN_PERSON, VIDEO, HOME_VISIT";
    /** Not broken: the one file of the corpus that must be accepted. */
    private static final String BOM_FILE = "dataset-utf8-bom.json";

    /** One row per file: the file and the problems it must give. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                row("dataset-wrong-types.json",
                        expect("/schemaVersion", "expected an integer, found the string \"1\""),
                        expect("/district/id", "expected a string, found the number 7"),
                        expect("/district/weekend", "expected an array, found the string \"SATURDAY\""),
                        expect("/staff", "expected an array, found an object"),
                        expect("/families/0/groups", "expected an object, found an array"),
                        expect("/families/0/preference/interpreter", "expected true or false", "\"yes\""),
                        expect("/families/0/preference/languages", "expected an array", "\"es\""),
                        expect("/families/0/preference/reachable/0/from", "expected a string", "number 1700"),
                        expect("/families/0/students", "expected an array, found an object"),
                        expect("/contacts/0/at", "expected an instant", "number 1793656800"),
                        expect("/contacts/0/channel", "expected a string, found an array"),
                        expect("/contacts/0/delivered", "expected true or false, found the number 1"),
                        expect("/contacts/0/interpreted", "expected true or false", "\"no\""),
                        expect("/commitments/0/dueBy", "expected an instant", "found an object")),
                row("dataset-nulls.json",
                        expect("/schemaVersion", "expected an integer, found null"),
                        expect("/district/defaultLanguage", "expected a string, found null"),
                        expect("/district/holidays/0", "expected a string, found null"),
                        expect("/district/timeZone", "expected a string, found null"),
                        expect("/staff/0", "expected an object, found null"),
                        expect("/staff/1/id", "expected a string, found null"),
                        expect("/families/0/groups/income", "expected a string, found null"),
                        expect("/families/0/students", "expected an array, found null"),
                        expect("/contacts/0/familyId", "expected a string, found null"),
                        expect("/contacts/1/delivered", "expected true or false, found null"),
                        expect("/contacts/1/language", "expected a string, found null"),
                        expect("/commitments", "expected an array, found null")),
                row("dataset-huge-token.json.gz",
                        expect("/contacts/0/channel", "unknown channel \"PHONE_PHONE_PHONE_PHONE_PHONE_PH…\"",
                                "allowed: " + CHANNELS)),
                row("dataset-huge-text.json.gz",
                        expect("/contacts/0/tone", "unknown tone (10485760 characters, not shown)",
                                "allowed: POSITIVE, NEUTRAL, CONCERN")),
                row("dataset-huge-field-name.json.gz",
                        expect("/contacts/0", "malformed JSON", "Name length", "maximum allowed (50000")),
                row("dataset-deep-nesting.json",
                        expect("/families/0/notes", "unknown field \"notes\""),
                        expect("/families/0/notes", "malformed JSON", "nesting depth (1001)",
                                "maximum allowed (1000")),
                row("dataset-duplicate-keys.json",
                        expect("/district/timeZone", "field \"timeZone\" appears more than once"),
                        expect("/families/0/preference/channels", "field \"channels\" appears more than once"),
                        expect("/contacts", "field \"contacts\" appears more than once")),
                row("dataset-empty.json", expect("", "the document is empty; expected a JSON object")),
                row("dataset-binary.bin", expect("", "malformed JSON at line 1, column 2", "Invalid UTF-8 start byte 0x89")),
                row("dataset-latin1.json",
                        expect("/families/0/caregivers/0/relationship", "malformed JSON at line 2, column 84",
                                "Invalid UTF-8 middle byte 0x72")),
                row("dataset-utf32-invalid.bin",
                        expect("", "malformed JSON", "not valid text in its encoding", "Invalid UTF-32 character")),
                row("dataset-number-out-of-range.json",
                        expect("/schemaVersion", "expected an integer, found the number 1e400")),
                row("dataset-number-too-long.json",
                        expect("", "malformed JSON", "Number value length (1500)", "maximum allowed (1000")),
                row("dataset-array.json", expect("", "the document must be a JSON object, not an array")),
                row("dataset-unquoted-text.json",
                        expect("/contacts/0", "malformed JSON at line 2", "Unrecognized token 'The'")),
                row("dataset-truncated.json",
                        expect("/contacts/0/language", "malformed JSON at line 2", "end-of-input")),
                row("dataset-free-text-in-ids.json",
                        expect("/district/defaultLanguage", "(38 characters, not shown) is not a well-formed BCP 47"),
                        expect("/staff/0/languages/1", "(38 characters, not shown) is not a well-formed BCP 47"),
                        expect("/families/0/students/1/id",
                                "duplicate student id \"k-777777777777777777777777777777…\" in this family"),
                        expect("/contacts/0/familyId", "no family (38 characters, not shown)"),
                        expect("/contacts/1/language", "(38 characters, not shown) is not a well-formed BCP 47"),
                        expect("/contacts/1/staffId", "no staff (38 characters, not shown)"),
                        expect("/contacts/2/replyTo", "no contact (38 characters, not shown)"),
                        expect("/contacts/3/id", "duplicate contact id \"k-777777777777777777777777777777…\"",
                                "(first at /contacts/1)"),
                        expect("/commitments/0/dueBy", "of commitment (38 characters, not shown) is before"),
                        // The contact named is dated before the commitment was made (a check of version 2's time).
                        expect("/commitments/0/fulfilledBy", "contact \"k-777777777777777777777777777777…\"",
                                "is dated 2026-11-02T22:00:00Z, before this commitment was made")),
                row("dataset-ucs4-2143.bin",
                        expect("", "malformed JSON", "not valid text in its encoding", "UCS-4 endianness (2143)")),
                row("dataset-control-character.json",
                        expect("/families/0/id", "malformed JSON at line 1", "CTRL-CHAR, code 0")),

                row("policy-wrong-types.yaml",
                        expect("/deficitOnly", "expected an object, found an array"),
                        expect("/disabledRules", "expected an array, found the string \"message-overload\""),
                        expect("/disparity/minGroupSize", "expected an integer, found the number 10.5"),
                        expect("/disparity/ratio", "expected a number, found the string \"0.8\""),
                        expect("/lookback", "expected a string, found the number 30"),
                        expect("/responseSchoolDays", "expected an integer, found the string \"two\"")),
                row("policy-nulls.json",
                        expect("/disabledRules/0", "expected a string, found null"),
                        expect("/disparity", "expected an object, found null"),
                        expect("/lookback", "expected a string, found null"),
                        expect("/oneWayOnly/minBroadcasts", "expected an integer, found null")),
                row("policy-number-out-of-range.json",
                        expect("/disparity/minGroupSize", "the number 99999999999 is out of range"),
                        expect("/disparity/ratio", "disparity.ratio must be in (0, 1], not Infinity"),
                        expect("/messageOverload/maxBroadcastsPerWeek", "the number -99999999999 is out of range"),
                        expect("/responseSchoolDays", "expected an integer, found the number 1e400")),
                row("policy-huge-text.json.gz",
                        expect("/lookback", "(10485760 characters, not shown) is not an ISO-8601 duration")),
                row("policy-huge.yaml.gz",
                        expect("/disabledRules", "malformed YAML", "exceeds the limit: 3145728 code points")),
                row("policy-deep-nesting.yaml",
                        expect("/notes", "unknown field \"notes\""),
                        expect("/notes", "malformed YAML", "nesting depth (1001)", "maximum allowed (1000")),
                row("policy-duplicate-keys.yaml",
                        expect("/disparity/ratio", "field \"ratio\" appears more than once")),
                row("policy-empty.yaml", expect("", "the document is empty; write {} for the default policy")),
                row("policy-binary.bin", expect("", "not UTF-8 text", "byte 0x89 at line 1, column 1")),
                row("policy-latin1.yaml", expect("", "not UTF-8 text", "byte 0xE9 at line 1, column 4")),
                row("policy-yaml-alias.yaml",
                        expect("/disabledRules/1", "expected a string, found the YAML alias *one-way-only",
                                "aliases are not supported")),
                row("policy-array.json", expect("", "the document must be an object of policy fields, not an array")),
                row("policy-yaml-nan.yaml", expect("/disparity/alpha", "malformed YAML", "'.nan'")),
                row("policy-two-documents.yaml", expect("", "unexpected content after the end of the document")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBrokenDocumentGivesExactlyItsProblems(String file, List<Expected> expected, @TempDir Path dir) {
        Read read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(file, dir),
                () -> "reading " + file + " took too long");

        assertThat(read.thrown()).as("what reading %s threw", file).isInstanceOf(
                file.startsWith("dataset") ? InvalidDatasetException.class : InvalidPolicyException.class);
        InvalidInputException e = (InvalidInputException) read.thrown();
        assertThat(e.problems()).extracting(Problem::pointer).as("pointers of %s", file)
                .containsExactlyElementsOf(expected.stream().map(Expected::pointer).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(e.problems().get(i).message()).as("problem %d of %s", i, file)
                    .contains(expected.get(i).keyWords());
        }
        ProblemChecks.assertWellFormed(e, new String(read.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void everyFileOfTheCorpusHasARow() throws IOException {
        List<String> rows = corpus().map(arguments -> (String) arguments.get()[0]).toList();
        List<String> files;
        try (Stream<Path> listing = Files.list(resource(""))) {
            files = listing.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("README.md") && !name.equals(BOM_FILE)).sorted().toList();
        }

        assertThat(rows).containsExactlyInAnyOrderElementsOf(files);
    }

    /** Many Windows tools start a UTF-8 export with a byte order mark; every entry point skips it. */
    @Test
    void aUtf8ByteOrderMarkIsAcceptedByEveryEntryPoint() throws IOException {
        Path file = resource(BOM_FILE);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");

        List<Dataset> datasets = List.of(DatasetReader.read(file), DatasetReader.read(new ByteArrayInputStream(bytes)),
                DatasetReader.readString(text), DatasetReader.read(new StringReader(text)));

        assertThat(datasets).allSatisfy(dataset -> assertThat(dataset.families()).singleElement()
                .satisfies(family -> assertThat(family.id()).isEqualTo("f-1")));
    }

    @Test
    void aByteOrderMarkIsSkippedOnlyOnce() {
        Throwable thrown = catchThrowable(() -> DatasetReader.readString("\uFEFF\uFEFF{}"));

        assertThat(thrown).isInstanceOfSatisfying(InvalidDatasetException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem ->
                        assertThat(problem.message()).startsWith("malformed JSON at line 1, column 1")));
    }

    /** Ten thousand nested arrays on a small stack: Jackson's depth limit stops them before any recursion could. */
    @Test
    void deepNestingNeedsNoDeepStack() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        byte[] dataset = Files.readAllBytes(resource("dataset-deep-nesting.json"));
        Thread reader = new Thread(null, () -> thrown.set(catchThrowable(
                () -> DatasetReader.read(new ByteArrayInputStream(dataset)))), "small-stack", 128 * 1024);
        reader.start();
        reader.join(30_000);

        assertThat(thrown.get()).isInstanceOf(InvalidDatasetException.class);
    }

    // ---------------------------------------------------------------- helpers

    /** The problem expected at {@code pointer}, whose message contains every one of {@code keyWords}. */
    record Expected(String pointer, String... keyWords) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "(document)" : pointer) + " " + Arrays.toString(keyWords);
        }
    }

    /** The document's bytes (decompressed) and what reading it threw. */
    record Read(byte[] bytes, Throwable thrown) {
    }

    private static Expected expect(String pointer, String... keyWords) {
        return new Expected(pointer, keyWords);
    }

    private static Arguments row(String file, Expected... problems) {
        return Arguments.of(file, List.of(problems));
    }

    private static Read read(String file, Path dir) throws IOException {
        Path path = resource(file);
        boolean compressed = file.endsWith(".gz");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = compressed ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
        Throwable thrown;
        if (file.startsWith("dataset")) {
            thrown = compressed
                    ? catchThrowable(() -> {
                        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
                            DatasetReader.read(in);
                        }
                    })
                    : catchThrowable(() -> DatasetReader.read(path));
        } else {
            // The policy reader takes its format from the file name, so a compressed one is unpacked first.
            Path plain = compressed ? Files.write(dir.resolve(file.substring(0, file.length() - 3)), bytes) : path;
            thrown = catchThrowable(() -> PolicyReader.read(plain));
        }
        return new Read(bytes, thrown);
    }

    private static Path resource(String name) {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("bad/").toURI()).resolve(name);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
