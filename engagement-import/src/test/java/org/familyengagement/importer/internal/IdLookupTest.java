package org.familyengagement.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link IdLookup} answers as a map from id to value would, by string or by characters. */
class IdLookupTest {
    @Test
    void answersAsAMap() {
        IdLookup lookup = new IdLookup();
        Map<String, Integer> map = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            String id = "stu-" + random.nextInt(20_000) + (i % 7 == 0 ? "é" : "");
            int value = random.nextInt() >> random.nextInt(32);
            lookup.put(id, value);
            map.put(id, value);
        }
        char[] chars = new char[64];
        for (int i = 0; i < 30_000; i++) {
            String id = "stu-" + random.nextInt(25_000) + (i % 7 == 0 ? "é" : "");
            int slot = lookup.slot(id);
            "xx".getChars(0, 2, chars, 0);
            id.getChars(0, id.length(), chars, 2);
            assertThat(lookup.slot(chars, 2, 2 + id.length())).isEqualTo(slot);
            if (map.containsKey(id)) {
                assertThat(lookup.value(slot)).isEqualTo(map.get(id));
                assertThat(lookup.key(slot)).isEqualTo(id);
            } else {
                assertThat(slot).isEqualTo(-1);
            }
        }
        assertThat(lookup.slot(chars, 2, 2)).isEqualTo(-1);
    }

    @Test
    void keepsTheFirstInstanceOfAnId() {
        IdLookup lookup = new IdLookup(1);
        String first = new String("f-1");
        lookup.put(first, 1);
        lookup.put(new String("f-1"), -1);
        int slot = lookup.slot("f-1");
        assertThat(lookup.key(slot)).isSameAs(first);
        assertThat(lookup.value(slot)).isEqualTo(-1);
    }
}
