package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.RuleOutcome;
import org.familyengagement.testkit.RuleVerifier;
import org.junit.jupiter.api.Test;

/**
 * {@code group-reach-disparity}: per label of a group dimension, the share of its families
 * reached by at least one delivered outbound two-way contact in the window. A label is flagged
 * against the reference (the eligible label with the highest rate, ties alphabetical) when the
 * reference rate is above zero, its rate is below 0.8 x the reference's, and the one-sided Fisher
 * exact test gives p < 0.05. Labels carried by fewer than 10 families are never named or counted.
 *
 * <p>The p-values expected here are computed independently, with Apache Commons Statistics.
 */
class GroupReachDisparityTest {
    private static final String RULE = "group-reach-disparity";
    private static final String DIMENSION = "homeLanguage";

    @Test
    void aLabelReachedFarLessOftenThanTheReferenceIsFlagged() {
        List<Finding> so = VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 10), label("so", 10, 2)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so")
                .withEvidence()
                .withCategory(Category.EQUITY)
                .withSeverity(Severity.HIGH)
                .withMetrics(new Metrics(10, 0.2, "en", 1.0, 0.2, lowerTailP(2, 10, 10, 10)))
                .findings();

        assertThat(so).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("Families with homeLanguage \"so\" were reached two-way at 20%, "
                        + "against 100% for \"en\" (ratio 0.20, p < 0.001)."));
    }

    @Test
    void theMetricsAreTheLabelsRateTheReferencesAndTheFisherTest() {
        VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 12, 11), label("es", 15, 6), label("vi", 10, 9)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "es")
                .withMetrics(new Metrics(
                        15,                             // n: the label's families
                        6 / 15.0,                       // its rate
                        "en", 11 / 12.0,                // the reference and its rate
                        (6 / 15.0) / (11 / 12.0),       // the ratio
                        lowerTailP(6, 15, 11, 12)));    // the one-sided Fisher exact test
    }

    @Test
    void aLabelCloseToTheReferenceIsNotFlagged() {
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 10), label("so", 10, 9))).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void nothingIsFlaggedWhenNoLabelIsReached() {
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 0), label("so", 10, 0))).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void onlyDeliveredOutboundTwoWayContactsInTheWindowReachAFamily() {
        List<Object> facts = labels(label("en", 10, 10));
        for (int i = 0; i < 10; i++) {
            String family = "f-so-" + i;
            facts.add(F.family(family).group(DIMENSION, "so"));
            facts.add(F.broadcast("b-so-" + i, family, "2026-11-10T10:00"));
            facts.add(F.call("k-so-" + i, family, "2026-11-10T11:00").undelivered());
            facts.add(F.question("q-so-" + i, family, "2026-11-10T12:00"));
            facts.add(F.call("old-so-" + i, family, "2026-10-01T10:00"));
        }
        // A reciprocal contact reaches: the en families are reached by a class-app thread as well.
        facts.add(F.contact("r-en-0", "f-en-0", "2026-11-10T10:00", Direction.OUTBOUND, Channel.APP)
                .mode(Mode.RECIPROCAL));

        Finding so = VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").findings().get(0);
        assertThat(so.metrics().rate()).isZero();
    }

    // ---- eligibility: at least minGroupSize families ----------------------------------------

    @Test
    void aLabelOfNineFamiliesIsNeverNamedOrCounted() {
        // ne, with 9 families, is reached best and worst; it must be neither reference nor subject.
        RuleOutcome nineNeReachedBest = VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 9), label("so", 10, 2), label("ne", 9, 9)))
                .asOf(AS_OF);
        assertNeverMentioned(nineNeReachedBest.findings(), "ne");
        Finding so = nineNeReachedBest.hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").withReferenceLabel("en").findings().get(0);
        assertThat(so.metrics().referenceRate()).isEqualTo(0.9);

        // ne would be flagged with one more family.
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 10), label("ne", 9, 0))).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void aLabelOfTenFamiliesIsEligible() {
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 10), label("ne", 10, 0))).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "ne");
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 9), label("so", 10, 2), label("ne", 10, 10)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").withReferenceLabel("ne");
    }

    @Test
    void theMinimumGroupSizeComesFromThePolicy() {
        RuleVerifier twelve = verifier(Policy.defaults().withDisparity(new Policy.Disparity(0.8, 0.05, 12)));

        twelve.verifyThat(RULE).given(labels(label("en", 12, 12), label("so", 11, 1))).asOf(AS_OF).doesNotFlag();
        twelve.verifyThat(RULE).given(labels(label("en", 12, 12), label("so", 12, 1))).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so");
    }

    // ---- the reference ----------------------------------------------------------------------

    @Test
    void aTieForTheHighestRateGoesToTheAlphabeticallyFirstLabel() {
        VERIFIER.verifyThat(RULE).given(labels(label("so", 10, 2), label("en", 10, 10), label("ar", 10, 10)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").withReferenceLabel("ar");
    }

    @Test
    void labelsAreComparedWithinTheirOwnDimension() {
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "f-" + i;
            boolean frl = i < 10;
            facts.add(F.family(id).group("income", frl ? "frl" : "not-frl").group(DIMENSION, i % 2 == 0 ? "en" : "es"));
            if (!frl || i < 2) {
                facts.add(F.call("k-" + i, id, "2026-11-10T10:00"));
            }
        }

        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup("income", "frl").withReferenceLabel("not-frl");
    }

    // ---- the thresholds ---------------------------------------------------------------------

    @Test
    void aRatioOfExactlyFourFifthsIsNotFlagged() {
        // 60/100 = 0.6 against 60/80 = 0.75 is exactly 4/5 (in doubles 0.6 / 0.75 = 0.7999999999999999),
        // with p well below alpha: only the ratio decides.
        assertThat(lowerTailP(60, 100, 60, 80)).isLessThan(0.05);
        VERIFIER.verifyThat(RULE).given(labels(label("en", 80, 60), label("es", 100, 60))).asOf(AS_OF).doesNotFlag();

        Finding es = VERIFIER.verifyThat(RULE).given(labels(label("en", 80, 60), label("es", 100, 59))).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "es").findings().get(0);
        assertThat(es.metrics().ratio()).isLessThan(0.8);
    }

    @Test
    void aPValueJustAboveAlphaIsNotFlagged() {
        // 7/14 against 9/10: ratio 0.56, p = 0.0507.
        double p = lowerTailP(7, 14, 9, 10);
        assertThat(p).isBetween(0.05, 0.051);
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 9), label("so", 14, 7))).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 9), label("so", 14, 6))).asOf(AS_OF)
                .hasFindingCount(1);

        // The comparison is strict: p equal to alpha is not below it.
        verifier(alpha(p)).verifyThat(RULE).given(labels(label("en", 10, 9), label("so", 14, 7))).asOf(AS_OF)
                .doesNotFlag();
        Finding so = verifier(alpha(Math.nextUp(p))).verifyThat(RULE)
                .given(labels(label("en", 10, 9), label("so", 14, 7))).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").findings().get(0);
        assertThat(so.metrics().pValue()).isEqualTo(p);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** {@code families} families of a label, the first {@code reached} of them called once. */
    record Label(String name, int families, int reached) {
    }

    static Label label(String name, int families, int reached) {
        return new Label(name, families, reached);
    }

    /** The facts of labels of {@code homeLanguage}: their families, and a call to each reached one. */
    static List<Object> labels(Label... labels) {
        List<Object> facts = new ArrayList<>();
        for (Label label : labels) {
            for (int i = 0; i < label.families(); i++) {
                String family = "f-" + label.name() + "-" + i;
                facts.add(F.family(family).group(DIMENSION, label.name()));
                if (i < label.reached()) {
                    facts.add(F.call("k-" + label.name() + "-" + i, family, "2026-11-10T10:00"));
                }
            }
        }
        return facts;
    }

    /** The default disparity thresholds with another alpha. */
    static Policy alpha(double alpha) {
        return Policy.defaults().withDisparity(new Policy.Disparity(0.8, alpha, 10));
    }

    /** The one-sided Fisher exact test, computed here with Apache Commons Statistics. */
    static double lowerTailP(int successes, int n, int referenceSuccesses, int referenceN) {
        int[][] table = {{successes, n - successes}, {referenceSuccesses, referenceN - referenceSuccesses}};
        return FisherExactTest.withDefaults().with(AlternativeHypothesis.LESS_THAN).test(table).getPValue();
    }

    /** No finding names the label: not as its group, not as the reference, not in a message. */
    static void assertNeverMentioned(List<Finding> findings, String label) {
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.group().label()).isNotEqualTo(label);
            assertThat(f.metrics().referenceLabel()).isNotEqualTo(label);
            assertThat(f.message()).doesNotContain("\"" + label + "\"");
        });
    }
}
