package org.familyengagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static Finding family(String rule, Severity severity, String familyId, List<String> schools,
                                  List<String> staff) {
        return Finding.ofFamily(rule, Category.ACCESS, severity, familyId, List.of("k-" + familyId + rule), "m")
                .withAttribution(schools, staff);
    }

    @Test
    void rollsUpBySchoolStaffRuleAndSeverityWorstFirst() {
        Report report = new Report(AS_OF, List.of(
                family("unanswered-input", Severity.HIGH, "f-1", List.of("sch-1"), List.of("t-1")),
                family("message-overload", Severity.LOW, "f-1", List.of("sch-1", "sch-2"), List.of()),
                family("message-overload", Severity.LOW, "f-2", List.of("sch-2"), List.of()),
                family("message-overload", Severity.LOW, "f-3", List.of("sch-2"), List.of()),
                Finding.ofBroadcast("untranslated-broadcast", Category.ACCESS, Severity.HIGH, "b-1", List.of("k-9"),
                        null, "m").withAttribution(List.of("sch-2"), List.of())));

        Summary summary = Summary.of(report, 0.05);

        // sch-2 has more findings, but sch-1 and sch-2 have one high each: then most findings first.
        assertThat(summary.bySchool()).extracting(Rollup::key).containsExactly("sch-2", "sch-1");
        Rollup sch2 = summary.bySchool().get(0);
        assertThat(sch2.findings()).isEqualTo(4);
        assertThat(sch2.high()).isEqualTo(1);
        assertThat(sch2.low()).isEqualTo(3);
        assertThat(sch2.families()).isEqualTo(3);
        assertThat(sch2.rules()).containsExactly(java.util.Map.entry("message-overload", 3),
                java.util.Map.entry("untranslated-broadcast", 1));
        assertThat(summary.byStaff()).extracting(Rollup::key).containsExactly("t-1");
        assertThat(summary.byBroadcast()).extracting(Rollup::key).containsExactly("b-1");
        assertThat(summary.byRule()).extracting(Rollup::key)
                .containsExactly("unanswered-input", "untranslated-broadcast", "message-overload");
        assertThat(summary.bySeverity()).extracting(Rollup::key, Rollup::findings)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HIGH", 2),
                        org.assertj.core.groups.Tuple.tuple("MEDIUM", 0),
                        org.assertj.core.groups.Tuple.tuple("LOW", 3));
    }

    @Test
    void aFamilyCountsOnceUnderAKeyHoweverFarApartItsFindingsAre() {
        // In the report's order (by rule, then family) f-1's two findings at sch-1 are not neighbours.
        Report report = new Report(AS_OF, List.of(
                family("channel-mismatch", Severity.MEDIUM, "f-1", List.of("sch-1"), List.of("t-1")),
                family("channel-mismatch", Severity.MEDIUM, "f-2", List.of("sch-1"), List.of("t-1")),
                family("deficit-only-contact", Severity.MEDIUM, "f-1", List.of("sch-1"), List.of("t-1")),
                Finding.ofBroadcast("untranslated-broadcast", Category.ACCESS, Severity.HIGH, "b-1", List.of("k-9"),
                        null, "m").withAttribution(List.of("sch-1"), List.of())));

        Summary summary = Summary.of(report, 0.05);

        assertThat(summary.bySchool()).extracting(Rollup::key, Rollup::findings, Rollup::families)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sch-1", 4, 2));
        assertThat(summary.byStaff()).extracting(Rollup::families).containsExactly(2);
        assertThat(summary.bySeverity()).extracting(Rollup::families).containsExactly(0, 2, 0);
        assertThat(summary.byRule()).extracting(Rollup::key, Rollup::families).containsExactly(
                org.assertj.core.groups.Tuple.tuple("untranslated-broadcast", 0),
                org.assertj.core.groups.Tuple.tuple("channel-mismatch", 2),
                org.assertj.core.groups.Tuple.tuple("deficit-only-contact", 1));
    }

    @Test
    void theEquityTableHasEveryLabelWithItsFlagBestRateFirst() {
        Group so = new Group("homeLanguage", "so");
        Finding gap = Finding.ofGroup("group-reach-disparity", Category.EQUITY, Severity.HIGH, so,
                new Metrics(30, 0.3, "en", 0.9, 0.33, 0.03), "m");
        Report report = new Report(AS_OF, List.of(gap), null, List.of(
                new LabelRate("group-reach-disparity", new Group("homeLanguage", "en"), 100, 90, "en", 0.9),
                new LabelRate("group-reach-disparity", new Group("homeLanguage", "es"), 50, 40, "en", 0.9),
                new LabelRate("group-reach-disparity", so, 30, 9, "en", 0.9)));

        List<EquityRow> rows = Summary.of(report, 0.05).equity();

        assertThat(rows).extracting(r -> r.rate().group().label()).containsExactly("en", "es", "so");
        assertThat(rows.get(0).rate().isReference()).isTrue();
        assertThat(rows.get(1).flagged()).isFalse();
        assertThat(rows.get(2).finding()).isEqualTo(gap);
        assertThat(rows.get(2).borderline()).isTrue();
        assertThat(rows.get(2).rate().ratio()).isEqualTo(0.3 / 0.9);
        assertThat(Summary.of(report, 0.05).flagged()).hasSize(1);
    }
}
