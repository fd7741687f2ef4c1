package org.familyengagement.model;

import java.util.Collection;
import java.util.Map;

import org.familyengagement.errors.Problem;
import org.familyengagement.internal.References;

/** Argument checks shared by the model's compact constructors. */
final class Checks {
    private Checks() {
    }

    /** An id: see {@link References#idProblem} for what one may hold. */
    static String requireId(String value, String what) {
        require(value, what);
        String problem = References.idProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + (problem.startsWith("must not be blank") ? " "
                    : " " + Problem.quote(value) + " ") + problem);
        }
        return value;
    }

    /** An id or {@code null}. */
    static String optionalId(String value, String what) {
        return value == null ? null : requireId(value, what);
    }

    /** A string that is not blank, such as a language tag (whose form a dataset checks). */
    static String requireText(String value, String what) {
        require(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Not {@code requireNonNull(value, supplier)}: its capturing supplier was made on every call. */
    static <T> T require(T value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        return value;
    }

    static <T extends Collection<?>> T noNulls(T values, String what) {
        require(values, what);
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(what + " must not contain null");
            }
        }
        return values;
    }

    static <K, V> Map<K, V> noNulls(Map<K, V> values, String what) {
        require(values, what);
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new NullPointerException(what + " must not contain null keys or values");
            }
        });
        return values;
    }
}
