package org.familyengagement.model;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the model's compact constructors. */
final class Checks {
    private Checks() {
    }

    static String requireId(String value, String what) {
        Objects.requireNonNull(value, () -> what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static <T> T require(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " must not be null");
    }

    static <T extends Collection<?>> T noNulls(T values, String what) {
        Objects.requireNonNull(values, () -> what + " must not be null");
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(what + " must not contain null");
            }
        }
        return values;
    }

    static <K, V> Map<K, V> noNulls(Map<K, V> values, String what) {
        Objects.requireNonNull(values, () -> what + " must not be null");
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new NullPointerException(what + " must not contain null keys or values");
            }
        });
        return values;
    }
}
