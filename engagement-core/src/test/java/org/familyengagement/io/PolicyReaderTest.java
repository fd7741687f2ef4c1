package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyReaderTest {
    private static final Policy EVERY_FIELD_CHANGED = new Policy(Duration.ofDays(45), 3, new Policy.DeficitOnly(4),
            new Policy.OneWayOnly(6), new Policy.MessageOverload(7), new Policy.Disparity(0.75, 0.01, 20),
            new Policy.Replies(false), new Policy.Iep(Duration.ofDays(28), Duration.ofDays(10)),
            new Policy.Conference(30), new Policy.ProgressContact(Duration.ofDays(35), 0.6),
            new Policy.UntranslatedBroadcast(8), List.of("message-overload", "one-way-only"));

    private static Path resource(String name) {
        try {
            return Path.of(PolicyReaderTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Problem> problemsOf(String document) {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyReader.readString(document));
        assertThat(e).as("the policy should be rejected").isNotNull();
        return e.problems();
    }

    private static Problem onlyProblem(String document) {
        List<Problem> problems = problemsOf(document);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void readsEveryFieldFromYaml() throws IOException {
        assertThat(PolicyReader.read(resource("policy-full.yaml"))).isEqualTo(EVERY_FIELD_CHANGED);
    }

    @Test
    void readsEveryFieldFromJson() throws IOException {
        assertThat(PolicyReader.read(resource("policy-full.json"))).isEqualTo(EVERY_FIELD_CHANGED);
    }

    @Test
    void detectsTheFormatOfAStreamFromItsContent() throws IOException {
        for (String name : List.of("policy-full.yaml", "policy-full.json")) {
            byte[] bytes = Files.readAllBytes(resource(name));
            assertThat(PolicyReader.read(new ByteArrayInputStream(bytes))).as(name).isEqualTo(EVERY_FIELD_CHANGED);
        }
    }

    @Test
    void aFileNamedYamlIsReadAsYamlEvenWhenItLooksLikeJson(@TempDir Path dir) throws IOException {
        // A YAML flow mapping with unquoted keys: JSON would refuse it.
        Path file = Files.writeString(dir.resolve("policy.yml"), "{lookback: P7D}");

        assertThat(PolicyReader.read(file).lookback()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(PolicyReader.readString("\uFEFF{\"responseSchoolDays\": 1}").responseSchoolDays()).isEqualTo(1);
        assertThat(PolicyReader.readString("\uFEFFresponseSchoolDays: 1").responseSchoolDays()).isEqualTo(1);
    }

    @Test
    void anEmptyObjectIsTheDefaultPolicy() {
        assertThat(PolicyReader.readString("{}")).isEqualTo(Policy.defaults());
        assertThat(PolicyReader.readString("{}", PolicyReader.Format.YAML)).isEqualTo(Policy.defaults());
    }

    @Test
    void missingFieldsTakeTheDefaultsNestedOnesIncluded() {
        Policy policy = PolicyReader.readString("""
                responseSchoolDays: 1
                disparity: { ratio: 0.7 }
                """);

        assertThat(policy).isEqualTo(Policy.defaults().withResponseSchoolDays(1)
                .withDisparity(new Policy.Disparity(0.7, 0.05, 10)));
    }

    @ParameterizedTest(name = "{0} is {1} days")
    @CsvSource({"P30D, 30", "P4W, 28", "PT36H, 1.5"})
    void lookbackTakesDaysWeeksOrHours(String text, double days) {
        Policy policy = PolicyReader.readString("lookback: " + text);

        assertThat(policy.lookback()).isEqualTo(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    @Test
    void disabledRulesAreReadAsWrittenWithoutKnowingTheRules() {
        // Whether a rule exists is the engine's to say (it knows custom rules too): see RuleEngine.Builder#policy(Path).
        Policy policy = PolicyReader.readString("disabledRules: [district-welcome-call, message-overload]");

        assertThat(policy.disabledRules()).containsExactly("district-welcome-call", "message-overload");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void anUnknownFieldSuggestsTheKnownName() {
        assertThat(onlyProblem("lookBack: P30D")).isEqualTo(
                new Problem("/lookBack", "unknown field \"lookBack\"; did you mean \"lookback\"?"));
        assertThat(onlyProblem("disparity: { minGroup: 5 }")).isEqualTo(new Problem("/disparity/minGroup",
                "unknown field \"minGroup\"; known fields: ratio, alpha, minGroupSize"));
    }

    @Test
    void aValueOfTheWrongType() {
        assertThat(problemsOf("""
                responseSchoolDays: "2"
                deficitOnly: 2
                disparity: { ratio: high }
                """)).containsExactly(
                new Problem("/deficitOnly", "expected an object, found the number 2"),
                new Problem("/disparity/ratio", "expected a number, found the string \"high\""),
                new Problem("/responseSchoolDays", "expected an integer, found the string \"2\""));
    }

    @Test
    void nullWhereAValueBelongs() {
        assertThat(onlyProblem("{\"lookback\": null}"))
                .isEqualTo(new Problem("/lookback", "expected a string, found null"));
    }

    @Test
    void valuesOutOfRangeNameTheFieldAndTheValue() {
        assertThat(problemsOf("""
                lookback: P0D
                responseSchoolDays: -1
                deficitOnly:     { minConcerns: 0 }
                oneWayOnly:      { minBroadcasts: 0 }
                messageOverload: { maxBroadcastsPerWeek: -2 }
                disparity:       { ratio: 1.5, alpha: 0, minGroupSize: 0 }
                iep:             { inputLead: P400D, draftLead: PT0S }
                conference:      { bySchoolDay: 367 }
                progressContact: { period: P0D, minTopicCoverage: 1.2 }
                untranslatedBroadcast: { minFamilies: 0 }
                replies:         { mustBeUnderstood: "yes" }
                """)).containsExactly(
                new Problem("/conference/bySchoolDay", "conference.bySchoolDay must be in 1..366, not 367"),
                new Problem("/deficitOnly/minConcerns", "deficitOnly.minConcerns must be at least 1, not 0"),
                new Problem("/disparity/alpha", "disparity.alpha must be in (0, 1), not 0.0"),
                new Problem("/disparity/minGroupSize", "disparity.minGroupSize must be at least 1, not 0"),
                new Problem("/disparity/ratio", "disparity.ratio must be in (0, 1], not 1.5"),
                new Problem("/iep/draftLead", "iep.draftLead must be positive, not PT0S"),
                new Problem("/iep/inputLead", "iep.inputLead must be at most 366 days, not PT9600H"),
                new Problem("/lookback", "lookback must be positive, not PT0S"),
                new Problem("/messageOverload/maxBroadcastsPerWeek",
                        "messageOverload.maxBroadcastsPerWeek must not be negative, not -2"),
                new Problem("/oneWayOnly/minBroadcasts", "oneWayOnly.minBroadcasts must be at least 1, not 0"),
                new Problem("/progressContact/minTopicCoverage",
                        "progressContact.minTopicCoverage must be in [0, 1], not 1.2"),
                new Problem("/progressContact/period", "progressContact.period must be positive, not PT0S"),
                new Problem("/replies/mustBeUnderstood", "expected true or false, found the string \"yes\""),
                new Problem("/responseSchoolDays", "responseSchoolDays must not be negative, not -1"),
                new Problem("/untranslatedBroadcast/minFamilies",
                        "untranslatedBroadcast.minFamilies must be in 1..10000000, not 0"));
    }

    @Test
    void theVersionTwoKeysTakeTheirDefaultsOneByOne() {
        Policy policy = PolicyReader.readString("iep: { draftLead: P10D }\nprogressContact: { minTopicCoverage: 0 }");

        assertThat(policy.iep()).isEqualTo(new Policy.Iep(Duration.ofDays(30), Duration.ofDays(10)));
        assertThat(policy.progressContact()).isEqualTo(new Policy.ProgressContact(Duration.ofDays(42), 0));
        assertThat(policy.replies().mustBeUnderstood()).isTrue();
        assertThat(policy.conference().bySchoolDay()).isEqualTo(40);
        assertThat(policy.untranslatedBroadcast().minFamilies()).isEqualTo(5);
        assertThat(onlyProblem("iep: { inputLead: P1M }")).isEqualTo(new Problem("/iep/inputLead",
                "\"P1M\": months and years have no fixed length; give the lead in days or weeks, such as P30D"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "thirty-days | \"thirty-days\" is not an ISO-8601 duration such as P30D",
        "thirty days | (11 characters, not shown) is not an ISO-8601 duration such as P30D",
        "P1M         | \"P1M\": months and years have no fixed length; give the lookback in days or weeks, such as P30D",
        "30          | expected a string, found the number 30"
    })
    void anIllFormedLookback(String value, String message) {
        assertThat(onlyProblem("lookback: " + value)).isEqualTo(new Problem("/lookback", message));
    }

    @Test
    void aRuleIdListedTwiceOrBlankInDisabledRules() {
        assertThat(problemsOf("disabledRules: [message-overload, foo, message-overload, \" \"]")).containsExactly(
                new Problem("/disabledRules/2", "rule \"message-overload\" is already listed at /disabledRules/0"),
                new Problem("/disabledRules/3", "an id must not be blank"));
    }

    @Test
    void aPolicyFileNamesItselfInItsProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "lookback: P1Y\n");

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.read(file));

        assertThat(e.source()).contains(file.toString());
        assertThat(e.getMessage()).startsWith("The policy in " + file + " is invalid (1 problem):");
    }

    @Test
    void aKeyRepeatedInOneObject() {
        assertThat(onlyProblem("{\"responseSchoolDays\": 1, \"responseSchoolDays\": 3}")).isEqualTo(
                new Problem("/responseSchoolDays", "field \"responseSchoolDays\" appears more than once in this object"));
        assertThat(onlyProblem("responseSchoolDays: 1\nresponseSchoolDays: 3\n")).isEqualTo(
                new Problem("/responseSchoolDays", "field \"responseSchoolDays\" appears more than once in this object"));
    }

    @Test
    void malformedJsonAndYamlGiveLineAndColumn() {
        Problem json = onlyProblem("{\"lookback\": \"P30D\",\n \"disparity\": {\"ratio\": }}");
        Problem yaml = onlyProblem("lookback: P30D\ndisparity: { ratio: 0.8\n");

        // Jackson looks at the value while reading its key, so the error is the object's.
        assertThat(json.pointer()).isEqualTo("/disparity");
        assertThat(json.message()).startsWith("malformed JSON at line 2, column 25: ");
        assertThat(yaml.pointer()).isEqualTo("/disparity");
        assertThat(yaml.message()).isEqualTo("malformed YAML at line 3, column 1: expected ',' or '}', but got <stream end>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "# only a comment\n"})
    void anEmptyDocument(String text) {
        assertThat(onlyProblem(text)).isEqualTo(new Problem("", "the document is empty; write {} for the default policy"));
    }

    @Test
    void aDocumentThatIsNotAnObject() {
        assertThat(onlyProblem("- message-overload")).isEqualTo(
                new Problem("", "the document must be an object of policy fields, not an array"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.readString("""
                lookback: P1Y
                responseSchoolDay: 2
                disparity: { ratio: 0 }
                disabledRules: [nope, nope]
                """));

        assertThat(e.problems()).extracting(Problem::pointer)
                .containsExactly("/disabledRules/1", "/disparity/ratio", "/lookback", "/responseSchoolDay");
        assertThat(e.documentName()).isEqualTo("policy");
    }
}
