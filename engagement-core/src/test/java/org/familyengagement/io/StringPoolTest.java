package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringPoolTest {

    @Test
    void equalValuesShareOneString() {
        StringPool pool = new StringPool();
        char[] buffer = "[\"f-12\",\"f-12\"]".toCharArray();

        String first = pool.get(buffer, 2, 4);
        String second = pool.get(buffer, 9, 4);

        assertThat(first).isEqualTo("f-12").isSameAs(second);
        assertThat(pool.get(new String("f-12"))).isSameAs(first);
    }

    @Test
    void keepsEveryValueAcrossGrowth() {
        StringPool pool = new StringPool();
        String[] firsts = new String[10_000];
        for (int i = 0; i < firsts.length; i++) {
            firsts[i] = pool.get("f-" + i);
        }

        for (int i = 0; i < firsts.length; i++) {
            assertThat(pool.get("f-" + i)).isSameAs(firsts[i]);
        }
        assertThat(pool.size()).isEqualTo(10_000);
        assertThat(pool.get("")).isEmpty();
    }

    @Test
    void stringsWithTheSameHashStayApart() {
        StringPool pool = new StringPool();
        // "Aa" and "BB" have the same String hash code.
        assertThat(pool.get("Aa")).isEqualTo("Aa");
        assertThat(pool.get("BB")).isEqualTo("BB");
        assertThat(pool.get("Aa")).isEqualTo("Aa");
    }
}
