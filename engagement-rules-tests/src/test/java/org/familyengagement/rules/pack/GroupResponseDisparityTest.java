package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.verifier;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.alpha;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.assertNeverMentioned;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.lowerTailP;

import java.util.ArrayList;
import java.util.List;

import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.familyengagement.testkit.RuleOutcome;
import org.junit.jupiter.api.Test;

/**
 * {@code group-response-disparity}: per label, the share of due inputs (inbound, awaiting a
 * reply, in the window, deadline at or before {@code asOf}) answered on time ({@code reply.at <
 * deadline}). n counts inputs; a label is eligible when its due inputs come from at least 10
 * distinct families. Flagged like {@code group-reach-disparity}.
 *
 * <p>Every input here is a question on Friday 13 November, 14:00 or a few minutes later, due at
 * the start of Wednesday 18 November. A reply on time comes on Tuesday; a late one exactly at
 * the deadline.
 */
class GroupResponseDisparityTest {
    private static final String RULE = "group-response-disparity";
    private static final String DIMENSION = "homeLanguage";
    private static final String DEADLINE = "2026-11-18T00:00";
    private static final String ON_TIME = "2026-11-17T10:00";

    @Test
    void aLabelWhoseInputIsAnsweredLateFarMoreOftenIsFlagged() {
        // so: 10 families, 2 questions each, 4 of the 20 answered on time.
        List<Finding> so = VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 1, 10), label("so", 10, 2, 4)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so")
                .withEvidence()
                .withCategory(Category.EQUITY)
                .withSeverity(Severity.HIGH)
                // n counts inputs, not families.
                .withMetrics(new Metrics(20, 0.2, "en", 1.0, 0.2, lowerTailP(4, 20, 10, 10)))
                .findings();

