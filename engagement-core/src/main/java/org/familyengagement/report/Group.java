package org.familyengagement.report;

import java.io.Serializable;
import java.util.Objects;

/**
 * One label of one group dimension, as families carry it: {@code homeLanguage = es}.
 *
 * @param dimension the dimension, for example {@code homeLanguage}
 * @param label     the label, for example {@code es}
 */
public record Group(String dimension, String label) implements Comparable<Group>, Serializable {
    public Group {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(label, "label");
    }

    /**
     * The dimension only: labels are not ids, and one carried by few families must never reach a
     * log (Drools logs each fact it inserts, at TRACE).
     */
    @Override
    public String toString() {
        return "Group[" + dimension + "]";
    }

    @Override
    public int compareTo(Group other) {
        int c = dimension.compareTo(other.dimension);
        return c != 0 ? c : label.compareTo(other.label);
    }
}
