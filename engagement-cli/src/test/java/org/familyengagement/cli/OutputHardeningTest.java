package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.cli.Cli.resource;
import static org.familyengagement.cli.Cli.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report goes where it was asked, whole, or the run says it did not: never a silent success,
 * never an input overwritten, never a truncated file in place of the old one.
 */
class OutputHardeningTest {
    static final String SMALL = AuditCommandTest.SMALL;
    static final String AS_OF = AuditCommandTest.AS_OF;

    @Test
    void outMayNotBeThePolicyOrARulesFileByAnyPathLinkOrHardLink(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "lookback: P30D\n");
        Path rules = Files.copy(Path.of(resource("silent-family.drl")), dir.resolve("district.drl"));
        Path symlink = Files.createSymbolicLink(dir.resolve("link.yaml"), policy);
        Path hardLink = Files.createLink(dir.resolve("hard.drl"), rules);

        for (Path out : new Path[] {policy, symlink, dir.resolve("./sub/../policy.yaml"), rules, hardLink}) {
            Files.createDirectories(dir.resolve("sub"));
            Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--policy", policy.toString(),
                    "--rules", rules.toString(), "--out", out.toString());

            ExitCodesTest.assertInvalid(result);
            assertThat(result.err()).as(out.toString()).containsPattern("--out: " + java.util.regex.Pattern.quote(
                    out.toString()) + " is the --(policy|rules) file.*; the report would overwrite it");
        }
        assertThat(Files.readString(policy)).isEqualTo("lookback: P30D\n");
        assertThat(Files.readString(rules)).isEqualTo(Files.readString(Path.of(resource("silent-family.drl"))));
    }

    @Test
    void aReportThatCannotBeWrittenToStandardOutputIsAFailure() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        for (String[] args : new String[][] {
            {"audit", "--data", SMALL, "--as-of", AS_OF},
            {"audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json"},
            {"validate", "--data", SMALL},
            {"rules"}}) {
            err.reset();
            int code = EngagementCli.run(args, new PrintStream(full, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false);

            assertThat(code).as(String.join(" ", args)).isEqualTo(EngagementCli.INTERNAL_ERROR);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("error: cannot write to standard output (a full disk, or a closed pipe)");
        }
    }

    @Test
    void aCustomRuleRecursingWithoutEndEndsTheRunWithAShortMessage(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("recurses.drl"), """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;
                function int down(int n) { return down(n + 1) + 1; }
                rule "recurses"
                    @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory()
                then
                    int depth = down(0);
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """);

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--rules", drl.toString());

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INTERNAL_ERROR);
        assertThat(result.err()).doesNotContain("\tat ").hasLineCount(result.err().contains("--verbose") ? 2 : 1)
                .containsPattern("recurs|stack overflow");
        assertThat(result.stdout()).isEmpty();
    }
}
