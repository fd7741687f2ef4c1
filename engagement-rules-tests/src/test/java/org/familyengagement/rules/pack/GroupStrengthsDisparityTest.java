package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.lowerTailP;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import java.util.ArrayList;
import java.util.List;

import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code group-strengths-disparity}: v1's group machinery on a third rate: among the families of a
 * label reached by a delivered outbound two-way contact in the window, the share that had a
 * positive one. n is those families; a label with fewer than 10 of them is not eligible.
 */
class GroupStrengthsDisparityTest {
    private static final String RULE = "group-strengths-disparity";
    private static final String DIMENSION = "homeLanguage";

    /** A label: families reached by a call, {@code positive} of them with good news; {@code unreached} more not called. */
    private record Label(String name, int reached, int positive, int unreached) {
    }

    private static Label label(String name, int reached, int positive) {
        return new Label(name, reached, positive, 0);
    }

    private static List<Object> labels(Label... labels) {
        List<Object> facts = new ArrayList<>();
        for (Label label : labels) {
            for (int i = 0; i < label.reached() + label.unreached(); i++) {
                String family = "f-" + label.name() + "-" + i;
                facts.add(F.family(family).group(DIMENSION, label.name()));
                if (i < label.reached()) {
                    var call = F.call("k-" + label.name() + "-" + i, family, "2026-11-10T10:00");
                    facts.add(i < label.positive() ? call.positive() : call.concern());
                }
            }
        }
        return facts;
    }

    @Test
    void aLabelThatHearsGoodNewsFarLessOftenIsFlagged() {
        List<Finding> so = VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 10), label("so", 10, 2)))
                .asOf(AS_OF)
                .hasFindingCount(1)
                .flagsGroup(DIMENSION, "so")
                .withEvidence()
                .withCategory(Category.EQUITY)
                .withSeverity(Severity.MEDIUM)
                .withMetrics(new Metrics(10, 0.2, "en", 1.0, 0.2, lowerTailP(2, 10, 10, 10)))
                .findings();

        assertThat(so).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Families with homeLanguage \"so\" reached two-way heard something"
                    + " positive 20% of the time, against 100% for \"en\" (ratio 0.20, p < 0.001).");
            assertThat(f.schoolIds()).isEmpty();
            assertThat(f.staffIds()).isEmpty();
        });
    }

    @Test
    void familiesNotReachedAreNotCounted() {
        // 20 "so" families, 10 of them reached: n = 10, not 20, and the rate is 2 of 10.
        VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 10), new Label("so", 10, 2, 10)))
                .asOf(AS_OF)
                .flagsGroup(DIMENSION, "so")
                .withMetrics(new Metrics(10, 0.2, "en", 1.0, 0.2, lowerTailP(2, 10, 10, 10)));
    }

    @Test
    void aLabelWithTooFewReachedFamiliesIsNotEligible() {
        VERIFIER.verifyThat(RULE)
                .given(labels(label("en", 10, 10), new Label("so", 9, 0, 10)))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void fourFifthsOfTheReferenceRateIsNotBelowIt() {
        VERIFIER.verifyThat(RULE).given(labels(label("en", 30, 30), label("so", 30, 24))).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(labels(label("en", 30, 30), label("so", 30, 23))).asOf(AS_OF)
                .flagsGroup(DIMENSION, "so");
    }
}
