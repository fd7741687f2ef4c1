package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Look-ups from a character buffer agree with a map of the ids. */
class IdTableTest {
    private static final String ALPHABET = "f-0123456789\u0000\u00e9\u00ff\u0100\u4e2d";

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
        IdTable table = new IdTable(ids, id -> id);

        for (String id : first.keySet()) {
            assertThat(find(table, id)).as(id).isEqualTo(first.get(id));
        }
        for (int i = 0; i < 5_000; i++) {
            String other = randomId(random);
            assertThat(find(table, other)).as(other).isEqualTo(first.getOrDefault(other, -1));
        }
        for (String absent : List.of("f-", "f-1\u0000\u0000", "f-0123456789ab", "f-0123456789abcdX", "\u0000",
                "f-\u0101", "aa", "BA")) {
            assertThat(find(table, absent)).as(absent).isEqualTo(first.getOrDefault(absent, -1));
        }
    }

    /** The id found from the middle of a larger buffer, as the parser hands it over. */
    private static int find(IdTable table, String id) {
        char[] buffer = ("<<" + id + ">>").toCharArray();
        return table.find(buffer, 2, id.length());
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
