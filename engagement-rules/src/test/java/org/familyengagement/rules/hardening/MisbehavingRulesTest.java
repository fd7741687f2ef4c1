package org.familyengagement.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Report;
import org.familyengagement.rules.EvaluationException;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Custom DRL that misbehaves: a consequence that throws, rules that re-activate themselves
 * forever, a rule that is slow, a rule that reports without metadata. Each ends the evaluation
 * with an {@link EvaluationException} naming the rule, no report is returned, and the host goes
 * on: the next evaluation, with a good engine, gives the same report as before.
 *
 * <p>A consequence stuck in Java code cannot be stopped ({@code session.halt()} acts between
 * firings), but a batch evaluation runs on a worker thread and gives up on it at the time limit
 * ({@link #aConsequenceStuckInJavaCodeIsAbandonedAtTheTimeLimit}).
 */
class MisbehavingRulesTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static final String HEADER = """
            package district.hardening;

            import org.familyengagement.rules.drl.FamilyHistory;
            import org.familyengagement.rules.hardening.Gate;

            global org.familyengagement.rules.drl.Findings findings;

            declare Counter
                value : int
            end

            declare Token
                n : int
            end

            """;

    private static final String THROWS = HEADER + """
            rule "district-throws"
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                throw new IllegalStateException("the district rule broke");
            end
            """;

    /** Each firing modifies the counter it matched, which matches it again. */
    private static final String MODIFY_LOOP = HEADER + """
            rule "district-counter"
            when
                not Counter()
            then
                insert(new Counter(0));
            end

            rule "district-modify-loop"
            when
                $c : Counter( value >= 0 )
            then
                modify($c) { setValue($c.getValue() + 1) }
            end
            """;

    /** Each firing inserts the next token, which matches again. */
    private static final String INSERT_LOOP = HEADER + """
            rule "district-first-token"
            when
                not Token()
            then
                insert(new Token(0));
            end

            rule "district-insert-loop"
            when
                Token( $n : n )
                not Token( n == $n + 1 )
            then
                insert(new Token($n + 1));
            end
            """;

    /** A loop that fires slowly enough to stay under any firing limit for a long time. */
    private static final String SLOW_LOOP = HEADER + """
            rule "district-counter"
            when
                not Counter()
            then
                insert(new Counter(0));
            end

            rule "district-slow-loop"
            when
                $c : Counter( value >= 0 )
            then
                Thread.sleep(5);
                modify($c) { setValue($c.getValue() + 1) }
            end
            """;

    /** A consequence that spins in Java until the test opens the gate. */
    private static final String STUCK = HEADER + """
            rule "district-stuck"
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                while (!Gate.isOpen()) {
                    Thread.onSpinWait();
                }
            end
            """;

    /** A finding about a family the data does not have. */
    private static final String STRANGER = HEADER + """
            rule "district-stranger"
                @category("REACH") @severity("LOW")
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                findings.forFamily(kcontext, "f-999999").report();
            end
            """;

    /** A finding about the group label of one family: too small a group to report. */
    private static final String SMALL_GROUP = HEADER + """
            import org.familyengagement.report.Group;

            rule "district-small-group"
                @category("EQUITY") @severity("LOW")
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                findings.forGroup(kcontext, new Group("homeLanguage", $h.family().groups().get("homeLanguage"))).report();
            end
            """;

    /** A consequence that recurses until the stack overflows. */
    private static final String RECURSES = HEADER + """
            function int deeper(int n) { return deeper(n + 1) + 1; }

            rule "district-recurses"
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                deeper(0);
            end
            """;

    /** A consequence that stops the engine while other rules still have work. */
    private static final String HALTS = HEADER + """
            rule "district-halts"
                salience 100
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                drools.halt();
            end
            """;

    /** A consequence that stops the engine after every other rule has fired. */
    private static final String HALTS_LAST = HEADER + """
            rule "district-halts-last"
                salience -1000
            when
                not Counter()
            then
                drools.halt();
            end
            """;

    /** A consequence that sleeps, then returns. */
    private static final String SLEEPS = HEADER + """
            rule "district-sleeps"
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                Thread.sleep(1500);
            end
            """;

    private static final String NO_METADATA = HEADER + """
            rule "district-no-metadata"
            when
                $h : FamilyHistory( familyId == "f-000003" )
            then
                findings.forFamily(kcontext, $h.familyId()).report();
            end
            """;

    private static final String BAD_CONDITION = HEADER + """
            rule "district-bad-condition"
                @category("REACH") @severity("LOW")
            when
                $h : FamilyHistory( familyId.substring(100).length() > 0 )
            then
                findings.forFamily(kcontext, $h.familyId()).report();
            end
            """;

    private static final RuleEngine GOOD = RuleEngine.builder().build();
    private static Dataset district;
    private static String goodReport;

    @BeforeAll
    static void judgeTheDistrictWithAGoodEngine() {
        district = SampleDistrict.generate(11, 40);
        goodReport = ReportWriter.toJson(GOOD.evaluate(district, AS_OF));
    }

    @AfterEach
    void theHostGoesOnAndTheGoodEngineGivesTheSameReport() {
        assertThat(ReportWriter.toJson(GOOD.evaluate(district, AS_OF))).isEqualTo(goodReport);
    }

    // ---------------------------------------------------------------- batch evaluation

    @Test
    void aConsequenceThatThrowsIsNamed() {
        RuleEngine engine = RuleEngine.builder().addRules("district/throws.drl", THROWS).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-throws");
        assertThat(e.getMessage()).isEqualTo(
                "rule \"district-throws\" failed: IllegalStateException: the district rule broke");
        assertThat(e).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(evaluationFailure(engine).ruleId()).as("the same engine fails the same way again")
                .isEqualTo("district-throws");
    }

    @Test
    void aRuleThatModifiesItsOwnFactForeverIsStoppedByTheFiringLimit() {
        RuleEngine engine = RuleEngine.builder().maxRuleFirings(10_000).addRules("district/loop.drl", MODIFY_LOOP)
                .build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-modify-loop");
        assertThat(e.getMessage()).contains("more than the limit of 10000 times", "\"district-modify-loop\"");
    }

    @Test
    void aRuleThatInsertsForeverIsStoppedByTheFiringLimit() {
        RuleEngine engine = RuleEngine.builder().maxRuleFirings(5_000).addRules("district/insert.drl", INSERT_LOOP)
                .build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-insert-loop");
        assertThat(e.getMessage()).contains("more than the limit of 5000 times");
    }

    @Test
    void aSlowLoopIsStoppedByTheTimeLimit() {
        RuleEngine engine = RuleEngine.builder().timeLimit(Duration.ofMillis(500))
                .addRules("district/slow.drl", SLOW_LOOP).build();

        long start = System.nanoTime();
        EvaluationException e = evaluationFailure(engine);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.ruleId()).isEqualTo("district-slow-loop");
        assertThat(e.getMessage()).contains("ran longer than its time limit of PT0.5S", "\"district-slow-loop\"");
        assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /**
     * {@code halt()} waits for the running consequence to return, which a spinning one never does:
     * the evaluation gives up on its worker at the time limit, names the rule, and leaves it
     * interrupted (it ends here when the test opens the gate).
     */
    @Test
    void aConsequenceStuckInJavaCodeIsAbandonedAtTheTimeLimit() {
        RuleEngine engine = RuleEngine.builder().timeLimit(Duration.ofMillis(300))
                .addRules("district/stuck.drl", STUCK).build();
        Gate.close();
        try {
            long start = System.nanoTime();
            EvaluationException e = evaluationFailure(engine);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.ruleId()).isEqualTo("district-stuck");
            assertThat(e.getMessage()).contains("ran longer than its time limit of PT0.3S",
                    "rule \"district-stuck\" was running");
            assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
        } finally {
            Gate.open();
        }
        assertThat(ReportWriter.toJson(GOOD.evaluate(district, AS_OF))).isEqualTo(goodReport);
    }

    @Test
    void aFindingAboutAFamilyNotInTheDataIsRefused() {
        RuleEngine engine = RuleEngine.builder().addRules("district/stranger.drl", STRANGER).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-stranger");
        assertThat(e.getMessage()).contains("a finding about family \"f-999999\", which is not in the data");
    }

    /** A label under the minimum group size is refused, and the refusal does not name it either. */
    @Test
    void aFindingAboutAGroupUnderTheMinimumSizeIsRefusedWithoutNamingIt() {
        String label = district.family("f-000003").orElseThrow().groups().get("homeLanguage");
        long carriers = district.families().stream()
                .filter(f -> label.equals(f.groups().get("homeLanguage"))).count();
        RuleEngine engine = RuleEngine.builder()
                .policy(Policy.defaults().withDisparity(new Policy.Disparity(0.8, 0.05, (int) carriers + 1)))
                .addRules("district/small-group.drl", SMALL_GROUP).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-small-group");
        assertThat(e.getMessage()).contains("a finding about a group label of dimension \"homeLanguage\" that fewer"
                + " families carry than disparity.minGroupSize").doesNotContain("\"" + label + "\"");
        RuleEngine enough = RuleEngine.builder()
                .policy(Policy.defaults().withDisparity(new Policy.Disparity(0.8, 0.05, (int) carriers)))
                .addRules("district/small-group.drl", SMALL_GROUP).build();
        assertThat(enough.evaluate(district, AS_OF).findingsOf("district-small-group")).hasSize(1);
    }

    /** A JVM error in a consequence is an evaluation failure that names the rule; the host goes on. */
    @Test
    void aStackOverflowInAConsequenceIsNamed() {
        RuleEngine engine = RuleEngine.builder().addRules("district/recurses.drl", RECURSES).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-recurses");
        assertThat(e.getMessage()).contains("district-recurses", "StackOverflowError");
        assertThat(ReportWriter.toJson(GOOD.evaluate(district, AS_OF))).isEqualTo(goodReport);
    }

    /** {@code drools.halt()} in a consequence ends the firing early: that is no complete report. */
    @Test
    void aRuleThatHaltsTheEvaluationIsNamedAndNoPartialReportIsGiven() {
        RuleEngine engine = RuleEngine.builder().addRules("district/halts.drl", HALTS).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-halts");
        assertThat(e.getMessage()).contains("rule \"district-halts\" halted the evaluation before it was complete");
    }

    /** Halting as the very last firing leaves nothing undone: the report is complete. */
    @Test
    void aHaltWithNothingLeftToFireIsHarmless() {
        RuleEngine engine = RuleEngine.builder().addRules("district/halts-last.drl", HALTS_LAST).build();

        assertThat(ReportWriter.toJson(engine.evaluate(district, AS_OF))).isEqualTo(goodReport);
    }

    @Test
    void aRuleThatReportsWithoutCategoryAndSeverityIsNamed() {
        RuleEngine engine = RuleEngine.builder().addRules("district/no-metadata.drl", NO_METADATA).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).isEqualTo("district-no-metadata");
        assertThat(e.getMessage()).isEqualTo(
                "rule \"district-no-metadata\" reports a finding but has no @category and @severity metadata");
    }

    @Test
    void aConditionThatThrowsEndsTheEvaluationWithAnEvaluationException() {
        RuleEngine engine = RuleEngine.builder().addRules("district/bad-condition.drl", BAD_CONDITION).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e).hasRootCauseInstanceOf(StringIndexOutOfBoundsException.class);
    }

    @Test
    void aConditionThatThrowsIsNamed() {
        RuleEngine engine = RuleEngine.builder().addRules("district/bad-condition.drl", BAD_CONDITION).build();

        assertThat(evaluationFailure(engine).ruleId()).isEqualTo("district-bad-condition");
    }

    /** Conditions of every shape a district developer might write, each throwing as it is evaluated. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "$h : FamilyHistory( familyId.substring(100).length() > 0 )",
        "$h : FamilyHistory() FamilyHistory( this != $h, familyId.substring(100) == $h.familyId )",
        "$h : FamilyHistory() eval( $h.familyId().substring(100).isEmpty() )",
        "$h : FamilyHistory() $c : org.familyengagement.model.Contact() from $h.contacts().subList(5, 3)",
        "$h : FamilyHistory() Number( intValue > 0 ) from accumulate( $x : FamilyHistory( this == $h ),"
                + " sum( $x.familyId().substring(100).length() ) )",
        "$h : FamilyHistory( contacts.get(100000) != null )",
    })
    void aConditionOfAnyShapeThatThrowsIsNamed(String condition) {
        String drl = HEADER + """
                rule "district-throwing-condition"
                    @category("REACH") @severity("LOW")
                when
                    %s
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """.formatted(condition);
        RuleEngine engine = RuleEngine.builder().addRules("district/throwing-condition.drl", drl).build();

        EvaluationException e = evaluationFailure(engine);

        assertThat(e.ruleId()).as(e.getMessage()).isEqualTo("district-throwing-condition");
        assertThat(e.getMessage()).startsWith("rule \"district-throwing-condition\" failed: ");
    }

    @Test
    void theRuleRunningWhenTheTimeLimitStrikesIsNamed() {
        RuleEngine engine = RuleEngine.builder().timeLimit(Duration.ofMillis(200))
                .addRules("district/sleeps.drl", SLEEPS).build();

        assertThat(evaluationFailure(engine).ruleId()).isEqualTo("district-sleeps");
    }

    // ---------------------------------------------------------------- live sessions

    @Test
    void aLiveSessionWithALoopingRuleDoesNotOpen() {
        RuleEngine engine = RuleEngine.builder().maxRuleFirings(10_000).addRules("district/loop.drl", MODIFY_LOOP)
                .build();
        AtomicReference<LiveSession> opened = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> opened.set(engine.openSession(district, AS_OF)));

        assertThat(opened.get()).as("no session to read partial findings from").isNull();
        assertThat(thrown).isInstanceOfSatisfying(EvaluationException.class,
                e -> assertThat(e.ruleId()).isEqualTo("district-modify-loop"));
    }

    @Test
    void aLiveSessionWithAThrowingRuleDoesNotOpen() {
        RuleEngine engine = RuleEngine.builder().addRules("district/throws.drl", THROWS).build();

        Throwable thrown = catchThrowable(() -> engine.openSession(district, AS_OF).close());

        assertThat(thrown).isInstanceOfSatisfying(EvaluationException.class,
                e -> assertThat(e.ruleId()).isEqualTo("district-throws"));
    }

    /** A loop that only a later fact starts: the update that starts it fails, naming the rule. */
    @Test
    void aLiveUpdateThatStartsALoopFailsNamingTheRule() {
        RuleEngine engine = RuleEngine.builder().maxRuleFirings(10_000).addRules("district/later.drl", HEADER + """
                rule "district-start-on-request"
                when
                    String( this == "start" )
                    not Counter()
                then
                    insert(new Counter(0));
                end

                rule "district-modify-loop"
                when
                    $c : Counter( value >= 0 )
                then
                    modify($c) { setValue($c.getValue() + 1) }
                end
                """).build();

        try (LiveSession live = engine.openSession(district, AS_OF)) {
            assertThat(ReportWriter.toJson(live.findings())).isEqualTo(goodReport);

            Throwable thrown = catchThrowable(() -> live.insertFact("start"));

            assertThat(thrown).isInstanceOfSatisfying(EvaluationException.class,
                    e -> assertThat(e.ruleId()).isEqualTo("district-modify-loop"));
        }
    }

    @Test
    void aLiveSessionWhoseUpdateFailedReportsNothingMore() {
        RuleEngine engine = RuleEngine.builder().addRules("district/throws-later.drl", HEADER + """
                rule "district-throws-on-request"
                when
                    String( this == "fail" )
                then
                    throw new IllegalStateException("the district rule broke");
                end
                """).build();

        try (LiveSession live = engine.openSession(district, AS_OF)) {
            assertThat(catchThrowable(() -> live.insertFact("fail"))).isInstanceOf(EvaluationException.class);

            assertThat(catchThrowable(live::findings)).isInstanceOf(IllegalStateException.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Evaluates the district with {@code engine}, which must fail without returning any report. */
    private static EvaluationException evaluationFailure(RuleEngine engine) {
        AtomicReference<Report> returned = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> returned.set(engine.evaluate(district, AS_OF)));

        assertThat(returned.get()).as("a partial report").isNull();
        assertThat(thrown).isInstanceOf(EvaluationException.class);
        return (EvaluationException) thrown;
    }
}
