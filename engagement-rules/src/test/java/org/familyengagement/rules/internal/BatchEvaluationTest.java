package org.familyengagement.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.junit.jupiter.api.Test;

class BatchEvaluationTest {
    @Test
    void aDistrictIsCutIntoOneSliceAThreadUpToTheLargestSlice() {
        assertThat(sizes(BatchEvaluation.cut(families(20_000), 2))).containsExactly(10_000, 10_000);
        assertThat(sizes(BatchEvaluation.cut(families(20_001), 2))).containsExactly(6_667, 6_667, 6_667);
        assertThat(sizes(BatchEvaluation.cut(families(100_000), 4))).hasSize(10).containsOnly(10_000);
        assertThat(sizes(BatchEvaluation.cut(families(30_000), 7))).hasSize(7);
    }

    @Test
    void oneThreadJudgesALargeDistrictInSlicesTooAndASmallOneInOne() {
        assertThat(sizes(BatchEvaluation.cut(families(100_000), 1))).hasSize(10).containsOnly(10_000);
        assertThat(sizes(BatchEvaluation.cut(families(10_001), 1))).containsExactly(5_001, 5_000);
        assertThat(sizes(BatchEvaluation.cut(families(10_000), 1))).containsExactly(10_000);
    }

    @Test
    void aSmallDistrictIsOneSliceAndNoSliceIsSmallerThanTheLeast() {
        assertThat(sizes(BatchEvaluation.cut(families(499), 8))).containsExactly(499);
        assertThat(sizes(BatchEvaluation.cut(families(1_000), 8))).containsExactly(250, 250, 250, 250);
        assertThat(sizes(BatchEvaluation.cut(families(0), 8))).containsExactly(0);
    }

    @Test
    void theSlicesAreContiguousAndCoverEveryFamilyOnce() {
        List<Family> families = families(25_003);
        List<Family> joined = new ArrayList<>();
        BatchEvaluation.cut(families, 2).forEach(joined::addAll);
        assertThat(joined).containsExactlyElementsOf(families);
    }

    private static List<Integer> sizes(List<List<Family>> slices) {
        return slices.stream().map(List::size).toList();
    }

    private static List<Family> families(int count) {
        Preference english = Preference.of(List.of("en"), List.of(Channel.PHONE));
        return IntStream.range(0, count).mapToObj(i -> Family.of("f-" + i, english)).toList();
    }
}
