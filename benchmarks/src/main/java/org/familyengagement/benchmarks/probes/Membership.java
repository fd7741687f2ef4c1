package org.familyengagement.benchmarks.probes;

import org.familyengagement.rules.FamilyHistory;
import org.familyengagement.rules.GroupLabel;

/** One family's membership of one group label: a fact a tally can join by equality (see TallyJoinProbe). */
public record Membership(GroupLabel label, FamilyHistory history) {
    public int reached() {
        return history.reachedCount();
    }
}
