package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familyengagement.report.Finding;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * A live session's current findings and what changed since the last {@code changes()}: findings
 * come and go through truth maintenance (the insert and delete events of logical findings) and
 * through the session's {@link FamilyScope}, which keeps the one-family rules' findings itself. A
 * finding is current while either holds it.
 */
final class FindingTracker implements RuleRuntimeEventListener {
    /** The findings truth maintenance holds. */
    private final Set<Finding> logical = new HashSet<>();
    private final Map<String, Set<Finding>> logicalByFamily = new HashMap<>();
    private final FamilyScope scope;
    private Set<Finding> added = new LinkedHashSet<>();
    private Set<Finding> removed = new LinkedHashSet<>();

    FindingTracker(FamilyScope scope) {
        this.scope = scope;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding finding && logical.add(finding)) {
            if (finding.familyId() != null) {
                logicalByFamily.computeIfAbsent(finding.familyId(), k -> new HashSet<>()).add(finding);
            }
            if (!scope.holds(finding)) {
                appeared(finding);
            }
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding finding && logical.remove(finding)) {
            if (finding.familyId() != null) {
                Set<Finding> ofFamily = logicalByFamily.get(finding.familyId());
                ofFamily.remove(finding);
                if (ofFamily.isEmpty()) {
                    logicalByFamily.remove(finding.familyId());
                }
            }
            if (!scope.holds(finding)) {
                disappeared(finding);
            }
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Findings are never updated: truth maintenance only inserts and retracts them.
    }

    /** The family scope took up a finding. */
    void heldByScope(Finding finding) {
        if (!logical.contains(finding)) {
            appeared(finding);
        }
    }

    /** The family scope let a finding go. */
    void releasedByScope(Finding finding) {
        if (!logical.contains(finding)) {
            disappeared(finding);
        }
    }

    private void appeared(Finding finding) {
        if (!removed.remove(finding)) {
            added.add(finding);
        }
    }

    private void disappeared(Finding finding) {
        if (!added.remove(finding)) {
            removed.add(finding);
        }
    }

    /** Every current finding, once, in no particular order. */
    List<Finding> current() {
        List<Finding> all = new ArrayList<>(logical);
        scope.forEach(finding -> {
            if (!logical.contains(finding)) {
                all.add(finding);
            }
        });
        return all;
    }

    /** A family's current findings, in no particular order. */
    Set<Finding> ofFamily(String familyId) {
        Set<Finding> found = new HashSet<>(logicalByFamily.getOrDefault(familyId, Set.of()));
        found.addAll(scope.ofFamily(familyId));
        return found;
    }

    Set<Finding> added() {
        return added;
    }

    Set<Finding> removed() {
        return removed;
    }

    /**
     * Starts new sets rather than clearing: {@code clear()} walks a hash table's whole capacity,
     * which the session's opening (every finding "added") made as large as the findings, and
     * which would then cost every later update as much as a pass over all the findings.
     */
    void clearChanges() {
        if (!added.isEmpty()) {
            added = new LinkedHashSet<>();
        }
        if (!removed.isEmpty()) {
            removed = new LinkedHashSet<>();
        }
    }
}
