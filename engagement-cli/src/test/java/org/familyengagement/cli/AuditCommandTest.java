package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.cli.Cli.resource;
import static org.familyengagement.cli.Cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.io.ReportReader;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit}: the text report, the JSON document, the as-of default, --fail-on and custom rules. */
class AuditCommandTest {
    static final String SMALL = resource("small-district.json");
    static final String QUIET = resource("quiet-district.json");
    static final String SMALL_GROUPS = resource("small-groups.yaml");
    static final String AS_OF = "2026-11-20T23:00:00Z";
    /** The latest contact of the small district: the default as-of instant. */
    static final String LATEST_CONTACT = "2026-11-19T22:00:00Z";

    // ---- the text report -------------------------------------------------------------------

    @Test
    void textReportInEnglish() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--policy", SMALL_GROUPS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        String text = result.out();
        // In 80 columns: long lines wrap at a space.
        assertThat(text).startsWith("Family engagement audit: Lakeside Test District (d-test)\n"
                + "As of Friday, November 20, 2026, 5:00 PM (America/Chicago), that is\n2026-11-20T23:00:00Z.\n"
                + "Contacts are judged from Wednesday, October 21, 2026, 6:00 PM onwards: the 30\ndays before the"
                + " as-of instant.\n"
                + "14 families, 35 contacts and 2 commitments in the data.\n"
                + "20 findings (11 high, 7 medium, 2 low severity) about 13 families and 2 groups.\n");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(text).doesNotContain("--as-of was", "No --as-of");

        // The summary: every category with its count, every rule with its own.
        assertThat(text).contains("Findings by category and rule\n", "Responsiveness: 3 findings\n",
                "Strengths: 1 finding\n", "Access: 8 findings\n", "Reach: 6 findings\n", "Equity: 2 findings\n");
        assertThat(text).containsPattern("(?m)^  HIGH +unanswered-input +2  Input from a family")
                .containsPattern("(?m)^  LOW +message-overload +1  ")
                .containsPattern("(?m)^  HIGH +group-response-disparity +0  ");

        // The equity findings in words, languages by name.
        assertThat(text).contains("- homeLanguage \"Spanish\": 0 of 6 families (0%) had a two-way contact from the\n"
                        + "  school in the window, against 100% of families with homeLanguage \"English\":\n"
                        + "  0.00 times the rate (p = 0.00108).\n",
                "- income \"frl\": 2 of 8 families (25%) had a two-way contact from the school in\n"
                        + "  the window, against 100% of families with income \"not-frl\": 0.25 times the\n"
                        + "  rate (p = 0.00932).\n",
                "Groups of fewer than 5 families are never compared or named.\n");
        // And the full table: every eligible label with its rate, flagged or not.
        assertThat(text).contains("  homeLanguage\n    English  6 of 6   100%         reference\n"
                + "    Spanish  0 of 6     0%   0.00  GAP\n", "    frl      2 of 8    25%   0.25  GAP\n");
        // Two families speak Somali: too few to be named, even in passing.
        assertThat(text).doesNotContain("\"so\"", "Somali");

