package org.familyengagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleVerifierTest {
    private static final RuleVerifier VERIFIER = RuleVerifier.ofDefaults();
    private static final Facts F = Facts.defaults();

    // Friday 13 November 2026, 2 pm in Chicago; two school days later the deadline is the start of Wednesday 18.
    private static final FamilySpec FAMILY = F.family("f-1").prefersSpanishBySms().group("homeLanguage", "es");
    private static final String FRIDAY_2PM = "2026-11-13T14:00";
    private static final String WEDNESDAY_8AM = "2026-11-18T08:00";

    private static ContactSpec question() {
        return F.question("k-1", "f-1", FRIDAY_2PM).language("es");
    }

    @Nested
    class Passing {
        @Test
        void anUnansweredQuestionIsFlaggedWithItsEvidenceSeverityAndMessage() {
            VERIFIER.verifyThat("unanswered-input")
                    .given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1")
                    .withEvidence("k-1")
                    .withSeverity(Severity.HIGH)
                    .withCategory(Category.RESPONSIVENESS)
                    .withMessage("A question from this family on 2026-11-13 has had no reply for 2 school days.")
                    .times(1);
        }

        @Test
        void theLastMinuteBeforeTheDeadlineIsNotLate() {
            VERIFIER.verifyThat("unanswered-input").given(FAMILY, question()).asOf("2026-11-17T23:59").doesNotFlag();
        }

        @Test
        void aReplyOnTimeAnswersTheQuestion() {
            ContactSpec question = question();
            VERIFIER.verifyThat("unanswered-input")
                    .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T09:00"))
                    .asOf(WEDNESDAY_8AM)
                    .doesNotFlag();
        }

        @Test
        void aHolidayMovesTheDeadline() {
            Facts withHoliday = Facts.in(Facts.district("d-1", "America/Chicago").holidays("2026-11-16").build());
            VERIFIER.verifyThat("unanswered-input")
                    .given(withHoliday.district(), FAMILY, withHoliday.question("k-1", "f-1", FRIDAY_2PM))
                    .asOf(WEDNESDAY_8AM)
                    .doesNotFlag();
        }

        @Test
        void specsMadeInADistrictAreJudgedInItWithoutPassingItAgain() {
            Facts withHoliday = Facts.in(Facts.district("d-1", "America/Chicago").holidays("2026-11-16").build());
            // The question's district (and so its holiday) comes with the spec: Monday does not count.
            VERIFIER.verifyThat("unanswered-input")
                    .given(FAMILY, withHoliday.question("k-1", "f-1", FRIDAY_2PM))
                    .asOf(WEDNESDAY_8AM)
                    .doesNotFlag();
            // Facts.defaults() specs carry no district: they take the one given.
            VERIFIER.verifyThat("unanswered-input")
                    .given(withHoliday.district(), FAMILY, question())
                    .asOf(WEDNESDAY_8AM)
                    .doesNotFlag();
        }

        @Test
        void specsOfTwoDistrictsAreRefused() {
            Facts withHoliday = Facts.in(Facts.district("d-1", "America/Chicago").holidays("2026-11-16").build());
            Facts other = Facts.in(Facts.district("d-2", "America/Chicago").build());

            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input")
                    .given(withHoliday.question("k-1", "f-1", FRIDAY_2PM), other.family("f-1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("given(...) has two districts");
        }

        @Test
        void flagsOnlyAndDoesNotFlagNameFamilies() {
            VERIFIER.verifyThat("unanswered-input")
                    .given(FAMILY, F.family("f-2"), F.family("f-3"), question(),
                            F.question("k-2", "f-2", FRIDAY_2PM), F.call("k-3", "f-3", FRIDAY_2PM))
                    .asOf(Instant.parse("2026-11-18T14:00:00Z"))
                    .flagsOnly("f-1", "f-2")
                    .and()
                    .doesNotFlag("f-3")
                    .hasFindingCount(2);
        }

        @Test
        void aBrokenCommitmentIsFlaggedAndAKeptOneIsNot() {
            CommitmentSpec promise = F.commitment("m-1", "f-1", "2026-11-13T17:00").by("t-1");
            VERIFIER.verifyThat("broken-commitment")
                    .given(FAMILY, F.teacher("t-1"), promise)
                    .asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1").withEvidence("m-1");
            VERIFIER.verifyThat("broken-commitment")
                    .given(FAMILY, F.teacher("t-1"), promise, F.call("k-1", "f-1", "2026-11-13T16:00").staff("t-1"))
                    .asOf(WEDNESDAY_8AM)
                    .doesNotFlag();
        }

        @Test
        void onlyConcernsAreDeficitOnlyAndOneGoodNewsCallIsNot() {
            List<Object> concerns = List.of(F.call("k-1", "f-1", "2026-11-10T10:00").concern(),
                    F.call("k-2", "f-1", "2026-11-12T10:00").concern());
            VERIFIER.verifyThat("deficit-only-contact").given(FAMILY, concerns).asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1").withEvidence("k-1", "k-2").withSeverity(Severity.MEDIUM);
            VERIFIER.verifyThat("deficit-only-contact")
                    .given(FAMILY, concerns, F.text("k-3", "f-1", "2026-11-12T12:00").positive())
                    .asOf(WEDNESDAY_8AM).doesNotFlag();
        }

        @Test
        void aContactInEnglishToASpanishSpeakingFamilyIsALanguageMismatch() {
            VERIFIER.verifyThat("language-mismatch").given(FAMILY, F.text("k-1", "f-1", "2026-11-12T10:00"))
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").withEvidence("k-1");
            VERIFIER.verifyThat("language-mismatch")
                    .given(FAMILY, F.text("k-1", "f-1", "2026-11-12T10:00").language("es-MX"))
                    .asOf(WEDNESDAY_8AM).doesNotFlag();
        }

        @Test
        void aGroupReachedLessOftenIsFlagged() {
            VERIFIER.verifyThat("group-reach-disparity").given(twoGroups()).asOf(WEDNESDAY_8AM)
                    .flagsGroup("homeLanguage", "es").withSeverity(Severity.HIGH)
                    .and().doesNotFlagGroup("homeLanguage", "en");
        }

        @Test
        void evidenceInOrderIsInTheRulesOrder() {
            VERIFIER.verifyThat("broken-commitment")
                    .given(FAMILY, F.teacher("t-1"), latePromise())
                    .asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1").withEvidenceInOrder("m-1", "k-1").withEvidence("k-1", "m-1").times(1);
        }

        @Test
        void aGroupFindingHasItsMetricsAndItsReference() {
            RuleOutcome outcome = VERIFIER.verifyThat("group-reach-disparity").given(twoGroups()).asOf(WEDNESDAY_8AM);
            double p = outcome.findings().get(0).metrics().pValue();

            assertThat(p).isLessThan(0.05);
            outcome.flagsGroup("homeLanguage", "es").withReferenceLabel("en")
                    .withMetrics(new Metrics(10, 0.0, "en", 1.0, 0.0, p));
        }

        @Test
        void allRulesTogether() {
            VERIFIER.verifyThat().given(FAMILY, question()).asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1").withEvidence("k-1")
                    .and().doesNotFlag("f-2");
        }

        @Test
        void aStricterPolicyFlagsSooner() {
            RuleVerifier oneDay = RuleVerifier.builder().policy(Policy.defaults().withResponseSchoolDays(1)).build();
            oneDay.verifyThat("unanswered-input").given(FAMILY, question()).asOf("2026-11-17T08:00")
                    .flagsFamily("f-1");
        }

        @Test
        void customRulesSeeExtraFacts() {
            RuleVerifier custom = RuleVerifier.builder().addRulesFromClasspath("district/home-visit.drl").build();
            custom.verifyThat("home-visit-requested")
                    .given(FAMILY, new HomeVisitRequest("hv-1", "f-1"))
                    .asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1").withEvidence("hv-1").withMessage("This family asked for home visit hv-1.");
            custom.verifyThat("home-visit-requested").given(FAMILY).asOf(WEDNESDAY_8AM).doesNotFlag();
        }
    }

    @Nested
    class Failing {
        @Test
        void flagsFamilyShowsTheFindingsAndTheFacts() {
            ContactSpec question = question();
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input")
                    .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T09:00"))
                    .asOf(WEDNESDAY_8AM)
                    .flagsFamily("f-1"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag family \"f-1\", but it did not.")
                    .hasMessageContaining("Findings of rule \"unanswered-input\" as of 2026-11-18T08:00 (2026-11-18T14:00:00Z):")
                    .hasMessageContaining("(none)")
                    .hasMessageContaining("family f-1  languages [es]  channels [SMS]  groups {homeLanguage=es}")
                    .hasMessageContaining("contact k-1  INBOUND SMS PERSONAL NEUTRAL es  at 2026-11-13T14:00 (2026-11-13T20:00:00Z)  awaitsReply")
                    .hasMessageContaining("contact k-2  OUTBOUND SMS")
                    .hasMessageContaining("replyTo k-1");
        }

        @Test
        void flagsFamilyNotesAFamilyThatIsNotAmongTheFacts() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-l"))
                    .hasMessageContaining("Note: no family \"f-l\" is among the facts.");
        }

        @Test
        void withEvidenceShowsTheEvidenceFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").withEvidence("k-9"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag family \"f-1\" with evidence"
                            + " [k-9], but its evidence is [k-1].")
                    .hasMessageContaining("- unanswered-input  family f-1  HIGH  evidence [k-1]  \"A question from"
                            + " this family on 2026-11-13 has had no reply for 2 school days.\"");
        }

        @Test
        void withEvidenceInOrderShowsTheOrderFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("broken-commitment")
                    .given(FAMILY, F.teacher("t-1"), latePromise())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").withEvidenceInOrder("k-1", "m-1"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected rule \"broken-commitment\" to flag family \"f-1\" with evidence"
                            + " in order [k-1, m-1], but its evidence is [m-1, k-1].");
        }

        @Test
        void withMetricsShowsTheMetricsFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("group-reach-disparity").given(twoGroups())
                    .asOf(WEDNESDAY_8AM).flagsGroup("homeLanguage", "es")
                    .withMetrics(new Metrics(10, 0.5, "en", 1.0, 0.5, 0.01)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected rule \"group-reach-disparity\" to flag group homeLanguage=\"es\""
                            + " with metrics Metrics[n=10, rate=0.5, referenceLabel=en, referenceRate=1.0, ratio=0.5,"
                            + " pValue=0.01], but its metrics are Metrics[n=10, rate=0.0, referenceLabel=en,"
                            + " referenceRate=1.0, ratio=0.0, pValue=");
        }

        @Test
        void withReferenceLabelShowsTheMetricsFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("group-reach-disparity").given(twoGroups())
                    .asOf(WEDNESDAY_8AM).flagsGroup("homeLanguage", "es").withReferenceLabel("ar"))
                    .hasMessageStartingWith("Expected rule \"group-reach-disparity\" to flag group homeLanguage=\"es\""
                            + " against reference label \"ar\", but its metrics are Metrics[n=10, rate=0.0,"
                            + " referenceLabel=en,");
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").withReferenceLabel("en"))
                    .as("a family finding has no metrics")
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag family \"f-1\" against"
                            + " reference label \"en\", but its metrics are none.");
        }

        @Test
        void withSeverityShowsTheSeverityFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").withSeverity(Severity.LOW))
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag family \"f-1\" with severity"
                            + " LOW, but its severity is HIGH.");
        }

        @Test
        void withMessageShowsTheMessageFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").withMessageContaining("3 school days"))
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag family \"f-1\" with a message"
                            + " containing \"3 school days\", but its message is \"A question from this family on"
                            + " 2026-11-13 has had no reply for 2 school days.\".");
        }

        @Test
        void timesShowsTheCount() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).flagsFamily("f-1").times(2))
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag family \"f-1\" 2 times, but it"
                            + " did 1 time.");
        }

        @Test
        void flagsOnlyNamesTheMissingAndTheUnexpected() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input")
                    .given(FAMILY, F.family("f-2"), question(), F.question("k-2", "f-2", FRIDAY_2PM))
                    .asOf(WEDNESDAY_8AM).flagsOnly("f-1", "f-3"))
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag only families [f-1, f-3], but"
                            + " it flagged [f-1, f-2].")
                    .hasMessageContaining("Not flagged: [f-3]")
                    .hasMessageContaining("Flagged but not expected: [f-2]");
        }

        @Test
        void doesNotFlagListsWhatWasFound() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).doesNotFlag())
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to flag nothing, but it has 1 finding.")
                    .hasMessageContaining("- unanswered-input  family f-1  HIGH  evidence [k-1]");
        }

        @Test
        void doesNotFlagAFamilyNamesIt() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).doesNotFlag("f-1"))
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" not to flag family \"f-1\", but it"
                            + " flagged [f-1].");
        }

        @Test
        void flagsGroupShowsTheGroupFindings() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("group-reach-disparity").given(twoGroups())
                    .asOf(WEDNESDAY_8AM).flagsGroup("homeLanguage", "en"))
                    .hasMessageStartingWith("Expected rule \"group-reach-disparity\" to flag group"
                            + " homeLanguage=\"en\", but it did not.")
                    .hasMessageContaining("- group-reach-disparity  group homeLanguage=es  HIGH")
                    .hasMessageContaining("family es-0")
                    .satisfies(e -> assertThat(e.getMessage().lines().count()).isLessThan(80));
        }

        @Test
        void hasFindingCountShowsTheCount() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(FAMILY, question())
                    .asOf(WEDNESDAY_8AM).hasFindingCount(0))
                    .hasMessageStartingWith("Expected rule \"unanswered-input\" to have 0 findings, but it has 1.");
        }

        @Test
        void anUnknownRuleFailsFastWithASuggestion() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswred-input"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No rule \"unanswred-input\" in this verifier's engine.")
                    .hasMessageContaining("Did you mean \"unanswered-input\"?")
                    .hasMessageContaining("Its rules: unanswered-input, broken-commitment");
        }

        @Test
        void aDisabledRuleIsNotInTheCatalogue() {
            RuleVerifier verifier = RuleVerifier.builder().disable("message-overload").build();
            assertThatThrownBy(() -> verifier.verifyThat("message-overload"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No rule \"message-overload\"");
        }

        @Test
        void factsThatDoNotMakeADatasetAreRejectedWithEveryProblem() {
            assertThatThrownBy(() -> VERIFIER.verifyThat("unanswered-input").given(question()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("/contacts/0/familyId: no family \"f-1\"")
                    .hasMessageContaining("Maybe a family");
        }
    }

    /** A promise due on Friday 13 November, 5 pm, kept by a call on Monday: broken, and kept late. */
    static List<Object> latePromise() {
        return List.of(F.commitment("m-1", "f-1", "2026-11-13T17:00").by("t-1"),
                F.call("k-1", "f-1", "2026-11-16T10:00").staff("t-1"));
    }

    /**
     * Ten English-speaking families reached by a personal call, ten Spanish-speaking ones reached by
     * nothing but a broadcast: the Spanish label is reached at 0% against 100%.
     */
    static List<Object> twoGroups() {
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Family en = F.family("en-" + i).languages("en").channels(org.familyengagement.model.Channel.PHONE)
                    .group("homeLanguage", "en").build();
            Family es = F.family("es-" + i).prefersSpanishBySms().group("homeLanguage", "es").build();
            facts.add(en);
            facts.add(es);
            facts.add(F.call("ken-" + i, en.id(), "2026-11-10T10:00"));
            facts.add(F.broadcast("kes-" + i, es.id(), "2026-11-10T10:00").language("es"));
        }
        return facts;
    }
}
