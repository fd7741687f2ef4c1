package org.familyengagement.benchmarks.probes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.familyengagement.benchmarks.Districts;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;

/**
 * What one Fisher exact test costs for each comparison the group rules make, and how many of the
 * comparisons pass the four-fifths ratio test (only those can become findings):
 * {@code FisherCost <families>}. A live session re-runs these tests whenever a tally changes.
 */
public final class FisherCost {
    private static final FisherExactTest LOWER_TAIL = FisherExactTest.withDefaults()
            .with(AlternativeHypothesis.LESS_THAN);

    private FisherCost() {
    }

    public static void main(String[] args) {
        int families = Integer.parseInt(args[0]);
        Dataset dataset = Districts.generate(families);
        Policy policy = Policy.defaults();
        EvaluationContext context = new EvaluationContext(Districts.AS_OF, policy, dataset.district());
        // {n, successes, families} per dimension and label
        Map<String, Map<String, int[]>> reach = new TreeMap<>();
        Map<String, Map<String, int[]>> response = new TreeMap<>();
        for (Family family : dataset.families()) {
            FamilyHistory history = new FamilyHistory(family, dataset.contactsOf(family.id()),
                    dataset.commitmentsOf(family.id()), context);
            family.groups().forEach((dimension, label) -> {
                add(reach, dimension, label, 1, history.isReachedTwoWay() ? 1 : 0, 1);
                int due = history.dueInputs().size();
                add(response, dimension, label, due, history.answeredOnTimeCount(), due > 0 ? 1 : 0);
            });
        }
        for (Map.Entry<String, Map<String, Map<String, int[]>>> measure : List.of(Map.entry("reach", reach),
                Map.entry("response", response))) {
            int comparisons = 0;
            int below = 0;
            double allMs = 0;
            double belowMs = 0;
            for (Map.Entry<String, Map<String, int[]>> dimension : measure.getValue().entrySet()) {
                String reference = null;
                double referenceRate = -1;
                for (Map.Entry<String, int[]> label : dimension.getValue().entrySet()) {
                    int[] t = label.getValue();
                    if (t[2] >= policy.disparity().minGroupSize() && rate(t) > referenceRate) {
                        reference = label.getKey();
                        referenceRate = rate(t);
                    }
                }
                int[] ref = dimension.getValue().get(reference);
                for (Map.Entry<String, int[]> label : dimension.getValue().entrySet()) {
                    int[] t = label.getValue();
                    if (label.getKey().equals(reference) || t[2] < policy.disparity().minGroupSize()) {
                        continue;
                    }
                    int[][] table = {{t[1], t[0] - t[1]}, {ref[1], ref[0] - ref[1]}};
                    double p = 0;
                    for (int i = 0; i < 20; i++) {
                        p = LOWER_TAIL.test(table).getPValue();
                    }
                    long start = System.nanoTime();
                    for (int i = 0; i < 20; i++) {
                        p = LOWER_TAIL.test(table).getPValue();
                    }
                    double ms = (System.nanoTime() - start) / 1e6 / 20;
                    boolean isBelow = rate(t) < policy.disparity().ratio() * referenceRate;
                    comparisons++;
                    allMs += ms;
                    if (isBelow) {
                        below++;
                        belowMs += ms;
                    }
                    System.out.printf("%-8s %-12s %-9s vs %-8s n %6d / %6d  ratio %.3f  p %.2g  Fisher %.3f ms%s%n",
                            measure.getKey(), dimension.getKey(), label.getKey(), reference, t[0], ref[0],
                            rate(t) / referenceRate, p, ms, isBelow ? "  below ratio" : "");
                }
            }
            System.out.printf("%s: %d comparisons, %d below the ratio; Fisher for all %.2f ms, for those below only %.2f ms%n",
                    measure.getKey(), comparisons, below, allMs, belowMs);
        }
    }

    private static void add(Map<String, Map<String, int[]>> tallies, String dimension, String label, int n,
                            int successes, int families) {
        int[] t = tallies.computeIfAbsent(dimension, k -> new TreeMap<>()).computeIfAbsent(label, k -> new int[3]);
        t[0] += n;
        t[1] += successes;
        t[2] += families;
    }

    private static double rate(int[] t) {
        return t[0] == 0 ? 0 : (double) t[1] / t[0];
    }
}
