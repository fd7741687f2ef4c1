package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.familyengagement.cli.Cli.resource;
import static org.familyengagement.cli.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a run can fail, and its exit code: 2 with every problem as {@code pointer: message}
 * and no stack trace for the user's mistakes; 1 for internal errors, with the stack trace only
 * under {@code --verbose}.
 */
class ExitCodesTest {
    static final String SMALL = AuditCommandTest.SMALL;
    static final String AS_OF = AuditCommandTest.AS_OF;

    // ---- 2: the options --------------------------------------------------------------------------

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result result = run("audit", "--data", "no/such/district.json");

        assertInvalid(result);
        assertThat(result.err()).isEqualTo("error: invalid arguments (1 problem)\n"
                + "--data: no such file: no/such/district.json\n"
                + "Try 'engagement-cli audit --help' for more information.\n");
    }

    @Test
    void aDirectoryIsNotAFile(@TempDir Path dir) {
        Cli.Result result = run("audit", "--data", dir.toString());

        assertInvalid(result);
        assertThat(result.err()).contains("--data: " + dir + " is a directory, not a file\n");
    }

    @Test
    void anUnreadableFileIsAUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.copy(Path.of(SMALL), dir.resolve("locked.json"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file)).as("a file without permissions is unreadable (not so for root)").isFalse();

        Cli.Result result = run("audit", "--data", file.toString());

        assertInvalid(result);
        assertThat(result.err()).contains("--data: cannot read " + file + ": permission denied\n");
    }

    @Test
    void everyOptionProblemIsListedAtOnce(@TempDir Path dir) {
        Cli.Result result = run("audit", "--data", "missing.json", "--as-of", "2026-11-20", "--policy",
                "missing.yaml", "--rules", "missing.drl", "--disable", "unanswerd-input", "--lang", "fr",
                "--out", dir.resolve("no/such/dir/report.txt").toString(), "--top", "0");

        assertInvalid(result);
        // --disable is not among them: the engine checks rule ids, custom ones included, once the rules compile.
        assertThat(result.err()).isEqualTo("error: invalid arguments (7 problems)\n"
                + "--data: no such file: missing.json\n"
                + "--policy: no such file: missing.yaml\n"
                + "--as-of: \"2026-11-20\" is not an instant; write a date, a time and an offset, such as"
                + " 2026-11-20T23:00:00Z or 2026-11-20T17:00:00-06:00\n"
                + "--lang: no texts in \"fr\"; available: en, es\n"
                + "--top: must be at least 1, not 0\n"
                + "--out: cannot write " + dir.resolve("no/such/dir/report.txt") + ": no such directory: "
                + dir.resolve("no/such/dir") + "\n"
                + "--rules: no such file: missing.drl\n"
                + "Try 'engagement-cli audit --help' for more information.\n");
    }

    @Test
    void threadsAndTimeLimitAreCheckedWithTheOtherOptions() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--threads", "0",
                "--time-limit", "soon");

        assertInvalid(result);
        assertThat(result.err()).contains("--threads: must be between 1 and 1024, not 0\n",
                "--time-limit: \"soon\" is not a duration; write 90s, 10m, 2h or ISO-8601 such as PT10M\n");
        assertThat(run("audit", "--data", SMALL, "--as-of", AS_OF, "--time-limit", "PT0S").err())
                .contains("--time-limit: must be more than 0 and at most 7 days, not PT0S\n");
        assertThat(run("audit", "--data", SMALL, "--as-of", AS_OF, "--time-limit", "8000h").err())
                .contains("--time-limit: must be more than 0 and at most 7 days, not 8000h\n");
    }

    @Test
    void theFindingsAreTheSameOnOneThreadAndOnMany() {
        Cli.Result one = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--threads", "1",
                "--time-limit", "90s");
        Cli.Result many = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--threads", "7",
                "--time-limit", "PT10M");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(many.out()).isEqualTo(one.out());
    }

    @Test
    void anIllFormedLanguageTagIsAUsageError() {
        Cli.Result result = run("rules", "--lang", "en_US!");

        assertInvalid(result);
        assertThat(result.err()).contains("--lang: \"en_US!\" is not a BCP 47 language tag; try en or es\n");
    }

    @Test
    void theReportMayNotOverwriteTheDataset(@TempDir Path dir) throws IOException {
        Path data = Files.copy(Path.of(SMALL), dir.resolve("district.json"));

        Cli.Result result = run("audit", "--data", data.toString(), "--out", data.toString());

        assertInvalid(result);
        assertThat(result.err()).contains("--out: " + data + " is the --data file; the report would overwrite"
                + " the dataset\n");
        assertThat(Files.readString(data)).isEqualTo(Files.readString(Path.of(SMALL)));
    }

    @Test
    void withoutContactsAsOfHasNoDefault() {
        Cli.Result result = run("audit", "--data", resource("no-contacts.json"));

        assertInvalid(result);
        assertThat(result.err()).contains(
                "--as-of: required, as the dataset has no contacts to take a default from\n");
    }

    // ---- 2: the documents and the rules ---------------------------------------------------------------

    @Test
    void everyProblemOfAnInvalidDatasetIsListedWithItsPointer() {
        String file = resource("invalid-district.json");

        Cli.Result result = run("audit", "--data", file, "--as-of", AS_OF);

        assertInvalid(result);
        assertThat(result.err()).isEqualTo("error: the dataset in " + file + " is invalid (5 problems)\n"
                + "/contacts/0/channel: unknown channel \"FAX\"; allowed: SMS, PHONE, EMAIL, APP, LETTER, IN_PERSON,"
                + " VIDEO, HOME_VISIT\n"
                + "/contacts/1: missing required field \"familyId\"\n"
                + "/contacts/1/familyID: unknown field \"familyID\"; did you mean \"familyId\"?\n"
                + "/contacts/2/familyId: no family \"f-99\"\n"
                + "/commitments/0/dueBy: the dueBy (2026-11-09T16:00:00Z) of commitment \"m-1\" is before its"
                + " madeAt (2026-11-10T16:00:00Z); maybe the two fields are swapped?\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void theDatasetThePolicyAndTheRulesAreCheckedTogether() {
        String data = resource("invalid-district.json");
        String policy = resource("invalid-policy.yaml");
        String drl = resource("broken.drl");

        Cli.Result result = run("audit", "--data", data, "--policy", policy, "--rules", drl);

        assertInvalid(result);
        // The policy's rule ids wait for the rules to compile: "unanswerd-input" might be one of them.
        assertThat(result.err())
                .contains("error: the dataset in " + data + " is invalid (5 problems)\n")
                .contains("error: the policy in " + policy + " is invalid (2 problems)\n")
                .containsPattern("(?m)^/lookback: .*P1M")
                .containsPattern("(?m)^/disparity/ratio: .*2")
                .contains("error: the custom rules did not compile (1 problem)\n" + drl + ":11: ")
                .doesNotContain("unanswerd-input");
    }

    /** Every built-in rule id and the custom rule of silent-family.drl, sorted, as the error lists them. */
    private static final String KNOWN_RULES_WITH_SILENT_FAMILY = "broken-commitment, channel-mismatch, child-interpreter,"
            + " deficit-only-contact, early-conference-missing, group-reach-disparity, group-response-disparity,"
            + " group-strengths-disparity, iep-draft-late, iep-input-late, inflexible-meeting-times, language-mismatch,"
            + " meeting-without-interpreter, message-overload, no-progress-contact, one-way-only,"
            + " outside-reachable-hours, preference-unrecorded, restricted-contact, silent-family, unanswered-input,"
            + " unreached-family, untranslated-broadcast";

    @Test
    void unknownRuleIdsOfThePolicyAndOfDisableAreCheckedByTheEngineWithTheDocuments() {
        String policy = resource("unknown-rule-policy.yaml");
        String drl = resource("silent-family.drl");

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--policy", policy, "--rules", drl,
                "--disable", "silent-famly", "--disable", "silent-family");

        assertInvalid(result);
        assertThat(result.err()).isEqualTo("error: invalid arguments (1 problem)\n"
                + "--disable: no rule \"silent-famly\"; did you mean \"silent-family\"?; known rules: "
                + KNOWN_RULES_WITH_SILENT_FAMILY + "\n"
                + "error: the policy in " + policy + " is invalid (1 problem)\n"
                + "/disabledRules/1: no rule \"unanswerd-input\"; did you mean \"unanswered-input\"?; known rules: "
                + KNOWN_RULES_WITH_SILENT_FAMILY + "\n"
                + "Try 'engagement-cli audit --help' for more information.\n");
    }

    @Test
    void aPolicyMayDisableACustomRuleDeclaredByRules() {
        String policy = resource("disable-custom-rule.yaml");

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--policy", policy,
                "--rules", resource("silent-family.drl"), "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain("silent-family");
    }

    @Test
    void aCustomRuleThatDoesNotCompileIsReportedWithFileAndLine() {
        String drl = resource("broken.drl");

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--rules", drl);

        assertInvalid(result);
        String[] lines = result.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("error: the custom rules did not compile (1 problem)");
        assertThat(lines[1]).startsWith(drl + ":11: ").contains("noSuchProperty");
    }

    @Test
    void aCustomRuleWithASyntaxErrorIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("syntax.drl"), String.join("\n",
                "package district.custom;",
                "import org.familyengagement.rules.drl.FamilyHistory;",
                "rule \"unfinished\"",
                "    @category(\"REACH\") @severity(\"LOW\")",
                "when",
                "    $h : FamilyHistory(",
                "then",
                "end",
                ""));

        Cli.Result result = run("rules", "--rules", drl.toString());

        assertInvalid(result);
        assertThat(result.err()).startsWith("error: the custom rules did not compile (1 problem)\n" + drl + ":8: ");
    }

    @Test
    void aCustomRuleWithBadMetadataIsReportedWithItsFile(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("urgent.drl"), String.join("\n",
                "package district.custom;",
                "import org.familyengagement.rules.drl.FamilyHistory;",
                "global org.familyengagement.rules.drl.Findings findings;",
                "rule \"urgent-rule\"",
                "    @category(\"REACH\") @severity(\"URGENT\")",
                "when",
                "    $h : FamilyHistory()",
                "then",
                "    findings.forFamily(kcontext, $h.familyId()).report();",
                "end",
                ""));

        Cli.Result result = run("rules", "--rules", drl.toString());

        assertInvalid(result);
        assertThat(result.err()).startsWith("error: the custom rules did not compile (1 problem)\n")
                .contains("urgent-rule", "URGENT", "HIGH");
    }

    // ---- 2: picocli's own parse errors -----------------------------------------------------------------

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        Cli.Result result = run("audit", "--data", SMALL, "--formt", "json");

        assertInvalid(result);
        assertThat(result.err()).startsWith("error: invalid arguments (")
                .contains("--formt: unknown option; did you mean --format?\n")
                .endsWith("Try 'engagement-cli audit --help' for more information.\n");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        Cli.Result result = run("validate");

        assertInvalid(result);
        assertThat(result.err()).isEqualTo("error: invalid arguments (1 problem)\n"
                + "--data: required; give --data FILE\n"
                + "Try 'engagement-cli validate --help' for more information.\n");
    }

    @Test
    void aValueOutsideAnEnumIsAUsageError() {
        Cli.Result result = run("audit", "--data", SMALL, "--fail-on", "URGENT");

        assertInvalid(result);
        assertThat(result.err()).contains("--fail-on: ").contains("URGENT").contains("HIGH");
    }

    @Test
    void noCommandPrintsTheUsageAsAUsageError() {
        Cli.Result result = run();

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).startsWith("Usage: engagement-cli").contains("audit", "validate", "rules");
    }

    @Test
    void helpAndVersionSucceed() {
        Cli.Result help = run("audit", "--help");
        Cli.Result version = run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: engagement-cli audit").contains("--as-of=INSTANT", "--fail-on");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("engagement-cli ");
    }

    // ---- 1: internal errors -------------------------------------------------------------------------

    @Test
    void aFailingRuleIsAnInternalErrorWithAShortMessage() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--rules", resource("failing.drl"));

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INTERNAL_ERROR);
        assertThat(result.err()).isEqualTo("error: the evaluation failed: rule \"failing-rule\" failed:"
                + " IllegalStateException: this rule always fails\n"
                + "Run again with --verbose for the stack trace.\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aFailingRulesMessageReachesTheTerminalWithoutItsControlCharacters(@TempDir Path dir) throws IOException {
        // The exception's message is the rule author's, and may quote data: an ESC there must not color the terminal.
        Path drl = Files.writeString(dir.resolve("escape.drl"), Files.readString(Path.of(resource("failing.drl")))
                .replace("this rule always fails", "red \\u001B[31m ids\\r\\nerror: forged"));

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--rules", drl.toString());

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INTERNAL_ERROR);
        assertThat(result.err()).isEqualTo("error: the evaluation failed: rule \"failing-rule\" failed:"
                + " IllegalStateException: red \\u001B[31m ids\\u000D\\u000Aerror: forged\n"
                + "Run again with --verbose for the stack trace.\n");
    }

    @Test
    void verboseAddsTheStackTraceWhereverItIsGiven() {
        Cli.Result after = run("audit", "--verbose", "--data", SMALL, "--as-of", AS_OF, "--rules",
                resource("failing.drl"));
        Cli.Result before = run("--verbose", "audit", "--data", SMALL, "--as-of", AS_OF, "--rules",
                resource("failing.drl"));

        for (Cli.Result result : new Cli.Result[] {after, before}) {
            assertThat(result.exitCode()).isEqualTo(EngagementCli.INTERNAL_ERROR);
            assertThat(result.err()).startsWith("error: the evaluation failed: ")
                    .contains("org.familyengagement.rules.EvaluationException", "\tat ")
                    .doesNotContain("--verbose");
        }
    }

    /** Exit code 2, and nothing that looks like a stack trace. */
    static void assertInvalid(Cli.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).doesNotContain("\tat ", "Exception");
    }
}
