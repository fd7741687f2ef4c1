package org.familyengagement.benchmarks.probes;

import org.familyengagement.rules.FamilyHistory;
import org.familyengagement.rules.GroupLabel;

/**
 * A family fact whose labels were resolved once to the canonical {@link GroupLabel} facts, so
 * {@code hasLabel} is an identity scan of a few references instead of a map lookup per label
 * (see TallyJoinProbe).
 */
public final class ResolvedFamily {
    private final GroupLabel[] labels;
    private final FamilyHistory history;

    public ResolvedFamily(GroupLabel[] labels, FamilyHistory history) {
        this.labels = labels.clone();
        this.history = history;
    }

    public boolean hasLabel(GroupLabel label) {
        for (GroupLabel own : labels) {
            if (own == label) {
                return true;
            }
        }
        return false;
    }

    public int reachedCount() {
        return history.reachedCount();
    }
}
