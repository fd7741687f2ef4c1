package org.familyengagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FindingTest {
    private static Finding unanswered(String familyId, List<String> evidence, String message) {
        return Finding.ofFamily("unanswered-input", Category.RESPONSIVENESS, Severity.HIGH, familyId, evidence,
                message);
    }

    @Test
    void theIdIsTheTruncatedSha256OfRuleSubjectAndEvidence() {
        // sha256("unanswered-input\nfamily\nf-1\nk-7"), first 16 hex digits: the same on every machine.
        assertThat(unanswered("f-1", List.of("k-7"), "m").id()).isEqualTo("a3af16e75e5bd1ed")
                .hasSize(Finding.ID_LENGTH);
    }

    @Test
    void theIdIgnoresMessageSeverityAndAttributionButNotSubjectOrEvidence() {
        Finding base = unanswered("f-1", List.of("k-7"), "m");

        assertThat(unanswered("f-1", List.of("k-7"), "another wording").id()).isEqualTo(base.id());
        assertThat(base.withAttribution(List.of("sch-1"), List.of("st-1")).id()).isEqualTo(base.id());
        assertThat(unanswered("f-2", List.of("k-7"), "m").id()).isNotEqualTo(base.id());
        assertThat(unanswered("f-1", List.of("k-8"), "m").id()).isNotEqualTo(base.id());
        assertThat(unanswered("f-1", List.of("k-7", "k-8"), "m").id()).isNotEqualTo(base.id());
    }

    @Test
    void aFamilyAndABroadcastOfTheSameIdAreDifferentSubjects() {
        Finding family = Finding.ofFamily("r", Category.ACCESS, Severity.HIGH, "x", List.of(), "m");
        Finding broadcast = Finding.ofBroadcast("r", Category.ACCESS, Severity.HIGH, "x", List.of(), null, "m");

        assertThat(family.id()).isNotEqualTo(broadcast.id());
    }

    @Test
    void attributionIsSortedAndDistinct() {
        Finding finding = unanswered("f-1", List.of("k-7"), "m")
                .withAttribution(List.of("sch-2", "sch-1", "sch-2"), List.of("st-9", "st-1"));

        assertThat(finding.schoolIds()).containsExactly("sch-1", "sch-2");
        assertThat(finding.staffIds()).containsExactly("st-1", "st-9");
    }

    @Test
    void aFindingHasExactlyOneSubject() {
        assertThatThrownBy(() -> new Finding("r", Category.ACCESS, Severity.LOW, "f-1", null, "b-1", List.of(),
                List.of(), List.of(), "m", null, null)).hasMessageContaining("exactly one family, one group or one broadcast");
        assertThatThrownBy(() -> new Finding("r", Category.ACCESS, Severity.LOW, null, null, null, List.of(),
                List.of(), List.of(), "m", null, null)).hasMessageContaining("exactly one");
    }

    @Test
    void groupFindingsAreNotAttributed() {
        Finding group = Finding.ofGroup("g", Category.EQUITY, Severity.HIGH, new Group("d", "l"),
                new Metrics(10, 0.1, "m", 0.9, 0.1 / 0.9, 0.01), "m");

        assertThatThrownBy(() -> group.withAttribution(List.of("sch-1"), List.of()))
                .hasMessageContaining("must carry no schoolIds or staffIds");
    }

    @Test
    void broadcastMetricsBelongToBroadcastFindingsOnly() {
        BroadcastMetrics metrics = new BroadcastMetrics(5, 9, List.of("so"));

        assertThatThrownBy(() -> new Finding("r", Category.ACCESS, Severity.LOW, "f-1", null, null, List.of(),
                List.of(), List.of(), "m", null, metrics)).hasMessageContaining("not about a broadcast");
        assertThat(metrics.languages()).containsExactly("so");
        assertThat(new BroadcastMetrics(5, 9, List.of("vi", "so", "vi")).languages()).containsExactly("so", "vi");
    }
}
