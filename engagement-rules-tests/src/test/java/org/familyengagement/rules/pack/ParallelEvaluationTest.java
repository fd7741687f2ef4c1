package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch evaluation splits the families across threads, one session each, and adds the group
 * tallies back together: its findings document is the same, byte for byte, on 1, 2 and 7 threads.
 * The districts are generated at random (2,100 families: seven slices of 300), and the policies
 * make labels eligible only when counted across slices, so group findings depend on the merge.
 */
class ParallelEvaluationTest {
    private static final int FAMILIES = 2_100;

    @ParameterizedTest(name = "seed {0}, min group size {1}")
    @CsvSource({"3, 10", "17, 120", "2026, 400"})
    void theFindingsAreTheSameOnAnyNumberOfThreads(long seed, int minGroupSize) {
        Dataset district = SampleDistrict.generate(seed, FAMILIES);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z")
                .minus(Duration.ofDays(new SplittableRandom(seed).nextInt(0, 30)));
        // Sensitive thresholds: small gaps are flagged, so group findings of both kinds appear.
        Policy policy = Policy.defaults().withDisparity(new Policy.Disparity(0.95, 0.5, minGroupSize));

        String one = json(policy, 1, district, asOf);
        String two = json(policy, 2, district, asOf);
        String seven = json(policy, 7, district, asOf);

        assertThat(two).isEqualTo(one);
        assertThat(seven).isEqualTo(one);
        Report report = RuleEngine.builder().policy(policy).threads(7).build().evaluate(district, asOf);
        assertThat(report.findings()).filteredOn(Finding::isGroupFinding).as("group findings").isNotEmpty();
        assertThat(report.findings()).filteredOn(f -> !f.isGroupFinding()).as("family findings").isNotEmpty();
    }

    /**
     * Not vacuous: with a minimum group size of 400, every flagged label has fewer families than
     * that in each of the seven slices (300 families each), so it is eligible only in the sum.
     */
    @Test
    void aLabelEligibleOnlyAcrossSlicesIsJudgedOnItsWholeCount() {
        Dataset district = SampleDistrict.generate(2026, FAMILIES);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        Policy policy = Policy.defaults().withDisparity(new Policy.Disparity(0.95, 0.5, 400));

        Report report = RuleEngine.builder().policy(policy).threads(7).build().evaluate(district, asOf);

        List<Group> flagged = report.findings().stream().filter(Finding::isGroupFinding).map(Finding::group)
                .distinct().toList();
        assertThat(flagged).isNotEmpty();
        for (Group label : flagged) {
            assertThat(largestShareInOneSlice(district.families(), label, 7)).as(label.toString())
                    .isLessThan(400);
            assertThat(familiesWith(district.families(), label)).as(label.toString()).isGreaterThanOrEqualTo(400);
        }
    }

    /**
     * Above 10,000 families a session, a batch evaluation cuts more slices than threads: 25,000
     * families on two threads are three slices, one worker judging two of them in turn, and on one
     * thread three slices judged in turn. A live session, which holds every family in one session,
     * is the reference.
     */
    @Test
    void aDistrictOfMoreSlicesThanThreadsGivesTheSameFindingsAsOneSession() {
        Dataset district = SampleDistrict.generate(11, 25_000);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        Policy policy = Policy.defaults().withDisparity(new Policy.Disparity(0.95, 0.5, 120));
        String oneSession;
        try (LiveSession session = RuleEngine.builder().policy(policy).build().openSession(district, asOf)) {
            oneSession = ReportWriter.toJson(session.findings());
        }

        assertThat(json(policy, 2, district, asOf)).isEqualTo(oneSession);
        assertThat(json(policy, 1, district, asOf)).isEqualTo(oneSession);
    }

    @Test
    void aSmallDistrictGivesTheSameFindingsOnManyThreadsAsOnOne() {
        Dataset district = SampleDistrict.generate(5, 60);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");

        assertThat(json(Policy.defaults(), 16, district, asOf)).isEqualTo(json(Policy.defaults(), 1, district, asOf));
    }

