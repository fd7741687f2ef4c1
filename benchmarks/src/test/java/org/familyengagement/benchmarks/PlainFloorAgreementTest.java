package org.familyengagement.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain floor and the rule pack must give the same findings, field for field: the guard
 * against the pack computing a wrong answer silently, and the proof that the benchmarks compare
 * equal work. No timings here: those are in the JMH benchmarks.
 */
class PlainFloorAgreementTest {
    private static RuleEngine threeRules;
    private static RuleEngine wholePack;

    @BeforeAll
    static void engines() {
        threeRules = Districts.threeRuleEngine();
        wholePack = RuleEngine.builder().build();
    }

    static Stream<Arguments> cases() {
        List<Long> seeds = List.of(1L, 7L, 2026L, 90210L);
        List<Instant> instants = List.of(
                Instant.parse("2026-09-11T21:30:00Z"),   // early: a short history, few due inputs
                Instant.parse("2026-10-19T05:00:00Z"),   // local midnight: window edges on day boundaries
                Instant.parse("2026-11-20T23:00:00Z"),   // the documented audit instant
                Instant.parse("2026-12-24T12:00:00Z"));  // after the semester: nothing new in the window end
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int s = 0; s < seeds.size(); s++) {
            for (int a = 0; a < instants.size(); a++) {
                // Sizes vary so group labels cross the minimum group size in different places.
                cases.add(Arguments.of(seeds.get(s), 600 + 700 * ((s + a) % 3), instants.get(a)));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "seed {0}, {1} families, as of {2}")
    @MethodSource("cases")
    void floorEqualsThreeRulePack(long seed, int families, Instant asOf) {
        Dataset dataset = SampleDistrict.generate(seed, families);
        List<PlainFloor.Result> floor = PlainFloor.evaluate(dataset, asOf, threeRules.policy());

        assertThat(results(threeRules.evaluate(dataset, asOf))).containsExactlyElementsOf(floor);
        Report whole = wholePack.evaluate(dataset, asOf);
        assertThat(results(whole).stream().filter(r -> PlainFloor.RULES.contains(r.ruleId())).toList())
                .containsExactlyElementsOf(floor);
    }

    @Test
    void everyRuleFindsSomethingSoTheComparisonIsNotVacuous() {
        Dataset dataset = SampleDistrict.generate(2026, 3000);
        List<PlainFloor.Result> floor = PlainFloor.evaluate(dataset, Districts.AS_OF, Policy.defaults());

        Set<String> rules = floor.stream().map(PlainFloor.Result::ruleId).collect(Collectors.toSet());
        assertThat(rules).containsExactlyInAnyOrderElementsOf(PlainFloor.RULES);
        assertThat(floor.stream().filter(r -> r.metrics() != null)).allSatisfy(r -> {
            assertThat(r.metrics().ratio()).isLessThan(0.8);
            assertThat(r.metrics().pValue()).isLessThan(0.05);
        });
    }

    @Test
    void floorEqualsPackUnderANonDefaultPolicy() {
        Policy policy = Policy.defaults()
                .withLookback(Duration.ofDays(45))
                .withResponseSchoolDays(1)
                .withDeficitOnly(new Policy.DeficitOnly(3))
                .withDisparity(new Policy.Disparity(0.9, 0.1, 25));
        RuleEngine engine = RuleEngine.builder().policy(policy)
                .disable(RuleEngine.builder().build().catalog().ids().stream().filter(id -> !PlainFloor.RULES.contains(id)).toArray(String[]::new))
                .build();
        Dataset dataset = SampleDistrict.generate(11, 2500);
        Instant asOf = Instant.parse("2026-11-03T17:45:00Z");

        List<PlainFloor.Result> floor = PlainFloor.evaluate(dataset, asOf, policy);
        assertThat(floor).extracting(PlainFloor.Result::ruleId).containsAll(PlainFloor.RULES);
        assertThat(results(engine.evaluate(dataset, asOf))).containsExactlyElementsOf(floor);
    }

    private static List<PlainFloor.Result> results(Report report) {
        return report.findings().stream().map(PlainFloor.Result::of).sorted(PlainFloor.Result.ORDER).toList();
    }
}
