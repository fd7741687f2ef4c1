package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.alpha;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.assertNeverMentioned;
import static org.familyengagement.rules.pack.GroupReachDisparityTest.lowerTailP;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;
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
    private static final Instant DEADLINE = Facts.at("2026-11-18T00:00");
    private static final Instant ON_TIME = Facts.at("2026-11-17T10:00");

    @Test
    void aLabelWhoseInputIsAnsweredLateFarMoreOftenIsFlagged() {
        // so: 10 families, 2 questions each, 4 of the 20 answered on time.
        List<Finding> found = findings(RULE, dataset(label("en", 10, 1, 10), label("so", 10, 2, 4)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.EQUITY);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.group()).isEqualTo(new Group(DIMENSION, "so"));
            assertThat(f.familyId()).isNull();
            assertThat(f.evidence()).isEmpty();
            assertThat(f.metrics()).as("n counts inputs, not families")
                    .isEqualTo(new Metrics(20, 0.2, "en", 1.0, 0.2, lowerTailP(4, 20, 10, 10)));
            assertThat(f.message()).startsWith("Input from families with homeLanguage \"so\" was answered on time "
                    + "20% of the time, against 100% for \"en\" (ratio 0.20, p = ");
        });
    }

    @Test
    void aReplyExactlyAtTheDeadlineIsLate() {
        assertThat(findings(RULE, dataset(label("en", 10, 1, 10), label("so", 10, 1, 0)))).singleElement()
                .satisfies(f -> assertThat(f.metrics().rate()).isZero());

        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        add(families, contacts, label("en", 10, 1, 10), ON_TIME);
        add(families, contacts, label("so", 10, 1, 0), DEADLINE.minusSeconds(1));
        assertThat(findings(RULE, Facts.dataset(families, contacts, List.of()))).as("a second before it")
                .isEmpty();
    }

    @Test
    void anUnansweredInputIsNotAnsweredOnTime() {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        add(families, contacts, label("en", 10, 1, 10), ON_TIME);
        add(families, contacts, label("so", 10, 1, 2), null);

        assertThat(findings(RULE, Facts.dataset(families, contacts, List.of()))).singleElement()
                .extracting(Finding::metrics)
                .isEqualTo(new Metrics(10, 0.2, "en", 1.0, 0.2, lowerTailP(2, 10, 10, 10)));
    }

    @Test
    void onlyDueInputsInTheWindowCount() {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        add(families, contacts, label("en", 10, 1, 10), DEADLINE);
        add(families, contacts, label("so", 10, 1, 2), DEADLINE);
        for (int i = 0; i < 10; i++) {
            String family = "f-so-" + i;
            // Not due yet (deadline Tuesday 24 November), before the window, awaiting nothing.
            contacts.add(Facts.question(family, "q-new-" + i, "2026-11-19T10:00").build());
            contacts.add(Facts.question(family, "q-old-" + i, "2026-10-01T10:00").build());
            contacts.add(Facts.question(family, "q-fyi-" + i, "2026-11-13T10:00").awaitsReply(false).build());
        }

        assertThat(findings(RULE, Facts.dataset(families, contacts, List.of()))).singleElement()
                .satisfies(f -> {
                    assertThat(f.metrics().n()).isEqualTo(10);
                    assertThat(f.metrics().rate()).isEqualTo(0.2);
                });
    }

    // ---- eligibility: inputs from at least minGroupSize families -----------------------------

    @Test
    void aLabelWhoseInputsComeFromNineFamiliesIsNeverNamedOrCounted() {
        // ne is carried by 12 families, but only 9 of them asked anything (27 inputs, none on time).
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        add(families, contacts, label("en", 10, 1, 9), ON_TIME);
        add(families, contacts, label("so", 10, 1, 2), DEADLINE);
        add(families, contacts, label("ne", 9, 3, 0), DEADLINE);
        families.add(Facts.family("f-ne-quiet-1", DIMENSION, "ne"));
        families.add(Facts.family("f-ne-quiet-2", DIMENSION, "ne"));
        families.add(Facts.family("f-ne-quiet-3", DIMENSION, "ne"));

        List<Finding> found = findings(RULE, Facts.dataset(families, contacts, List.of()));
        assertThat(found).singleElement().extracting(f -> f.group().label()).isEqualTo("so");
        assertNeverMentioned(found, "ne");
    }

    @Test
    void aLabelWhoseInputsComeFromTenFamiliesIsEligible() {
        assertThat(findings(RULE, dataset(label("en", 10, 1, 9), label("so", 10, 1, 2), label("ne", 10, 3, 0))))
                .extracting(f -> f.group().label(), f -> f.metrics().n())
                .containsExactly(tuple("ne", 30),
                        tuple("so", 10));
    }

    @Test
    void aNineFamilyLabelWithThePerfectRateIsNotTheReference() {
        List<Finding> found = findings(RULE, dataset(label("en", 10, 1, 9), label("so", 10, 1, 2),
                label("ne", 9, 2, 18)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.metrics().referenceLabel()).isEqualTo("en");
            assertThat(f.metrics().referenceRate()).isEqualTo(0.9);
        });
        assertNeverMentioned(found, "ne");
    }

    // ---- the reference and the thresholds ---------------------------------------------------

    @Test
    void aTieForTheHighestRateGoesToTheAlphabeticallyFirstLabel() {
        assertThat(findings(RULE, dataset(label("vi", 10, 1, 10), label("so", 10, 1, 1), label("ar", 10, 2, 20))))
                .singleElement().satisfies(f -> assertThat(f.metrics().referenceLabel()).isEqualTo("ar"));
    }

    @Test
    void aRatioOfExactlyFourFifthsIsNotFlagged() {
        // 60/100 against 60/80: exactly 0.8, with p = 0.024.
        assertThat(findings(RULE, dataset(label("en", 10, 8, 60), label("es", 10, 10, 60)))).isEmpty();
        assertThat(findings(RULE, dataset(label("en", 10, 8, 60), label("es", 10, 10, 59)))).singleElement()
                .extracting(Finding::metrics)
                .isEqualTo(new Metrics(100, 0.59, "en", 0.75, 0.59 / 0.75, lowerTailP(59, 100, 60, 80)));
    }

    @Test
    void aPValueJustAboveAlphaIsNotFlagged() {
        // 1/10 against 7/14: ratio 0.2, p = 0.0507.
        double p = lowerTailP(1, 10, 7, 14);
        assertThat(p).isBetween(0.05, 0.051);
        assertThat(findings(RULE, dataset(label("en", 14, 1, 7), label("so", 10, 1, 1)))).isEmpty();
        assertThat(findings(RULE, dataset(label("en", 14, 1, 7), label("so", 10, 1, 1)), alpha(Math.nextUp(p))))
                .singleElement().satisfies(f -> assertThat(f.metrics().pValue()).isEqualTo(p));
        assertThat(findings(RULE, dataset(label("en", 14, 1, 7), label("so", 10, 1, 0)))).singleElement();
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

    private static Dataset dataset(Label... labels) {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (Label label : labels) {
            add(families, contacts, label, DEADLINE);
        }
        return Facts.dataset(families, contacts, List.of());
    }

    /** Adds a label's families and questions; replies not on time come at {@code lateReply}, or never. */
    private static void add(List<Family> families, List<Contact> contacts, Label label, Instant lateReply) {
        int input = 0;
        for (int f = 0; f < label.families(); f++) {
            String family = "f-" + label.name() + "-" + f;
            families.add(Facts.family(family, DIMENSION, label.name()));
            for (int q = 0; q < label.inputsEach(); q++, input++) {
                String question = "q-" + label.name() + "-" + f + "-" + q;
                contacts.add(Facts.question(family, question, "2026-11-13T14:" + String.format("%02d", q)).build());
                Instant replyAt = input < label.onTime() ? ON_TIME : lateReply;
                if (replyAt != null) {
                    contacts.add(Contact.builder("r" + question, family, replyAt, Direction.OUTBOUND, Channel.SMS)
                            .language("es").replyTo(question).build());
                }
            }
        }
    }
}
