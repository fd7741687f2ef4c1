package org.familyengagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.familyengagement.policy.Policy;
import org.junit.jupiter.api.Test;

class TriageTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    private static final Policy POLICY = Policy.defaults();
    /** Only by severity: ties fall back to the report's order. */
    private static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity).reversed();

    private static Finding family(String rule, Severity severity, String familyId, String... evidence) {
        return Finding.ofFamily(rule, Category.ACCESS, severity, familyId, List.of(evidence), "m")
                .withAttribution(List.of("sch-1"), List.of());
    }

    private static Finding gap(String label, double p) {
        return Finding.ofGroup("group-reach-disparity", Category.EQUITY, Severity.HIGH,
                new Group("homeLanguage", label), new Metrics(30, 0.3, "en", 0.9, 0.33, p), "m");
    }

    @Test
    void ranksFollowTheUrgencyOrderThenTheReportOrder() {
        Finding low = family("message-overload", Severity.LOW, "f-1", "k-1");
        Finding highB = family("unanswered-input", Severity.HIGH, "f-2", "k-2");
        Finding highA = family("unanswered-input", Severity.HIGH, "f-1", "k-3");
        Triage triage = Triage.of(new Report(AS_OF, List.of(low, highB, highA)), BY_SEVERITY, POLICY);

        assertThat(triage.entries()).extracting(Triage.Entry::finding).containsExactly(highA, highB, low);
        assertThat(triage.entries()).extracting(Triage.Entry::rank).containsExactly(1, 2, 3);
        assertThat(triage.entry(low).rank()).isEqualTo(3);
        assertThat(triage.entries()).extracting(Triage.Entry::status).containsOnlyNulls();
        assertThat(triage.baseline()).isEmpty();
        assertThat(triage.resolved()).isEmpty();
    }

    @Test
    void equalFindingsEachKeepTheirOwnRankAndAnEqualCopyFindsTheFirst() {
        // A custom rule may report the same thing twice: two findings, two ranks, none skipped.
        Finding first = family("my-rule", Severity.MEDIUM, "f-1", "k-1");
        Finding again = family("my-rule", Severity.MEDIUM, "f-1", "k-1");
        Finding urgent = family("unanswered-input", Severity.HIGH, "f-2", "k-2");
        Triage triage = Triage.of(new Report(AS_OF, List.of(first, again, urgent)), BY_SEVERITY, POLICY);

        assertThat(triage.entry(urgent).rank()).isEqualTo(1);
        assertThat(triage.entry(first).rank()).isEqualTo(2);
        assertThat(triage.entry(again).rank()).isEqualTo(3);
        assertThat(triage.entry(family("my-rule", Severity.MEDIUM, "f-1", "k-1")).rank()).isEqualTo(2);
    }

    @Test
    void againstABaselineFindingsAreNewOrPersistingAndTheGoneOnesResolvedById() {
        Finding kept = family("unanswered-input", Severity.HIGH, "f-1", "k-1");
        Finding gone = family("unanswered-input", Severity.HIGH, "f-2", "k-2");
        Finding added = family("unanswered-input", Severity.HIGH, "f-3", "k-3");
        // The same finding reworded and re-attributed is still the same finding (same id).
        Finding keptReworded = Finding.ofFamily("unanswered-input", Category.RESPONSIVENESS, Severity.HIGH, "f-1",
                List.of("k-1"), "another wording");
        Report before = new Report(AS_OF.minusSeconds(7 * 86_400), List.of(kept, gone));
        Report now = new Report(AS_OF, List.of(keptReworded, added));

        Triage triage = Triage.of(now, BY_SEVERITY, POLICY, before);

        assertThat(triage.entry(keptReworded).status()).isEqualTo(Status.PERSISTING);
        assertThat(triage.entry(added).status()).isEqualTo(Status.NEW);
        assertThat(triage.resolved()).containsExactly(gone);
        assertThat(triage.added()).extracting(Triage.Entry::finding).containsExactly(added);
        assertThat(triage.changes()).containsExactly(Map.entry(Status.NEW, 1), Map.entry(Status.PERSISTING, 1),
                Map.entry(Status.RESOLVED, 1));
    }

    @Test
    void aGapIsBorderlineWhenItsPValueIsWithinAFactorOfTwoOfAlpha() {
        // alpha = 0.05: borderline from 0.025 (inclusive); 0.0249 is clear.
        Finding clear = gap("so", 0.0249);
        Finding atHalf = gap("ht", 0.025);
        Finding close = gap("hmn", 0.049);
        Triage triage = Triage.of(new Report(AS_OF, List.of(clear, atHalf, close)), BY_SEVERITY, POLICY);

        assertThat(triage.entry(clear).borderline()).isFalse();
        assertThat(triage.entry(atHalf).borderline()).isTrue();
        assertThat(triage.entry(close).borderline()).isTrue();
        assertThat(new Metrics(1, 0, "en", 1, 0, 0.0999).isBorderline(0.05)).isTrue();
        assertThat(new Metrics(1, 0, "en", 1, 0, 0.1).isBorderline(0.05)).isFalse();
        // A family finding has no statistics to doubt.
        Finding plain = family("unanswered-input", Severity.HIGH, "f-1", "k-1");
        assertThat(Triage.of(new Report(AS_OF, List.of(plain)), BY_SEVERITY, POLICY).entry(plain).borderline())
                .isFalse();
    }

    @Test
    void aFindingOfAnotherReportHasNoEntry() {
        Triage triage = Triage.of(new Report(AS_OF, List.of()), BY_SEVERITY, POLICY);

        assertThatThrownBy(() -> triage.entry(family("r", Severity.LOW, "f-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finding of this report");
    }
}
