package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
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
                .containsExactly("group-reach-disparity", "preference-unrecorded", "unanswered-input");
        assertThat(report.findings().get(0).metrics().pValue()).isEqualTo(2.0E-7);
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
                new Problem("/findings/1", "a finding must concern exactly one family (familyId) or one group (group)"),
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
