package org.familyengagement.rules;

import java.util.Objects;

import org.familyengagement.report.Group;

/**
 * A fact for each group label that families carry ({@code homeLanguage = so}), for custom rules
 * (the built-in group rules read the {@link GroupRate} tallies the engine counts in Java). Labels
 * exist whatever their size; whether a label may be reported is {@link GroupRate#isEligible()}.
 *
 * @param dimension the group dimension
 * @param label     the label
 */
public record GroupLabel(String dimension, String label) {
    public GroupLabel {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(label, "label");
    }

    /** The label as findings name it. */
    public Group group() {
        return new Group(dimension, label);
    }
}
