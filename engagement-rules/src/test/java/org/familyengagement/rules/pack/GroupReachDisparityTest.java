package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code group-reach-disparity}: per label of a group dimension, the share of its families
 * reached by at least one delivered outbound two-way contact in the window. A label is flagged
 * against the reference (the eligible label with the highest rate, ties alphabetical) when the
 * reference rate is above zero, its rate is below 0.8 x the reference's, and the one-sided Fisher
 * exact test gives p < 0.05. Labels carried by fewer than 10 families are never named or counted.
 */
class GroupReachDisparityTest {
    private static final String RULE = "group-reach-disparity";
    private static final String DIMENSION = "homeLanguage";

    @Test
    void aLabelReachedFarLessOftenThanTheReferenceIsFlagged() {
        List<Finding> found = findings(RULE, dataset(label("en", 10, 10), label("so", 10, 2)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.EQUITY);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.group()).isEqualTo(new Group(DIMENSION, "so"));
            assertThat(f.familyId()).isNull();
            assertThat(f.evidence()).isEmpty();
            assertThat(f.metrics()).isEqualTo(new Metrics(10, 0.2, "en", 1.0, 0.2, lowerTailP(2, 10, 10, 10)));
            assertThat(f.message()).startsWith("Families with homeLanguage \"so\" were reached two-way at 20%, "
                    + "against 100% for \"en\" (ratio 0.20, p = ");
        });
    }

    @Test
    void theMetricsAreTheLabelsRateTheReferencesAndTheFisherTest() {
        List<Finding> found = findings(RULE, dataset(label("en", 12, 11), label("es", 15, 6), label("vi", 10, 9)));

        assertThat(found).singleElement().satisfies(f -> {
            Metrics m = f.metrics();
            assertThat(f.group().label()).isEqualTo("es");
            assertThat(m.n()).isEqualTo(15);
            assertThat(m.rate()).isEqualTo(6 / 15.0);
            assertThat(m.referenceLabel()).isEqualTo("en");
            assertThat(m.referenceRate()).isEqualTo(11 / 12.0);
            assertThat(m.ratio()).isEqualTo((6 / 15.0) / (11 / 12.0));
            assertThat(m.pValue()).isEqualTo(lowerTailP(6, 15, 11, 12));
        });
    }

    @Test
    void aLabelCloseToTheReferenceIsNotFlagged() {
        assertThat(findings(RULE, dataset(label("en", 10, 10), label("so", 10, 9)))).isEmpty();
    }

    @Test
    void nothingIsFlaggedWhenNoLabelIsReached() {
        assertThat(findings(RULE, dataset(label("en", 10, 0), label("so", 10, 0)))).isEmpty();
    }

    @Test
    void onlyDeliveredOutboundTwoWayContactsInTheWindowReachAFamily() {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        addLabel(families, contacts, label("en", 10, 10));
        for (int i = 0; i < 10; i++) {
            String family = "f-so-" + i;
            families.add(Facts.family(family, DIMENSION, "so"));
            contacts.add(Facts.broadcast(family, "b-so-" + i, "2026-11-10T10:00").build());
            contacts.add(Facts.call(family, "k-so-" + i, "2026-11-10T11:00").delivered(false).build());
            contacts.add(Facts.question(family, "q-so-" + i, "2026-11-10T12:00").build());
            contacts.add(Facts.call(family, "old-so-" + i, "2026-10-01T10:00").build());
        }
        // A reciprocal contact reaches: the en families are reached by a class-app thread as well.
        contacts.add(Facts.outbound("f-en-0", "r-en-0", "2026-11-10T10:00", Channel.APP).mode(Mode.RECIPROCAL)
                .build());

        assertThat(findings(RULE, Facts.dataset(families, contacts, List.of()))).singleElement()
                .satisfies(f -> assertThat(f.metrics().rate()).isZero());
    }

    // ---- eligibility: at least minGroupSize families ----------------------------------------

    @Test
    void aLabelOfNineFamiliesIsNeverNamedOrCounted() {
        // ne, with 9 families, is reached best and worst; it must be neither reference nor subject.
        assertNeverMentioned(findings(RULE, dataset(label("en", 10, 9), label("so", 10, 2), label("ne", 9, 9))),
                "ne");
        assertThat(findings(RULE, dataset(label("en", 10, 10), label("ne", 9, 0))))
                .as("ne would be flagged with one more family").isEmpty();

        assertThat(findings(RULE, dataset(label("en", 10, 9), label("so", 10, 2), label("ne", 9, 9))))
                .singleElement().satisfies(f -> {
                    assertThat(f.group().label()).isEqualTo("so");
                    assertThat(f.metrics().referenceLabel()).isEqualTo("en");
                    assertThat(f.metrics().referenceRate()).isEqualTo(0.9);
                });
    }

    @Test
    void aLabelOfTenFamiliesIsEligible() {
        assertThat(findings(RULE, dataset(label("en", 10, 10), label("ne", 10, 0)))).singleElement()
                .extracting(f -> f.group().label()).isEqualTo("ne");
        assertThat(findings(RULE, dataset(label("en", 10, 9), label("so", 10, 2), label("ne", 10, 10))))
                .singleElement().satisfies(f -> {
                    assertThat(f.group().label()).isEqualTo("so");
                    assertThat(f.metrics().referenceLabel()).isEqualTo("ne");
                });
    }

    @Test
    void theMinimumGroupSizeComesFromThePolicy() {
        Policy twelve = Policy.defaults().withDisparity(new Policy.Disparity(0.8, 0.05, 12));

        assertThat(findings(RULE, dataset(label("en", 12, 12), label("so", 11, 1)), twelve)).isEmpty();
        assertThat(findings(RULE, dataset(label("en", 12, 12), label("so", 12, 1)), twelve)).singleElement();
    }

    // ---- the reference ----------------------------------------------------------------------

    @Test
    void aTieForTheHighestRateGoesToTheAlphabeticallyFirstLabel() {
        List<Finding> found = findings(RULE, dataset(label("so", 10, 2), label("en", 10, 10), label("ar", 10, 10)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.group().label()).isEqualTo("so");
            assertThat(f.metrics().referenceLabel()).isEqualTo("ar");
        });
    }

    @Test
    void labelsAreComparedWithinTheirOwnDimension() {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "f-" + i;
            boolean frl = i < 10;
            families.add(new Family(id, List.of(), List.of(), Facts.spanishBySms(),
                    Map.of("income", frl ? "frl" : "not-frl", DIMENSION, i % 2 == 0 ? "en" : "es")));
            if (!frl || i < 2) {
                contacts.add(Facts.call(id, "k-" + i, "2026-11-10T10:00").build());
            }
        }

        assertThat(findings(RULE, Facts.dataset(families, contacts, List.of()))).singleElement()
                .satisfies(f -> {
                    assertThat(f.group()).isEqualTo(new Group("income", "frl"));
                    assertThat(f.metrics().referenceLabel()).isEqualTo("not-frl");
                });
    }

    // ---- the thresholds ---------------------------------------------------------------------

    @Test
    void aRatioOfExactlyFourFifthsIsNotFlagged() {
        // 60/100 = 0.6 against 60/80 = 0.75 is exactly 4/5 (in doubles 0.6 / 0.75 = 0.7999999999999999),
        // with p well below alpha: only the ratio decides.
        assertThat(lowerTailP(60, 100, 60, 80)).isLessThan(0.05);
        assertThat(findings(RULE, dataset(label("en", 80, 60), label("es", 100, 60)))).isEmpty();

        assertThat(findings(RULE, dataset(label("en", 80, 60), label("es", 100, 59)))).singleElement()
                .satisfies(f -> assertThat(f.metrics().ratio()).isLessThan(0.8));
    }

    @Test
    void aPValueJustAboveAlphaIsNotFlagged() {
        // 7/14 against 9/10: ratio 0.56, p = 0.0507.
        double p = lowerTailP(7, 14, 9, 10);
        assertThat(p).isBetween(0.05, 0.051);
        assertThat(findings(RULE, dataset(label("en", 10, 9), label("so", 14, 7)))).isEmpty();
        assertThat(findings(RULE, dataset(label("en", 10, 9), label("so", 14, 6)))).singleElement();

        // The comparison is strict: p equal to alpha is not below it.
        assertThat(findings(RULE, dataset(label("en", 10, 9), label("so", 14, 7)), alpha(p))).isEmpty();
        assertThat(findings(RULE, dataset(label("en", 10, 9), label("so", 14, 7)), alpha(Math.nextUp(p))))
                .singleElement().satisfies(f -> assertThat(f.metrics().pValue()).isEqualTo(p));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** {@code families} families of a label, the first {@code reached} of them called once. */
    record Label(String name, int families, int reached) {
    }

    static Label label(String name, int families, int reached) {
        return new Label(name, families, reached);
    }

    static Dataset dataset(Label... labels) {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (Label label : labels) {
            addLabel(families, contacts, label);
        }
        return Facts.dataset(families, contacts, List.of());
    }

    private static void addLabel(List<Family> families, List<Contact> contacts, Label label) {
        for (int i = 0; i < label.families(); i++) {
            String family = "f-" + label.name() + "-" + i;
            families.add(Facts.family(family, DIMENSION, label.name()));
            if (i < label.reached()) {
                contacts.add(Facts.call(family, "k-" + label.name() + "-" + i, "2026-11-10T10:00").build());
            }
        }
    }

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
