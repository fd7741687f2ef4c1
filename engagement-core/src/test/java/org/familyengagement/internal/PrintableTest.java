package org.familyengagement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlBidiAndSeparatorCharactersAreEscapedVisibly() {
        assertThat(Printable.escape("f-1\u001B[31mred")).isEqualTo("f-1\\u001B[31mred");
        assertThat(Printable.escape("k-1\r\nHIGH forged")).isEqualTo("k-1\\u000D\\u000AHIGH forged");
        assertThat(Printable.escape("abc\u202Edef\u2067")).isEqualTo("abc\\u202Edef\\u2067");
        assertThat(Printable.escape("a\u2028b\u0000")).isEqualTo("a\\u2028b\\u0000");
        assertThat(Printable.escape("lone \uD800 surrogate")).isEqualTo("lone \\uD800 surrogate");
    }

    @Test
    void ordinaryTextIsUnchangedAndTheSameInstance() {
        String text = "Una pregunta de esta familia del 2026-11-13 lleva 4 días escolares sin respuesta: 😀 ok";
        assertThat(Printable.escape(text)).isSameAs(text);
    }
}
