package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.JUST_INSIDE_WINDOW;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Interpretation;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code untranslated-broadcast}: one broadcast id whose delivered outbound contacts in the window
 * were not understood by at least {@code untranslatedBroadcast.minFamilies} (5) distinct families.
 * The newsletter {@code b-1} goes out in English on Monday 16 November.
 */
class UntranslatedBroadcastTest {
    private static final String RULE = "untranslated-broadcast";
    private static final String MONDAY = "2026-11-16T10:00";

    /** Families f-1 .. f-n reading {@code language}, each sent b-1 in English (contact k-i). */
    private static List<Object> newsletterTo(int n, String language) {
        List<Object> facts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            facts.add(F.family("f-" + i).languages(language));
            facts.add(newsletter("k-" + i, "f-" + i));
        }
        return facts;
    }

    private static ContactSpec newsletter(String id, String familyId) {
        return F.broadcast(id, familyId, MONDAY).broadcastId("b-1").language("en");
    }

    @Test
    void aBroadcastFiveFamiliesCannotReadIsFlaggedOnceWithItsFigures() {
        VERIFIER.verifyThat(RULE)
                .given(newsletterTo(5, "so"), F.family("f-9").languages("en"), newsletter("k-9", "f-9"))
                .asOf(AS_OF)
                .flagsBroadcast("b-1").times(1)
                .withEvidence("k-1", "k-2", "k-3", "k-4", "k-5")
                .withBroadcastMetrics(new BroadcastMetrics(5, 6, List.of("so")))
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.HIGH)
                .withMessage("Broadcast b-1 reached 5 families in a form they do not understand (6 deliveries in all;"
                        + " languages: so).");
    }

    @Test
    void fourFamiliesAreTooFewForTheDefaultButEnoughForALowerMinimum() {
        VERIFIER.verifyThat(RULE).given(newsletterTo(4, "so")).asOf(AS_OF).doesNotFlag();
        verifier(Policy.defaults().withUntranslatedBroadcast(new Policy.UntranslatedBroadcast(4)))
                .verifyThat(RULE).given(newsletterTo(4, "so")).asOf(AS_OF).flagsBroadcast("b-1");
    }

    @Test
    void familiesAreCountedOnceWhateverTheirDeliveries() {
        List<Object> facts = newsletterTo(4, "so");
        facts.add(newsletter("k-41", "f-4").at("2026-11-17T10:00"));

        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void aMachineTranslationIsUnderstoodAndAStudentsIsNot() {
        List<Object> translated = newsletterTo(4, "so");
        translated.add(F.family("f-5").languages("so"));
        translated.add(newsletter("k-5", "f-5").interpretation(Interpretation.MACHINE));
        List<Object> byAChild = newsletterTo(4, "so");
        byAChild.add(F.family("f-5").languages("so"));
        byAChild.add(newsletter("k-5", "f-5").interpretation(Interpretation.STUDENT));

        VERIFIER.verifyThat(RULE).given(translated).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(byAChild).asOf(AS_OF).flagsBroadcast("b-1");
    }

    @Test
    void theLanguagesAreEachFamilysFirstRankedOneAndUndeliveredCopiesDoNotCount() {
        List<Object> facts = newsletterTo(3, "so");
        facts.add(F.family("f-4").languages("vi", "fr"));
        facts.add(newsletter("k-4", "f-4"));
        facts.add(F.family("f-5").languages("ht"));
        facts.add(newsletter("k-5", "f-5"));
        facts.add(F.family("f-6").languages("ar"));
        facts.add(newsletter("k-6", "f-6").undelivered());

        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF)
                .flagsBroadcast("b-1").withBroadcastMetrics(new BroadcastMetrics(5, 5, List.of("ht", "so", "vi")));
    }

    @Test
    void onlyDeliveriesInTheWindowCount() {
        List<Object> facts = newsletterTo(5, "so");
        facts.set(1, newsletter("k-1", "f-1").at(AT_WINDOW_START));

        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF).doesNotFlag();
        facts.set(1, newsletter("k-1", "f-1").at(JUST_INSIDE_WINDOW));
        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF).flagsBroadcast("b-1");
    }

    @Test
    void twoBroadcastsAreJudgedApart() {
        List<Object> facts = newsletterTo(3, "so");
        for (int i = 4; i <= 5; i++) {
            facts.add(F.family("f-" + i).languages("so"));
            facts.add(F.broadcast("k-" + i, "f-" + i, MONDAY).broadcastId("b-2").language("en"));
        }

        VERIFIER.verifyThat(RULE).given(facts).asOf(AS_OF).doesNotFlag();
    }
}
