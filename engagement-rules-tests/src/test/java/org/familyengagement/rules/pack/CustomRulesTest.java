package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.call;
import static org.familyengagement.rules.pack.PackFixtures.dataset;
import static org.familyengagement.rules.pack.PackFixtures.family;
import static org.familyengagement.rules.pack.PackFixtures.text;
import static org.familyengagement.testkit.EngagementAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Dataset;
import org.familyengagement.model.Tone;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleCompilationException;
import org.familyengagement.rules.RuleCompilationException.CompileError;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.RuleInfo;
import org.familyengagement.testkit.ContactSpec;
import org.familyengagement.testkit.RuleVerifier;
import org.junit.jupiter.api.Test;

/**
 * District rules in DRL: they see the pack's facts, report through the same finding API, and
 * behave like built-in rules (catalog, disabling, compile errors before any evaluation).
 */
class CustomRulesTest {
    private static final String HEADER = """
            package district.rules;

            import org.familyengagement.model.Channel;
            import org.familyengagement.model.Contact;
            import org.familyengagement.model.Direction;
            import org.familyengagement.rules.drl.FamilyHistory;
            import org.familyengagement.rules.pack.IepMeeting;

            global org.familyengagement.rules.drl.Findings findings;
            """;

    /** A family with concerns but no positive two-way contact: a stricter deficit rule. */
    private static final String NO_POSITIVE_NOTE = HEADER + """

            rule "no-positive-note"
                @title("No positive note in the window")
                @category("STRENGTHS")
                @severity("LOW")
                @message("No positive note in {days} days; {concerns, plural, one {# concern} other {# concerns}}.")
            when
                $h : FamilyHistory( twoWayPositives.isEmpty(), !twoWayConcerns.isEmpty() )
            then
                findings.forFamily(kcontext, $h.familyId())
                        .evidence($h.twoWayConcerns())
                        .with("days", 30)
                        .with("concerns", $h.twoWayConcerns().size())
                        .report();
            end
            """;

    /** An IEP meeting with a family that nobody has talked to in the window. */
    private static final String IEP = HEADER + """

            rule "iep-family-not-reached"
                @category("RESPONSIVENESS")
                @severity("HIGH")
                @message("This family has an IEP meeting on {date} and no two-way contact in the window.")
            when
                $meeting : IepMeeting( $family : familyId )
                $h : FamilyHistory( familyId == $family, !isReachedTwoWay() )
            then
                findings.forFamily(kcontext, $h.familyId())
                        .evidence($meeting.id())
                        .with("date", $meeting.date().toString())
                        .report();
            end
            """;

    /** One finding per undelivered call, matching single contacts of the window. */
    private static final String UNDELIVERED_CALL = HEADER + """

            rule "undelivered-call"
                @category("REACH")
                @severity("MEDIUM")
                @message("A call on {date} did not reach this family.")
            when
                $h : FamilyHistory()
                $call : Contact( direction == Direction.OUTBOUND, channel == Channel.PHONE, !delivered )
                        from $h.windowContacts
            then
                findings.forFamily(kcontext, $h.familyId())
                        .evidence($call)
                        .with("date", $h.localDate($call.at()).toString())
                        .report();
            end
            """;

    private static final Dataset TWO_CONCERNS = dataset(
            call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
            call("k-2", "2026-11-12T10:00").tone(Tone.CONCERN));

