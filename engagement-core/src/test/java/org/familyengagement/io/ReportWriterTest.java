package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Category;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static List<Finding> findings() {
        return List.of(
                Finding.ofFamily("unanswered-input", Category.RESPONSIVENESS, Severity.HIGH, "f-1", List.of("k-7"),
                        "A question from this family on 2026-11-16 has had no reply for 3 school days.")
                        .withAttribution(List.of("sch-1"), List.of("st-3")),
                Finding.ofBroadcast("untranslated-broadcast", Category.ACCESS, Severity.HIGH, "b-7",
                        List.of("k-20", "k-21"), new BroadcastMetrics(2, 40, List.of("so", "vi")),
                        "Broadcast b-7 reached 2 families in a language they do not read.")
                        .withAttribution(List.of("sch-2", "sch-1", "sch-2"), List.of()),
                Finding.ofGroup("group-reach-disparity", Category.EQUITY, Severity.HIGH,
                        new Group("homeLanguage", "es"), new Metrics(40, 0.3, "en", 0.9, 0.3 / 0.9, 0.0000002),
                        "Families with homeLanguage es were reached at 0.33 of the rate of en."),
                Finding.ofFamily("preference-unrecorded", Category.ACCESS, Severity.LOW, "f-2", List.of(),
                        "No language or channel preference is recorded for this family."));
    }

    private static String expected() throws IOException {
        try (InputStream in = ReportWriterTest.class.getResourceAsStream("findings-expected.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesEveryFieldInContractOrderIndentedByTwoSpacesWithATrailingNewline() throws IOException {
        assertThat(ReportWriter.toJson(new Report(AS_OF, findings()))).isEqualTo(expected());
    }

    @Test
    void theSameReportGivesTheSameBytesWhateverTheOrderFindingsWereAddedIn(@TempDir Path dir) throws IOException {
        List<Finding> shuffled = new ArrayList<>(findings());
        Collections.reverse(shuffled);
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ReportWriter.write(new Report(AS_OF, findings()), first);
        ReportWriter.write(new Report(AS_OF, shuffled), second);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ReportWriter.write(new Report(AS_OF, findings()), stream);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first))
                .isEqualTo(stream.toByteArray())
                .isEqualTo(expected().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void coverageFollowsTheFindingsAndReadsBack() {
        Coverage coverage = new Coverage(
                List.of(new Coverage.Share("tone", "deliveredOutboundTwoWayContacts", 8, 10),
                        new Coverage.Share("languages", "families", 0, 0)),
                List.of(new Coverage.NotJudged("early-conference-missing", "The district has no schoolYearStart.")));
        Report report = new Report(AS_OF, List.of(), coverage);

        String json = ReportWriter.toJson(report);

        assertThat(json).isEqualTo("""
                {
                  "asOf": "2026-11-20T23:00:00Z",
                  "findings": [],
                  "coverage": {
                    "shares": [
                      {
                        "field": "tone",
                        "population": "deliveredOutboundTwoWayContacts",
                        "recorded": 8,
                        "total": 10
                      },
                      {
                        "field": "languages",
                        "population": "families",
                        "recorded": 0,
                        "total": 0
                      }
                    ],
                    "notJudged": [
                      {
                        "ruleId": "early-conference-missing",
                        "reason": "The district has no schoolYearStart."
                      }
                    ]
                  }
                }
                """);
        assertThat(ReportReader.readString(json)).isEqualTo(report);
        assertThat(coverage.share("tone").share()).isEqualTo(0.8);
        assertThat(coverage.share("languages").share()).isZero();
    }

    @Test
    void anEmptyReportHasAnEmptyArray() {
        assertThat(ReportWriter.toJson(new Report(AS_OF, List.of())))
                .isEqualTo("{\n  \"asOf\": \"2026-11-20T23:00:00Z\",\n  \"findings\": []\n}\n");
    }

    @Test
    void textIsEscapedAndNonAsciiKeptAsUtf8() throws IOException {
        Finding finding = Finding.ofFamily("custom-rule", Category.REACH, Severity.LOW, "f-\"1\"", List.of(),
                "Línea 1\n\tzweite Zeile – 家庭 \uD83D\uDE00");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(new Report(AS_OF, List.of(finding)), out);
        String json = out.toString(StandardCharsets.UTF_8);

        // The bytes and the string are the same document, the emoji as itself (its four UTF-8
        // bytes in the stream), not as two escaped surrogates.
        assertThat(json).isEqualTo(ReportWriter.toJson(new Report(AS_OF, List.of(finding))));
        assertThat(json).contains("\"familyId\": \"f-\\\"1\\\"\"",
                "\"message\": \"Línea 1\\n\\tzweite Zeile – 家庭 \uD83D\uDE00\"");
        assertThat(ReportReader.readString(json).findings()).containsExactly(finding);
    }

    @Test
    void roundTripsThroughTheReader() throws IOException {
        Report report = new Report(AS_OF, findings());

        Report back = ReportReader.readString(ReportWriter.toJson(report));

        assertThat(back).isEqualTo(report);
        assertThat(ReportWriter.toJson(back)).isEqualTo(ReportWriter.toJson(report));
    }

    @Test
    void refusesAMetricJsonCannotHold() {
        Finding finding = Finding.ofGroup("group-reach-disparity", Category.EQUITY, Severity.HIGH,
                new Group("income", "low"), new Metrics(12, 0.1, "high", 0.0, Double.NaN, 0.01), "…");

        assertThatThrownBy(() -> ReportWriter.toJson(new Report(AS_OF, List.of(finding))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics.ratio of a group-reach-disparity finding is NaN, which JSON cannot hold");
    }
}