    /**
     * A district's rule that compares families with each other sees every family though the engine
     * may use seven threads: the engine judges in one session when a rule reads across families.
     */
    @Test
    void aRuleThatComparesFamiliesSeesTheWholeDistrictOnAnyNumberOfThreads() {
        String drl = """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;

                rule "most-contacted-family"
                    @category("REACH") @severity("LOW") @message("The family with the most contacts in the district.")
                when
                    $h : FamilyHistory( $n : contacts.size() )
                    not FamilyHistory( contacts.size() > $n )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """;
        Dataset district = SampleDistrict.generate(3, FAMILIES);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        ToIntFunction<Family> contactsByAsOf = family -> (int) district.contactsOf(family.id()).stream()
                .filter(contact -> !contact.at().isAfter(asOf)).count();
        int most = district.families().stream().mapToInt(contactsByAsOf).max().orElseThrow();
        long mostContacted = district.families().stream().filter(f -> contactsByAsOf.applyAsInt(f) == most).count();

        Report seven = RuleEngine.builder().addRules("district/most.drl", drl).threads(7).build()
                .evaluate(district, asOf);
        Report one = RuleEngine.builder().addRules("district/most.drl", drl).threads(1).build()
                .evaluate(district, asOf);

        // Judged in seven slices, each slice's own most contacted family would be reported.
        assertThat(seven.findingsOf("most-contacted-family")).hasSize((int) mostContacted);
        assertThat(RuleEngine.builder().addRules("district/most.drl", drl).build().rulesAcrossFamilies())
                .containsExactly("most-contacted-family");
        assertThat(RuleEngine.builder().build().rulesAcrossFamilies()).isEmpty();
        assertThat(ReportWriter.toJson(seven)).isEqualTo(ReportWriter.toJson(one));
    }

    /**
     * A rule whose alternatives each read one family is judged in slices like any other (Drools
     * makes a rule of each alternative): on seven threads it reports what one session does.
     */
    @Test
    void aRuleWithAlternativesOfOneFamilyEachIsJudgedInParallel() {
        String drl = """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;

                rule "quiet-or-overloaded"
                    @category("REACH") @severity("LOW") @message("No contact, or more than twenty.")
                when
                    $h : FamilyHistory( contacts.isEmpty() ) or $h : FamilyHistory( contacts.size() > 20 )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """;
        Dataset district = SampleDistrict.generate(3, FAMILIES);
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        RuleEngine seven = RuleEngine.builder().addRules("district/either.drl", drl).threads(7).build();
        String oneSession;
        try (LiveSession session = seven.openSession(district, asOf)) {
            oneSession = ReportWriter.toJson(session.findings());
        }

        assertThat(seven.rulesAcrossFamilies()).isEmpty();
        Report report = seven.evaluate(district, asOf);
        assertThat(report.findingsOf("quiet-or-overloaded")).hasSizeGreaterThan(7);
        assertThat(ReportWriter.toJson(report)).isEqualTo(oneSession);
    }

    private static String json(Policy policy, int threads, Dataset district, Instant asOf) {
        return ReportWriter.toJson(RuleEngine.builder().policy(policy).threads(threads).build()
                .evaluate(district, asOf));
    }

    private static int familiesWith(List<Family> families, Group label) {
        return (int) families.stream().filter(f -> label.label().equals(f.groups().get(label.dimension()))).count();
    }

    /** The most families with the label in one of {@code slices} contiguous, near-equal slices. */
    private static int largestShareInOneSlice(List<Family> families, Group label, int slices) {
        Map<Integer, Integer> perSlice = new HashMap<>();
        for (int i = 0; i < families.size(); i++) {
            if (label.label().equals(families.get(i).groups().get(label.dimension()))) {
                perSlice.merge(i * slices / families.size(), 1, Integer::sum);
            }
        }
        return perSlice.values().stream().max(Integer::compare).orElse(0);
    }
}
