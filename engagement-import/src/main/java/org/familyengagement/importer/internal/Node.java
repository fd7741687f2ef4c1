package org.familyengagement.importer.internal;

import java.util.List;
import java.util.Map;

/**
 * One value of a YAML (or JSON) document, with where it stands: its JSON pointer and its line and
 * column (1-based), so that a problem can name both.
 */
public sealed interface Node {
    String pointer();

    int line();

    int column();

    /** How a message names this kind of value: "a string", "a list". */
    String describe();

    /** A scalar: its text as written, or {@code null} for YAML null ({@code ~}, {@code null}, nothing). */
    record Scalar(String pointer, int line, int column, String text) implements Node {
        public boolean isNull() {
            return text == null;
        }

        @Override
        public String describe() {
            return text == null ? "null" : "the value " + org.familyengagement.errors.Problem.quote(text);
        }
    }

    /** A mapping, keys in the order written. */
    record Mapping(String pointer, int line, int column, Map<String, Node> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(String pointer, int line, int column, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
