package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

class ReportReaderTest {

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static List<Problem> problemsOf(String document) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ReportReader.readString(document));
        assertThat(e).as("the document should be rejected").isNotNull();
        assertThat(e.documentName()).isEqualTo("findings document");
        return e.problems();
    }

    @Test
    void readsTheWrittenDocument() throws IOException {
        Report report;
        try (InputStream in = ReportReaderTest.class.getResourceAsStream("findings-expected.json")) {
            report = ReportReader.read(in);
        }

        assertThat(report.asOf()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(report.findings()).extracting(Finding::ruleId)
                .containsExactly("group-reach-disparity", "preference-unrecorded", "unanswered-input",
                        "untranslated-broadcast");
        assertThat(report.findings().get(0).metrics().pValue()).isEqualTo(2.0E-7);
        Finding unanswered = report.findings().get(2);
        assertThat(unanswered.schoolIds()).containsExactly("sch-1");
        assertThat(unanswered.staffIds()).containsExactly("st-3");
        Finding broadcast = report.findings().get(3);
        assertThat(broadcast.broadcastId()).isEqualTo("b-7");
        assertThat(broadcast.familyId()).isNull();
        assertThat(broadcast.broadcastMetrics()).isEqualTo(new BroadcastMetrics(2, 40, List.of("so", "vi")));
        assertThat(broadcast.schoolIds()).containsExactly("sch-1", "sch-2");
    }

    @Test
    void aReadDocumentWritesBackByteForByte() throws IOException {
        String written;
        try (InputStream in = ReportReaderTest.class.getResourceAsStream("findings-expected.json")) {
            written = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(ReportWriter.toJson(ReportReader.readString(written))).isEqualTo(written);
    }

    @Test
    void aVersionOneFindingsDocumentStillReadsAndGetsItsIds() {
        Report report = ReportReader.readString(json("{'asOf': '2026-11-20T23:00:00Z', 'findings': ["
                + "{'ruleId': 'unanswered-input', 'category': 'RESPONSIVENESS', 'severity': 'HIGH',"
                + " 'familyId': 'f-1', 'group': null, 'evidence': ['k-7'], 'message': 'm'}]}"));

        Finding finding = report.findings().get(0);
        assertThat(finding.broadcastId()).isNull();
        assertThat(finding.schoolIds()).isEmpty();
        assertThat(finding.staffIds()).isEmpty();
        assertThat(finding.id()).isEqualTo("a3af16e75e5bd1ed");
    }

    @Test
    void anIdThatIsNotTheFindingsOwnIsAProblem() {
        assertThat(problemsOf(json("{'asOf': '2026-11-20T23:00:00Z', 'findings': ["
                + "{'id': '0000000000000000', 'ruleId': 'unreached-family', 'category': 'REACH', 'severity': 'HIGH',"
                + " 'familyId': 'f-1', 'message': 'm'}]}"))).containsExactly(new Problem("/findings/0/id",
                "id \"0000000000000000\" is not this finding's id (" + Finding.ofFamily("unreached-family",
                        Category.REACH, Severity.HIGH, "f-1", List.of(), "m").id() + "), which its rule, subject"
                        + " and evidence determine; leave it out or correct it"));
    }

    @Test
    void aShareThatCannotBeIsAProblem() {
        assertThat(problemsOf(json("{'asOf': '2026-11-20T23:00:00Z', 'findings': [], 'coverage': {'shares': ["
                + "{'field': 'tone', 'population': 'families', 'recorded': 3, 'total': 2}], 'notJudged': []}}")))
                .containsExactly(new Problem("/coverage/shares/0", "recorded (3) must be between 0 and total (2)"));
    }

    @Test
    void broadcastMetricsAreCheckedForTheirOwnFields() {
        assertThat(problemsOf(json("{'asOf': '2026-11-20T23:00:00Z', 'findings': ["
                + "{'ruleId': 'untranslated-broadcast', 'category': 'ACCESS', 'severity': 'HIGH',"
                + " 'broadcastId': 'b-1', 'message': 'm', 'metrics': {'families': 3, 'n': 4}},"
                + "{'ruleId': 'r', 'category': 'ACCESS', 'severity': 'HIGH', 'familyId': 'f-1', 'broadcastId': 'b-1',"
                + " 'message': 'm'},"
                + "{'ruleId': 'r', 'category': 'EQUITY', 'severity': 'HIGH', 'group': {'dimension': 'd', 'label': 'l'},"
                + " 'staffIds': ['st-1'], 'message': 'm'}]}"))).containsExactly(
                new Problem("/findings/0/metrics", "missing required field \"deliveries\""),
                new Problem("/findings/0/metrics", "missing required field \"languages\""),
                new Problem("/findings/0/metrics/n", "field \"n\" belongs to the metrics of a group finding"),
                new Problem("/findings/1", "a finding must concern exactly one family (familyId), one group (group)"
                        + " or one broadcast (broadcastId)"),
                new Problem("/findings/2", "a group finding carries no schoolIds or staffIds"));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Report report = ReportReader.readString(json("{'asOf': '2026-11-20T23:00:00Z', 'findings': ["
                + "{'ruleId': 'unreached-family', 'category': 'REACH', 'severity': 'HIGH', 'familyId': 'f-1',"
                + " 'message': 'm'}]}"));

        assertThat(report.findings()).containsExactly(Finding.ofFamily("unreached-family", Category.REACH,
                Severity.HIGH, "f-1", List.of(), "m"));
    }

    @Test
    void reportsEveryProblemWithItsPointer() {
        String document = json("""
                {'asOf': '2026-11-20',
                 'findings': [
                   {'ruleId': 'unreached-family', 'category': 'REACH', 'severity': 'URGENT', 'familyId': 'f-1',
                    'message': 'm', 'evidnce': []},
                   {'ruleId': 'r', 'category': 'EQUITY', 'severity': 'HIGH', 'familyId': 'f-1',
                    'group': {'dimension': 'income', 'label': 'low'}, 'message': 'm'},
                   {'ruleId': 'r', 'category': 'EQUITY', 'severity': 'HIGH', 'message': 'm',
                    'group': {'dimension': 'income'}, 'metrics': {'n': 'ten'}}
                 ]}""");

        assertThat(problemsOf(document)).containsExactly(
                new Problem("/asOf", "\"2026-11-20\" is not an ISO-8601 instant with an offset,"
                        + " such as 2026-11-02T16:00:00Z"),
                new Problem("/findings/0/evidnce", "unknown field \"evidnce\"; did you mean \"evidence\"?"),
                new Problem("/findings/0/severity", "unknown severity \"URGENT\"; allowed: LOW, MEDIUM, HIGH"),
                new Problem("/findings/1", "a finding must concern exactly one family (familyId), one group (group)"
                        + " or one broadcast (broadcastId)"),
                new Problem("/findings/2/group", "missing required field \"label\""),
                new Problem("/findings/2/metrics", "missing required field \"rate\""),
                new Problem("/findings/2/metrics", "missing required field \"referenceLabel\""),
                new Problem("/findings/2/metrics", "missing required field \"referenceRate\""),
                new Problem("/findings/2/metrics", "missing required field \"ratio\""),
                new Problem("/findings/2/metrics", "missing required field \"pValue\""),
                new Problem("/findings/2/metrics/n", "expected an integer, found the string \"ten\""));
    }

    @Test
    void aDocumentThatIsNotAFindingsDocument() {
        assertThat(problemsOf("")).containsExactly(new Problem("", "the document is empty; expected a JSON object"));
        assertThat(problemsOf("{}")).containsExactly(
                new Problem("", "missing required field \"asOf\""),
                new Problem("", "missing required field \"findings\""));
        assertThat(problemsOf("{\"asOf\": ")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("malformed JSON at line 1, column 10"));
    }
}
