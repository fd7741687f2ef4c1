package org.familyengagement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Look-ups by string and from a character buffer agree with a map of each id's first position. */
class IdIndexTest {
    private static final String ALPHABET = "f-0123456789\u0000\u00e9\u00ff\u0100\u4e2d";

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

    @Test
    void findsTheFirstPositionOfEveryIdAndNothingElse() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(randomId(random));
        }
        ids.add(null); // a missing item is skipped
        ids.addAll(List.of("", "f-1", "f-1\u0000", "f-0123456789abc", "f-0123456789abcd", "f-0123456789abcde",
                "Aa", "BB")); // 15, 16 and 17 characters; "Aa" and "BB" share a hash
        ids.add("f-1"); // a repeated id: the first wins
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null) {
                first.putIfAbsent(ids.get(i), i);
            }
        }
        IdIndex<String> index = new IdIndex<>(ids, Function.identity(), IdIndex.Duplicates.IGNORE);

        for (String id : first.keySet()) {
            assertThat(find(index, id)).as(id).isEqualTo(first.get(id));
            assertThat(index.positionOf(id)).as(id).isEqualTo(first.get(id));
        }
        for (int i = 0; i < 5_000; i++) {
            String other = randomId(random);
            assertThat(find(index, other)).as(other).isEqualTo(first.getOrDefault(other, -1));
        }
        for (String absent : List.of("f-", "f-1\u0000\u0000", "f-0123456789ab", "f-0123456789abcdX", "\u0000",
                "f-\u0101", "aa", "BA")) {
            assertThat(find(index, absent)).as(absent).isEqualTo(first.getOrDefault(absent, -1));
        }
    }

    /** The id found from the middle of a larger buffer, as the parser hands it over. */
    private static int find(IdIndex<String> index, String id) {
        char[] buffer = ("<<" + id + ">>").toCharArray();
        return index.positionOf(buffer, 2, id.length());
    }

    private static String randomId(SplittableRandom random) {
        int length = random.nextInt(20);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