    @Test
    void aCustomFindingLooksLikeABuiltInOne() {
        Report report = RuleEngine.builder().addRules("district/strengths.drl", NO_POSITIVE_NOTE).build()
                .evaluate(TWO_CONCERNS, AS_OF);

        Finding builtIn = report.findingsOf(RuleIds.DEFICIT_ONLY_CONTACT).get(0);
        assertThat(report.findingsOf("no-positive-note")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("no-positive-note");
            assertThat(f.category()).isEqualTo(Category.STRENGTHS);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.group()).isNull();
            assertThat(f.metrics()).isNull();
            assertThat(f.evidence()).containsExactly("k-1", "k-2").isEqualTo(builtIn.evidence());
            assertThat(f.message()).isEqualTo("No positive note in 30 days; 2 concerns.");
        });
    }

    @Test
    void aCustomRuleIsInTheCatalogAsNotBuiltIn() {
        RuleEngine engine = RuleEngine.builder().addRules("district/strengths.drl", NO_POSITIVE_NOTE).build();

        List<String> builtIn = RuleEngine.builder().build().catalog().ids();
        assertThat(engine.catalog().ids()).containsSubsequence(builtIn).endsWith("no-positive-note");
        assertThat(engine.catalog().rule("no-positive-note")).get().satisfies(rule -> {
            assertThat(rule.builtIn()).isFalse();
            assertThat(rule.title()).isEqualTo("No positive note in the window");
            assertThat(rule.category()).isEqualTo(Category.STRENGTHS);
            assertThat(rule.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(engine.catalog().rules()).filteredOn(RuleInfo::builtIn).extracting(RuleInfo::id)
                .containsExactlyElementsOf(builtIn);
    }

    @Test
    void aCustomRuleCanBeDisabledById() {
        RuleEngine byBuilder = RuleEngine.builder().addRules("district/strengths.drl", NO_POSITIVE_NOTE)
                .disable("no-positive-note").build();
        RuleEngine byPolicy = RuleEngine.builder().addRules("district/strengths.drl", NO_POSITIVE_NOTE)
                .policy(Policy.defaults().withDisabledRules(List.of("no-positive-note"))).build();

        for (RuleEngine engine : List.of(byBuilder, byPolicy)) {
            assertThat(engine.catalog().ids()).doesNotContain("no-positive-note");
            assertThat(engine.evaluate(TWO_CONCERNS, AS_OF)).hasNoFindingOf("no-positive-note")
                    .hasFindingCount(RuleIds.DEFICIT_ONLY_CONTACT, 1);
        }
    }

    // ---- compile errors, before any evaluation ----------------------------------------------

    @Test
    void everyCompileErrorOfEveryFileIsListedWithItsSourceAndLine() {
        String twoErrors = HEADER + """

                rule "unknown-property"
                    @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory( noSuchProperty > 3 )
                then
                end

                rule "unknown-fact"
                    @category("REACH") @severity("LOW")
                when
                    $x : NoSuchFact()
                then
                end
                """;
        String oneError = """
                package district.other;
                import org.familyengagement.rules.drl.FamilyHistory;

                rule "syntax"
                when
                    $h : FamilyHistory( familyId == )
                then
                end
                """;

        assertThatThrownBy(() -> RuleEngine.builder().addRules("district/two.drl", twoErrors)
                .addRules("district/one.drl", oneError).build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    int property = lineOf(twoErrors, "noSuchProperty");
                    int fact = lineOf(twoErrors, "NoSuchFact");
                    int syntax = lineOf(oneError, "familyId == )");
                    assertThat(e.errors()).extracting(CompileError::source, CompileError::line).containsExactly(
                            tuple("district/two.drl", property), tuple("district/two.drl", fact),
                            tuple("district/one.drl", syntax));
                    assertThat(e.errors().get(0).message()).contains("noSuchProperty");
                    assertThat(e.errors().get(1).message()).contains("NoSuchFact");
                    assertThat(e.getMessage()).contains("3 errors", "district/two.drl:" + property,
                            "district/two.drl:" + fact, "district/one.drl:" + syntax);
                });
    }

    @Test
    void anInvalidSeverityIsACompileErrorNamingTheRule() {
        String urgent = HEADER + """

                rule "urgent-rule"
                    @category("REACH")
                    @severity("URGENT")
                when
                    $h : FamilyHistory()
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """;

        assertThatThrownBy(() -> RuleEngine.builder().addRules("district/urgent.drl", urgent).build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.source()).isEqualTo("district/urgent.drl");
                            assertThat(error.line()).as("the rule's declaration")
                                    .isEqualTo(lineOf(urgent, "rule \"urgent-rule\""));
                            assertThat(error.message()).contains("\"urgent-rule\"", "@severity(\"URGENT\")",
                                    "LOW", "MEDIUM", "HIGH");
                        }));
    }

    // ---- extra facts and single contacts ----------------------------------------------------

    @Test
    void aCustomRuleSeesExtraFactsOfTheEmbeddersOwnClasses() {
        RuleVerifier verifier = RuleVerifier.builder().addRules("district/iep.drl", IEP).build();
        IepMeeting meeting = new IepMeeting("iep-1", F1, LocalDate.parse("2026-11-24"));
        ContactSpec onlyATextThatBounced = F.text("k-1", F1, "2026-11-10T10:00").undelivered();

        verifier.verifyThat("iep-family-not-reached").given(FAMILY, onlyATextThatBounced).asOf(AS_OF).doesNotFlag();
        verifier.verifyThat("iep-family-not-reached").given(FAMILY, onlyATextThatBounced, meeting).asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("iep-1")
                .withSeverity(Severity.HIGH)
                .withCategory(Category.RESPONSIVENESS)
                .withMessage("This family has an IEP meeting on 2026-11-24 and no two-way contact in the window.");
        // A family that was called.
        verifier.verifyThat("iep-family-not-reached").given(FAMILY, F.call("k-1", F1, "2026-11-10T10:00"), meeting)
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void extraFactsWorkInALiveSession() {
        RuleEngine engine = RuleEngine.builder().addRules("district/iep.drl", IEP).build();
        IepMeeting meeting = new IepMeeting("iep-1", F1, LocalDate.parse("2026-11-24"));
        IepMeeting other = new IepMeeting("iep-2", "f-2", LocalDate.parse("2026-11-25"));
        Dataset dataset = Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF, List.of(family(F1), family("f-2")), List.of(),
                List.of());

        try (LiveSession session = engine.openSession(dataset, AS_OF, List.of(meeting))) {
            assertThat(session.findings().findingsOf("iep-family-not-reached")).extracting(Finding::evidence)
                    .containsExactly(List.of("iep-1"));

            session.insertFact(other);
            assertThat(session.changes().added()).extracting(Finding::evidence).containsExactly(List.of("iep-2"));

            session.addContact(call("k-1", "2026-11-18T10:00").build());
            assertThat(session.changes().removed()).extracting(Finding::ruleId, Finding::evidence).containsExactly(
                    tuple("iep-family-not-reached", List.of("iep-1")), tuple("unreached-family", List.of()));

            session.removeFact(other);
            assertThat(session.findings().findingsOf("iep-family-not-reached")).isEmpty();
            assertThat(session.findings()).isEqualTo(engine.evaluate(Dataset.of(PackFixtures.DISTRICT, PackFixtures.STAFF,
                    List.of(family(F1), family("f-2")), List.of(call("k-1", "2026-11-18T10:00").build()), List.of()),
                    AS_OF, List.of(meeting)));
        }
    }

    @Test
    void aCustomRuleCanMatchSingleContactsOfTheWindow() {
        Dataset dataset = dataset(call("k-1", "2026-11-10T10:00").delivered(false), call("k-2", "2026-11-11T10:00"),
                text("k-3", "2026-11-12T10:00").delivered(false), call("k-4", "2026-11-13T10:00").delivered(false),
                call("k-5", "2026-10-01T10:00").delivered(false));

        Report report = RuleEngine.builder().addRules("district/calls.drl", UNDELIVERED_CALL).build()
                .evaluate(dataset, AS_OF);

        assertThat(report.findingsOf("undelivered-call")).extracting(Finding::evidence, Finding::message)
                .containsExactly(
                        tuple(List.of("k-1"), "A call on 2026-11-10 did not reach this family."),
                        tuple(List.of("k-4"), "A call on 2026-11-13 did not reach this family."));
    }

    /** The 1-based line of the first occurrence of {@code fragment} in {@code drl}. */
    private static int lineOf(String drl, String fragment) {
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no " + fragment + " in the DRL");
    }
}
