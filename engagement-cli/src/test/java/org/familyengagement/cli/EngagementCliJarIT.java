package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.familyengagement.io.DatasetWriter;
import org.familyengagement.io.ReportReader;
import org.familyengagement.report.Report;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the shaded {@code target/engagement-cli.jar}, run with {@code java -jar} in a
 * separate JVM on the sample district. Proves that shading kept Drools whole (its
 * {@code META-INF/kie.conf} files and services merged), that the precompiled pack loads and that
 * custom DRL still compiles. Runs in {@code integration-test}, after the jar is shaded.
 */
class EngagementCliJarIT {
    static final String AS_OF = "2026-11-20T23:00:00Z";

    private static Path jar;
    private static Path sample;

    @BeforeAll
    static void locate(@TempDir Path dir) throws IOException {
        jar = Path.of(System.getProperty("engagement.cli.jar", "target/engagement-cli.jar"));
        assumeThat(jar).as("the shaded jar; build it with package first").isRegularFile();
        // The committed sample, or the same district generated afresh when it is not there yet.
        sample = Path.of(System.getProperty("basedir", "."), "..", "examples", "data", "sample-district.json");
        if (!Files.isRegularFile(sample)) {
            sample = dir.resolve("sample-district.json");
            DatasetWriter.compact().write(SampleDistrict.generate(2026, 3000), sample);
        }
    }

    @Test
    void auditsTheSampleDistrictAsText() throws Exception {
        Launcher.Run run = java("audit", "--data", sample.toString(), "--as-of", AS_OF);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).startsWith("Family engagement audit: ")
                .contains("that is\n" + AS_OF + ".\n", "Findings by category and rule\n",
                        "Equity: gaps between groups of families\n", "Families to act on first")
                .containsPattern("(?m)^ 1\\. f-\\d+: ");
        // slf4j-simple at WARN: none of Drools' INFO lines.
        assertThat(run.err()).isEmpty();
    }

    @Test
    void auditsTheSampleDistrictAsJsonWithCustomRulesAndFailsOnHigh(@TempDir Path dir) throws Exception {
        Path drl = dir.resolve("silent-family.drl");
        Files.copy(EngagementCliJarIT.class.getResourceAsStream("silent-family.drl"), drl);
        Path json = dir.resolve("findings.json");

        Launcher.Run run = java("audit", "--data", sample.toString(), "--as-of", AS_OF, "--format", "json",
                "--rules", drl.toString(), "--out", json.toString(), "--fail-on", "HIGH");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(EngagementCli.FINDINGS_AT_THRESHOLD);
        Report report = ReportReader.read(json);
        assertThat(report.findings()).isNotEmpty();
        assertThat(report.findingsOf("silent-family")).isNotEmpty();
        assertThat(report.findingsOf("unanswered-input")).isNotEmpty();
    }

    @Test
    void aCustomRuleWithEvalPrintsNoDroolsHintToTheCoordinator(@TempDir Path dir) throws Exception {
        Path drl = Files.writeString(dir.resolve("eval.drl"), """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;
                rule "many-contacts"
                    @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory()
                    eval( $h.contacts().size() > 1000 )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """);

        Launcher.Run run = java("audit", "--data", sample.toString(), "--as-of", AS_OF, "--rules", drl.toString(),
                "--format", "json", "--out", dir.resolve("findings.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aReportThatHitsTheFileSizeLimitLeavesThePreviousReportWhole(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("findings.json"), "{ \"the previous report\": true }\n");
        // 20 blocks of 512 bytes: far less than the sample's findings; the JVM gets EFBIG, not a signal.
        List<String> command = List.of("bash", "-c", "ulimit -f 20; exec \"$0\" -jar \"$1\" audit --data \"$2\""
                + " --as-of " + AS_OF + " --format json --out \"$3\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), jar.toString(), sample.toString(),
                out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isEqualTo(EngagementCli.INTERNAL_ERROR);
        assertThat(output).contains("error: cannot write the report to " + out + ": ").contains("is unchanged");
        assertThat(Files.readString(out)).isEqualTo("{ \"the previous report\": true }\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    /**
     * A consequence that never returns ({@code halt()} cannot stop it): the CLI gives up at
     * {@code --time-limit}, names the rule that was running, exits 1 and leaves no report.
     */
    @Test
    void aRuleThatNeverReturnsEndsAtTheTimeLimitNamingIt(@TempDir Path dir) throws Exception {
        Path drl = Files.writeString(dir.resolve("spins.drl"), """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;
                rule "spins-forever"
                    @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory( familyId == "f-000003" )
                then
                    while (true) { Thread.onSpinWait(); }
                end
                """);
        Path out = dir.resolve("findings.json");

        long start = System.nanoTime();
        Launcher.Run run = java("audit", "--data", sample.toString(), "--as-of", AS_OF, "--rules", drl.toString(),
                "--time-limit", "3s", "--format", "json", "--out", out.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(run.exitCode()).as(run.err()).isEqualTo(EngagementCli.INTERNAL_ERROR);
        assertThat(run.err()).startsWith("error: the evaluation failed: the evaluation ran longer than its time limit"
                + " of PT3S; rule \"spins-forever\" was running\n").doesNotContain("\tat ");
        assertThat(seconds).as("the JVM exits without waiting for the spinning rule").isLessThan(60);
        assertThat(out).doesNotExist();
    }

    @Test
    void reportsInvalidInputWithExitCode2AndNoStackTrace(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"schemaVersion\": 2 }");

        Launcher.Run run = java("validate", "--data", broken.toString());

        assertThat(run.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: the dataset in " + broken + " is invalid").doesNotContain("\tat ");
    }

    @Test
    void validatesTheSampleDistrict() throws Exception {
        Launcher.Run run = java("validate", "--data", sample.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(sample + ": valid; 3,000 families, ");
    }

    /** Runs {@code java -jar engagement-cli.jar args...}. */
    private static Launcher.Run java(String... args) throws IOException, InterruptedException {
        return Launcher.java(List.of("-jar", jar.toString()), args);
    }
}
