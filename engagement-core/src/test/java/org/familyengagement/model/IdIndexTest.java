package org.familyengagement.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class IdIndexTest {
    @Test
    void findsEachIdAtItsFirstPositionAndReportsRepeats() {
        List<String> ids = Arrays.asList("k-1", null, "k-2", "k-1", "k-3", "k-2");
        List<String> repeats = new ArrayList<>();

        IdIndex<String> index = new IdIndex<>(ids, Function.identity(),
                (position, first, id) -> repeats.add(id + "@" + position + " first@" + first));

        assertThat(repeats).containsExactly("k-1@3 first@0", "k-2@5 first@2");
        assertThat(index.positionOf("k-1")).isZero();
        assertThat(index.positionOf("k-2")).isEqualTo(2);
        assertThat(index.positionOf("k-3")).isEqualTo(4);
        assertThat(index.positionOf("k-4")).isEqualTo(-1);
        assertThat(index.get("k-3")).isEqualTo("k-3");
        assertThat(index.contains("k-4")).isFalse();
        assertThat(index.positionOf(null)).isEqualTo(-1);
    }

    @Test
    void manyIdsWithCollidingLowBitsAreAllFound() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            ids.add(String.format("k-%07d", i));
        }

        IdIndex<String> index = new IdIndex<>(ids, Function.identity(), (position, first, id) -> {
            throw new AssertionError("no repeats: " + id);
        });

        for (int i = 0; i < ids.size(); i++) {
            assertThat(index.positionOf(ids.get(i))).isEqualTo(i);
        }
        assertThat(index.positionOf("k-0050000")).isEqualTo(-1);
        // Over a copy: the same positions.
        assertThat(index.over(List.copyOf(ids)).positionOf("k-0049999")).isEqualTo(49_999);
    }
}