        // Families in the urgency order of their most urgent finding.
        assertThat(familiesListed(text)).containsExactly("f-09", "f-04", "f-05", "f-08", "f-11", "f-12", "f-14",
                "f-10", "f-02", "f-07", "f-03", "f-01", "f-13");
        assertThat(text).contains(" 1. f-09: 2 high, 0 medium, 0 low\n"
                + "    HIGH    unanswered-input\n"
                + "            A question from this family on 2026-11-05 has had no reply for 9\n"
                + "            school days.\n"
                + "            Why: Families must trust that their input is heard. A question left\n"
                + "            without an answer teaches a family not to ask again.\n"
                + "            Next: Answer the question today, in the family's language, and tell\n"
                + "            the family who will follow up.\n"
                + "    HIGH    language-mismatch\n"
                + "            3 contacts reached this family in a language it does not use,\n");
        assertThat(text).doesNotContain("more families with findings");
        // Ids only: no caregivers, students or staff.
        assertThat(text).doesNotContain("c-01", "s-01", "t-1", "t-2", "GUARDIAN");
    }

    @Test
    void textReportListsAtMostTopFamiliesAndSaysHowManyMore() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--top", "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(familiesListed(result.out())).containsExactly("f-09", "f-04", "f-05");
        assertThat(result.out()).endsWith(
                "... and 10 more families with findings; --format json lists every finding.\n");
        // Without the policy's smaller groups, no label has the default ten families.
        assertThat(result.out()).contains("No group of families is reached or answered markedly less often",
                "Groups of fewer than 10 families are never compared or named.");
    }

    @Test
    void textReportInSpanish() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--policy", SMALL_GROUPS,
                "--lang", "es", "--top", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String text = result.out();
        assertThat(text).startsWith("Auditoría de la relación con las familias: Lakeside Test District (d-test)\n"
                + "A fecha de viernes, 20 de noviembre de 2026, 17:00 (America/Chicago), es decir,\n"
                + "2026-11-20T23:00:00Z.\n");
        assertThat(text).contains("14 familias, 35 contactos y 2 compromisos en los datos.\n",
                "20 hallazgos (severidad alta: 11, media: 7, baja: 2) sobre 13 familias y 2\ngrupos.\n",
                "Hallazgos por categoría y regla\n", "Capacidad de respuesta: 3 hallazgos\n",
                "Fortalezas: 1 hallazgo\n", "Equidad: diferencias entre grupos de familias\n",
                "homeLanguage \"inglés\": 0,00 veces esa proporción (p = 0,00108).\n",
                "Los grupos de menos de 5 familias nunca se comparan ni se nombran.\n",
                "1. f-09: alta 2, media 0, baja 0\n",
                "... y 11 familias más con hallazgos; --format json los lista todos.\n");
        assertThat(text).containsPattern("(?m)^  ALTA +unanswered-input +2  Una aportación de una familia");
        // Finding messages and guidance come from the engine, built in the same language.
        assertThat(text).contains("Una pregunta de esta familia del 2026-11-05 lleva 9 días escolares",
                "Qué hacer: Responda hoy a la pregunta");
        assertThat(text).doesNotContain("Findings", "families", "finding", " high", "HIGH", "Input from a family");
    }

    @Test
    void asOfDefaultsToTheLatestContactAndTheTextSaysSo() {
        Cli.Result result = run("audit", "--data", SMALL);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("that is\n" + LATEST_CONTACT + ".\n"
                + "No --as-of was given: the audit is as of the latest contact in the data.\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void asOfDefaultIsNotedOnStderrForJson() {
        Cli.Result result = run("audit", "--data", SMALL, "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo(
                "note: no --as-of given; auditing as of the latest contact in the data, " + LATEST_CONTACT + "\n");
        assertThat(ReportReader.readString(result.out()).asOf()).hasToString(LATEST_CONTACT);
    }

    @Test
    void asOfMayBeWrittenWithAnyOffset() {
        Cli.Result utc = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json");
        Cli.Result chicago = run("audit", "--data", SMALL, "--as-of", "2026-11-20T17:00:00-06:00", "--format", "json");

        assertThat(chicago.exitCode()).as(chicago.toString()).isZero();
        assertThat(chicago.stdout()).isEqualTo(utc.stdout());
        assertThat(chicago.err()).isEmpty();
    }

    // ---- the JSON document -------------------------------------------------------------------

    @Test
    void jsonIsTheFindingsDocument() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--policy",
                SMALL_GROUPS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Report report = ReportReader.readString(result.out());
        assertThat(report.asOf()).hasToString(AS_OF);
        assertThat(report.findings()).hasSize(20);
        assertThat(report.findingsOf(RuleIds.UNANSWERED_INPUT)).extracting(Finding::familyId)
                .containsExactly("f-04", "f-09");
        assertThat(report.findingsOf(RuleIds.BROKEN_COMMITMENT)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly("m-01"));
        assertThat(report.findingsOf(RuleIds.GROUP_REACH_DISPARITY)).extracting(f -> f.group().label())
                .containsExactly("es", "frl");
        assertThat(result.out()).startsWith("{\n  \"asOf\": \"2026-11-20T23:00:00Z\",\n  \"findings\": [\n");
    }

    @Test
    void jsonIsByteIdenticalAcrossRunsAndAcrossAReorderedDocument(@TempDir Path dir) throws IOException {
        Path shuffled = dir.resolve("shuffled.json");
        DatasetWriter.pretty().write(shuffle(DatasetReader.read(Path.of(SMALL)), new Random(20261120L)), shuffled);
        assertThat(Files.readString(shuffled)).isNotEqualTo(Files.readString(Path.of(SMALL)));

        String[] args = {"--as-of", AS_OF, "--format", "json", "--policy", SMALL_GROUPS};
        Cli.Result first = run(concat(new String[] {"audit", "--data", SMALL}, args));
        Cli.Result second = run(concat(new String[] {"audit", "--data", SMALL}, args));
        Cli.Result reordered = run(concat(new String[] {"audit", "--data", shuffled.toString()}, args));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(reordered.exitCode()).as(reordered.toString()).isZero();
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(reordered.stdout()).isEqualTo(first.stdout());
    }

    @Test
    void outWritesTheSameBytesToAFile(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("findings.json");
        Path text = dir.resolve("report.txt");

        Cli.Result toFile = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--out",
                json.toString());
        Cli.Result toStdout = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json");
        Cli.Result textToFile = run("audit", "--data", SMALL, "--as-of", AS_OF, "--lang", "es", "--out",
                text.toString());
        Cli.Result textToStdout = run("audit", "--data", SMALL, "--as-of", AS_OF, "--lang", "es");

        assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
        assertThat(toFile.stdout()).isEmpty();
        assertThat(Files.readAllBytes(json)).isEqualTo(toStdout.stdout());
        assertThat(textToFile.exitCode()).as(textToFile.toString()).isZero();
        assertThat(Files.readString(text, StandardCharsets.UTF_8)).isEqualTo(textToStdout.out());
    }

    // ---- --fail-on ---------------------------------------------------------------------------

    @Test
    void failOnExitsWith3WhenAFindingIsAtOrAboveItAndStillWritesTheReport(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("findings.json");

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--out",
                json.toString(), "--fail-on", "HIGH");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EngagementCli.FINDINGS_AT_THRESHOLD);
        assertThat(result.err()).isEqualTo("9 findings are at or above HIGH (--fail-on HIGH)\n");
        assertThat(ReportReader.read(json).findings()).hasSize(18);
    }

    @Test
    void failOnCountsOnlyFindingsAtOrAboveItsSeverity() {
        // The quiet district has one finding: a LOW preference-unrecorded.
        Cli.Result medium = run("audit", "--data", QUIET, "--as-of", AS_OF, "--fail-on", "medium");
        Cli.Result low = run("audit", "--data", QUIET, "--as-of", AS_OF, "--fail-on", "LOW");

        assertThat(medium.exitCode()).as(medium.toString()).isZero();
        assertThat(medium.err()).isEmpty();
        assertThat(low.exitCode()).as(low.toString()).isEqualTo(EngagementCli.FINDINGS_AT_THRESHOLD);
        assertThat(low.out()).contains("\n1. q-2: 0 high, 0 medium, 1 low\n");
        assertThat(low.err()).isEqualTo("1 finding is at or above LOW (--fail-on LOW)\n");
    }

    // ---- custom rules and --disable --------------------------------------------------------------

    @Test
    void customRulesRunWithTheBuiltInOnesAndCanBeDisabled() {
        String drl = resource("silent-family.drl");

        Cli.Result json = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--rules", drl);
        Cli.Result text = run("audit", "--data", SMALL, "--as-of", AS_OF, "--rules", drl);
        Cli.Result disabled = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--rules", drl,
                "--disable", "silent-family,message-overload");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        // Families f-04, f-06 and f-09 wrote to the school; the other eleven did not.
        assertThat(ReportReader.readString(json.out()).findingsOf("silent-family")).extracting(Finding::familyId)
                .hasSize(11).doesNotContain("f-04", "f-06", "f-09");
        assertThat(text.out()).containsPattern("(?m)^  LOW +silent-family +11  The family has not contacted");
        Report withoutThem = ReportReader.readString(disabled.out());
        assertThat(withoutThem.findingsOf("silent-family")).isEmpty();
        assertThat(withoutThem.findingsOf(RuleIds.MESSAGE_OVERLOAD)).isEmpty();
    }

    @Test
    void disabledRulesAreNamedInTheTextReport() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--disable", "message-overload",
                "--disable", "group-reach-disparity", "--disable", "group-response-disparity",
                "--disable", "group-strengths-disparity");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(
                "Not run (disabled): group-reach-disparity, group-response-disparity, group-strengths-disparity,"
                        + " message-overload\n",
                "The equity rules did not run: they are disabled.\n");
        assertThat(result.out()).doesNotContainPattern("(?m)^Equity: \\d").doesNotContainPattern("(?m)^ .*message-overload");
    }

    // ---- csv, html and baselines -------------------------------------------------------------

    @Test
    void csvHasAHeaderAndOneRowPerFindingInUrgencyOrderAndARollupVariant() {
        Cli.Result csv = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "csv");
        Cli.Result json = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json");

        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        List<String> lines = List.of(csv.out().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvReport.FINDING_COLUMNS));
        assertThat(lines).hasSize(ReportReader.readString(json.out()).findings().size() + 1);
        assertThat(lines.get(1)).startsWith("1,").contains(",unanswered-input,RESPONSIVENESS,HIGH,f-09,");
        // A message with a comma is quoted by the CSV library, not by hand.
        assertThat(csv.out()).contains(",\"6 contacts reached this family in a language it does not use, without interpretation.\"\r\n")
                .doesNotContain("\n\n");

        Cli.Result byRule = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "csv", "--rollup", "rule");
        assertThat(byRule.out()).startsWith("key,findings,high,medium,low,families,rules\r\n")
                .contains("\r\nlanguage-mismatch,5,5,0,0,5,language-mismatch:5\r\n");
    }

    @Test
    void rollupNeedsTheCsvFormat() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--rollup", "school");

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).contains("--rollup: only with --format csv");
    }

    @Test
    void htmlIsOneSelfContainedPage() {
        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "html", "--policy",
                SMALL_GROUPS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';",
                        "<svg id=\"eq1\" role=\"img\"", "<table id=\"family-table\"", "Spanish",
                        "<h3>Coverage: how much of what the rules read was recorded</h3>")
                .doesNotContain("http://", "https://", "<script src", "<link");
        // Byte-identical across runs, like every format.
        assertThat(run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "html", "--policy", SMALL_GROUPS)
                .out()).isEqualTo(result.out());
    }

    @Test
    void aBaselineMarksFindingsNewOrPersistingAndListsTheResolved(@TempDir Path dir) throws IOException {
        // The baseline: this audit a week earlier.
        Path previous = dir.resolve("previous.json");
        Cli.Result first = run("audit", "--data", SMALL, "--as-of", "2026-11-13T23:00:00Z", "--format", "json",
                "--out", previous.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Report before = ReportReader.read(previous);
        Report now = ReportReader.readString(run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json").out());
        long added = now.findings().stream().filter(f -> before.findings().stream().noneMatch(b -> b.id().equals(f.id())))
                .count();
        long resolved = before.findings().stream()
                .filter(b -> now.findings().stream().noneMatch(f -> f.id().equals(b.id()))).count();
        assertThat(added).isPositive();

        Cli.Result json = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "json", "--baseline",
                previous.toString());
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"changes\": {\n      \"NEW\": " + added + ",\n      \"PERSISTING\": "
                + (now.findings().size() - added) + ",\n      \"RESOLVED\": " + resolved + "\n    }");
        assertThat(json.out()).contains("\"status\": \"NEW\"", "\"status\": \"PERSISTING\"")
                .doesNotContain("\"status\": null");
        // The output reads back as the same findings: it can be the next baseline.
        assertThat(ReportReader.readString(json.out()).findings()).isEqualTo(now.findings());

        Cli.Result text = run("audit", "--data", SMALL, "--as-of", AS_OF, "--baseline", previous.toString());
        assertThat(text.out()).contains("What changed since the audit as of 2026-11-13T23:00:00Z\n");
        Cli.Result csv = run("audit", "--data", SMALL, "--as-of", AS_OF, "--format", "csv", "--baseline",
                previous.toString());
        assertThat(csv.out()).contains(",NEW,", ",PERSISTING,");
    }

    @Test
    void aBaselineThatIsNotAFindingsDocumentIsAUsageErrorWithPointers(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"asOf\": \"yesterday\", \"findings\": [{\"ruleId\": \"x\"}]}");

        Cli.Result result = run("audit", "--data", SMALL, "--as-of", AS_OF, "--baseline", bad.toString());

        assertThat(result.exitCode()).isEqualTo(EngagementCli.INVALID_INPUT);
        assertThat(result.err()).contains("the findings document in " + bad + " is invalid", "/asOf",
                "/findings/0").doesNotContain("Exception", "\tat ");
        assertThat(result.out()).isEmpty();
    }

    private static List<String> familiesListed(String text) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^ ?\\d+\\. (f-\\d+):").matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The same dataset with its families, contacts and commitments in a seeded random order. */
    private static Dataset shuffle(Dataset dataset, Random random) {
        List<Family> families = new ArrayList<>(dataset.families());
        List<Contact> contacts = new ArrayList<>(dataset.contacts());
        List<Commitment> commitments = new ArrayList<>(dataset.commitments());
        Collections.shuffle(families, random);
        Collections.shuffle(contacts, random);
        Collections.shuffle(commitments, random);
        return Dataset.of(dataset.district(), dataset.staff(), families, contacts, commitments);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