        assertThat(so).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("Input from families with homeLanguage \"so\" was answered on time "
                        + "20% of the time, against 100% for \"en\" (ratio 0.20, p < 0.001)."));
    }

    @Test
    void aReplyExactlyAtTheDeadlineIsLate() {
        Finding so = VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 1, 10), label("so", 10, 1, 0)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").findings().get(0);
        assertThat(so.metrics().rate()).isZero();

        // A second before it.
        List<Object> facts = new ArrayList<>();
        add(facts, label("en", 10, 1, 10), ON_TIME);
        add(facts, label("so", 10, 1, 0), "2026-11-17T23:59:59");
        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void anUnansweredInputIsNotAnsweredOnTime() {
        List<Object> facts = new ArrayList<>();
        add(facts, label("en", 10, 1, 10), ON_TIME);
        add(facts, label("so", 10, 1, 2), null);

        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so")
                .withMetrics(new Metrics(10, 0.2, "en", 1.0, 0.2, lowerTailP(2, 10, 10, 10)));
    }

    @Test
    void onlyDueInputsInTheWindowCount() {
        List<Object> facts = new ArrayList<>();
        add(facts, label("en", 10, 1, 10), DEADLINE);
        add(facts, label("so", 10, 1, 2), DEADLINE);
        for (int i = 0; i < 10; i++) {
            String family = "f-so-" + i;
            // Not due yet (deadline Tuesday 24 November), before the window, awaiting nothing.
            facts.add(F.question("q-new-" + i, family, "2026-11-19T10:00"));
            facts.add(F.question("q-old-" + i, family, "2026-10-01T10:00"));
            facts.add(F.note("q-fyi-" + i, family, "2026-11-13T10:00"));
        }

        Finding so = VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").findings().get(0);
        assertThat(so.metrics().n()).isEqualTo(10);
        assertThat(so.metrics().rate()).isEqualTo(0.2);
    }

    // ---- eligibility: inputs from at least minGroupSize families -----------------------------

    @Test
    void aLabelWhoseInputsComeFromNineFamiliesIsNeverNamedOrCounted() {
        // ne is carried by 12 families, but only 9 of them asked anything (27 inputs, none on time).
        List<Object> facts = new ArrayList<>();
        add(facts, label("en", 10, 1, 9), ON_TIME);
        add(facts, label("so", 10, 1, 2), DEADLINE);
        add(facts, label("ne", 9, 3, 0), DEADLINE);
        facts.add(F.family("f-ne-quiet-1").group(DIMENSION, "ne"));
        facts.add(F.family("f-ne-quiet-2").group(DIMENSION, "ne"));
        facts.add(F.family("f-ne-quiet-3").group(DIMENSION, "ne"));

        RuleOutcome outcome = VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF);
        outcome.hasFindingCount(1).flagsGroup(DIMENSION, "so");
        assertNeverMentioned(outcome.findings(), "ne");
    }

    @Test
    void aLabelWhoseInputsComeFromTenFamiliesIsEligible() {
        List<Finding> found = VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 1, 9), label("so", 10, 1, 2), label("ne", 10, 3, 0)))
                .asOf(AS_OF)
                .findings();

        assertThat(found).extracting(f -> f.group().label(), f -> f.metrics().n())
                .containsExactly(tuple("ne", 30),
                        tuple("so", 10));
    }

    @Test
    void aNineFamilyLabelWithThePerfectRateIsNotTheReference() {
        RuleOutcome outcome = VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 1, 9), label("so", 10, 1, 2), label("ne", 9, 2, 18)))
                .asOf(AS_OF);

        Finding so = outcome.hasFindingCount(1).flagsGroup(DIMENSION, "so").withReferenceLabel("en")
                .findings().get(0);
        assertThat(so.metrics().referenceRate()).isEqualTo(0.9);
        assertNeverMentioned(outcome.findings(), "ne");
    }

    // ---- the reference and the thresholds ---------------------------------------------------

    @Test
    void aTieForTheHighestRateGoesToTheAlphabeticallyFirstLabel() {
        VERIFIER.verifyThat(RULE)
                .given(labels(label("vi", 10, 1, 10), label("so", 10, 1, 1), label("ar", 10, 2, 20)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").withReferenceLabel("ar");
    }

    @Test
    void aRatioOfExactlyFourFifthsIsNotFlagged() {
        // 60/100 against 60/80: exactly 0.8, with p = 0.024.
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 8, 60), label("es", 10, 10, 60))).asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE).given(labels(label("en", 10, 8, 60), label("es", 10, 10, 59))).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "es")
                .withMetrics(new Metrics(100, 0.59, "en", 0.75, 0.59 / 0.75, lowerTailP(59, 100, 60, 80)));
    }

    @Test
    void aPValueJustAboveAlphaIsNotFlagged() {
        // 1/10 against 7/14: ratio 0.2, p = 0.0507.
        double p = lowerTailP(1, 10, 7, 14);
        assertThat(p).isBetween(0.05, 0.051);
        VERIFIER.verifyThat(RULE).given(labels(label("en", 14, 1, 7), label("so", 10, 1, 1))).asOf(AS_OF)
                .doesNotFlag();
        Finding so = verifier(alpha(Math.nextUp(p))).verifyThat(RULE)
                .given(labels(label("en", 14, 1, 7), label("so", 10, 1, 1))).asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so").findings().get(0);
        assertThat(so.metrics().pValue()).isEqualTo(p);
        VERIFIER.verifyThat(RULE).given(labels(label("en", 14, 1, 7), label("so", 10, 1, 0))).asOf(AS_OF)
                .hasFindingCount(1);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * {@code families} families of a label, each asking {@code inputsEach} questions; the first
     * {@code onTime} questions are answered on time, the others exactly at the deadline.
     */
    record Label(String name, int families, int inputsEach, int onTime) {
    }

    static Label label(String name, int families, int inputsEach, int onTime) {
        return new Label(name, families, inputsEach, onTime);
    }

    /** The facts of labels whose replies not on time come exactly at the deadline. */
    private static List<Object> labels(Label... labels) {
        List<Object> facts = new ArrayList<>();
        for (Label label : labels) {
            add(facts, label, DEADLINE);
        }
        return facts;
    }

    /** Adds a label's families and questions; replies not on time come at {@code lateReply}, or never. */
    private static void add(List<Object> facts, Label label, String lateReply) {
        int input = 0;
        for (int f = 0; f < label.families(); f++) {
            String family = "f-" + label.name() + "-" + f;
            facts.add(F.family(family).group(DIMENSION, label.name()));
            for (int q = 0; q < label.inputsEach(); q++, input++) {
                ContactSpec question = F.question("q-" + label.name() + "-" + f + "-" + q, family,
                        "2026-11-13T14:" + String.format("%02d", q));
                facts.add(question);
                String replyAt = input < label.onTime() ? ON_TIME : lateReply;
                if (replyAt != null) {
                    facts.add(F.replyTo(question, "rq-" + label.name() + "-" + f + "-" + q, replyAt));
                }
            }
        }
    }
}
