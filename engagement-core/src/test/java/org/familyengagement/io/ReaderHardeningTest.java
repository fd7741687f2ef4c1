package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.policy.Policy;
import org.junit.jupiter.api.Test;

/**
 * Regressions for what the bad input corpus and the fuzz tests found in the readers. Each test
 * names the bug it guards against; {@link BadInputCorpusTest} has a file for most of them too.
 */
class ReaderHardeningTest {
    private static final String DISTRICT = "\"district\": {\"id\": \"d-1\", \"timeZone\": \"UTC\"}";

    /** Was: a {@code java.io.CharConversionException} out of {@code read(InputStream)}, an IOException like a failed disk. */
    @Test
    void bytesThatAreNotUtf32AreAProblemNotAnIoException() {
        byte[] utf32 = {0, 0, 0, '{', 0, 0, 0, '"', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(new ByteArrayInputStream(utf32)));

        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEmpty();
            assertThat(problem.message()).startsWith("malformed JSON: the bytes are not valid text in its encoding: ")
                    .contains("Invalid UTF-32 character 0x", "above 0x0010ffff");
        });
    }

    /** Was: a {@code CharConversionException} out of {@code read(InputStream)} while Jackson detected the encoding. */
    @Test
    void aByteOrderJacksonCannotDecodeIsAProblemNotAnIoException() {
        for (byte[] bom : List.of(new byte[] {0, 0, (byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xfe, (byte) 0xff, 0, 0})) {
            InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                    () -> DatasetReader.read(new ByteArrayInputStream(bom)));

            assertThat(e).as("what reading %s threw", java.util.Arrays.toString(bom)).isNotNull();
            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.pointer()).isEmpty();
                assertThat(problem.message()).startsWith("malformed JSON: the bytes are not valid text in its encoding: ")
                        .contains("Unsupported UCS-4 endianness");
            });
        }
    }

    /**
     * Was: the cross-reference checks quoted ids and language tags whole, so free text in a
     * familyId or a language (or a ten-megabyte id) went into the message.
     */
    @Test
    void theCrossReferenceChecksQuoteLikeTheReader() {
        String text = "The mother said the rent is late again";
        String token = "f-" + "9".repeat(100);
        String document = "{\"schemaVersion\": 1, " + DISTRICT + ", \"families\": [{\"id\": \"f-1\"}], \"contacts\": ["
                + "{\"id\": \"k-1\", \"familyId\": \"" + text + "\", \"at\": \"2026-11-02T22:00:00Z\","
                + " \"direction\": \"OUTBOUND\", \"channel\": \"SMS\", \"language\": \"" + text + "\"},"
                + "{\"id\": \"k-2\", \"familyId\": \"" + token + "\", \"at\": \"2026-11-02T22:00:00Z\","
                + " \"direction\": \"OUTBOUND\", \"channel\": \"SMS\"}]}";

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.readString(document));

        assertThat(e.problems()).containsExactly(
                new Problem("/contacts/0/familyId", "no family (38 characters, not shown)"),
                new Problem("/contacts/0/language", "(38 characters, not shown) is not a well-formed BCP 47 language tag"),
                new Problem("/contacts/1/familyId", "no family \"f-999999999999999999999999999999…\""));
    }

    @Test
    void problemQuoteShowsTokensAndHidesText() {
        assertThat(Problem.quote("f-1")).isEqualTo("\"f-1\"");
        assertThat(Problem.quote("a\tb")).isEqualTo("(3 characters, not shown)");
        assertThat(Problem.quote("a\u00A0b")).as("a no-break space is white space too").isEqualTo("(3 characters, not shown)");
        assertThat(Problem.quote("x\u0000y")).isEqualTo("\"x?y\"");
        assertThat(Problem.quote("k".repeat(31) + "\uD83D\uDE00")).as("never half a surrogate pair")
                .isEqualTo("\"" + "k".repeat(31) + "…\"");
    }

    /** Was: accepted by {@code read(InputStream)} and {@code read(Path)} but "Unexpected character" from the others. */
    @Test
    void aByteOrderMarkIsSkippedByTheCharacterEntryPoints() throws Exception {
        String document = "\uFEFF{\"schemaVersion\": 1, " + DISTRICT + "}";

        assertThat(DatasetReader.readString(document).district().id()).isEqualTo("d-1");
        assertThat(DatasetReader.read(new java.io.StringReader(document)).district().id()).isEqualTo("d-1");
        assertThat(catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(new java.io.StringReader("\uFEFF"))).problems())
                .containsExactly(new Problem("", "the document is empty; expected a JSON object"));
    }

    /**
     * Was: the parser's own sentence cut as if it were a long token, from one quote to the next:
     * "expecte…'null', 'true' or 'false')".
     */
    @Test
    void onlyQuotedTokensAreCutNotTheParsersSentence() {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.readString("{\"schemaVersion\": abc'def}"));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .endsWith("Unrecognized token 'abc': was expecting (JSON String, Number, Array, Object or token"
                        + " 'null', 'true' or 'false')");
    }

    @Test
    void aLongUnrecognizedTokenIsStillCut() {
        String token = "x".repeat(200);

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.readString("{\"schemaVersion\": " + token + "}"));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .contains("Unrecognized token '" + "x".repeat(JsonWalker.MAX_QUOTED) + "…'")
                .doesNotContain("x".repeat(JsonWalker.MAX_QUOTED + 1));
    }

    /**
     * Was: a YAML alias read as its anchor's name, so {@code [&one-way-only message-overload,
     * *one-way-only]} disabled a rule the document never named.
     */
    @Test
    void aYamlAliasIsRefusedNotReadAsItsAnchorsName() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.readString(
                "lookback: &P7D P90D\ndisabledRules: [&one-way-only message-overload, *one-way-only]\n"));

        assertThat(e.problems()).containsExactly(new Problem("/disabledRules/1",
                "expected a string, found the YAML alias *one-way-only (aliases are not supported; write the value"
                        + " itself)"));
    }

    /** Was: "expected a string, found VALUE_EMBEDDED_OBJECT". */
    @Test
    void yamlBinaryDataIsNamedInWords() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyReader.readString("lookback: !!binary AAAA\n"));

        assertThat(e.problems()).containsExactly(new Problem("/lookback", "expected a string, found binary data"));
    }

    /**
     * Was: {@code read(Path)} threw {@code MalformedInputException} (an IOException) on a Latin-1
     * policy while {@code read(InputStream)} silently replaced its bytes.
     */
    @Test
    void aPolicyThatIsNotUtf8IsRejectedByEveryByteEntryPoint() {
        byte[] latin1 = "lookback: P30D # d\u00e9cid\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyReader.read(new ByteArrayInputStream(latin1)));

        assertThat(e.problems()).containsExactly(new Problem("", "the document is not UTF-8 text: byte 0xE9 at line 1,"
                + " column 19 is not valid UTF-8; save the policy as UTF-8"));
    }

    @Test
    void aPolicyInUtf8WithAccentsAndAByteOrderMarkIsRead() throws Exception {
        byte[] utf8 = "\uFEFF# décidé en conseil\nlookback: P7D\n".getBytes(StandardCharsets.UTF_8);

        assertThat(PolicyReader.read(new ByteArrayInputStream(utf8)).lookback()).isEqualTo(Duration.ofDays(7));
    }

    /**
     * Was: any lookback accepted, and one past about a billion years made every evaluation fail
     * with a {@code DateTimeException} from {@code asOf - lookback}.
     */
    @Test
    void aLookbackIsAtMostAHundredYears() {
        assertThat(PolicyReader.readString("lookback: P36525D").lookback()).isEqualTo(Policy.MAX_LOOKBACK);

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyReader.readString("lookback: PT2562047788015215H"));

        assertThat(e.problems()).containsExactly(new Problem("/lookback",
                "lookback must be at most 36525 days (100 years), not PT2562047788015215H"));
    }

    /**
     * Was: one line per problem in the exception message, so two megabytes of bad elements made a
     * message of a hundred million characters. {@code problems()} still has them all.
     */
    @Test
    void theExceptionMessageListsTheFirstHundredProblemsAndCountsTheRest() {
        String contacts = String.join(",", Collections.nCopies(250, "1"));

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class, () -> DatasetReader.readString(
                "{\"schemaVersion\": 1, " + DISTRICT + ", \"contacts\": [" + contacts + "]}"));

        assertThat(e.problems()).hasSize(250);
        List<String> lines = e.getMessage().lines().toList();
        assertThat(lines).hasSize(1 + InvalidInputException.MAX_LISTED + 1);
        assertThat(lines.get(0)).isEqualTo("The dataset is invalid (250 problems):");
        assertThat(lines.get(100)).isEqualTo("  /contacts/99: expected an object, found the number 1");
        assertThat(lines.get(101)).isEqualTo("  … and 150 more; problems() lists them all");
    }
}
