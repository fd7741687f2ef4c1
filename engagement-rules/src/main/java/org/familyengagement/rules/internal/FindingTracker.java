package org.familyengagement.rules.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * through {@link FamilyScope} ({@link #hold} and {@link #release}). A finding is current while
 * at least one of them holds it: equal findings from several families of a one-family rule
 * count as one, as truth maintenance counts equal logical inserts as one.
 */
final class FindingTracker implements RuleRuntimeEventListener {
    /** Each current finding, with how many holders it has. */
    private final Map<Finding, Integer> current = new HashMap<>();
    private final Map<String, Set<Finding>> byFamily = new HashMap<>();
    private Set<Finding> added = new LinkedHashSet<>();
    private Set<Finding> removed = new LinkedHashSet<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding finding) {
            hold(finding);
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding finding) {
            release(finding);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Findings are never updated: truth maintenance only inserts and retracts them.
    }

    /** One more holder of a finding; it is added when it had none. */
    void hold(Finding finding) {
        if (current.merge(finding, 1, Integer::sum) > 1) {
            return;
        }
        if (finding.familyId() != null) {
            byFamily.computeIfAbsent(finding.familyId(), k -> new HashSet<>()).add(finding);
        }
        if (!removed.remove(finding)) {
            added.add(finding);
        }
    }

    /** One holder fewer; the finding is removed when none is left. */
    void release(Finding finding) {
        Integer holders = current.get(finding);
        if (holders == null) {
            return;
        }
        if (holders > 1) {
            current.put(finding, holders - 1);
            return;
        }
        current.remove(finding);
        if (finding.familyId() != null) {
            Set<Finding> ofFamily = byFamily.get(finding.familyId());
            ofFamily.remove(finding);
            if (ofFamily.isEmpty()) {
                byFamily.remove(finding.familyId());
            }
        }
        if (!added.remove(finding)) {
            removed.add(finding);
        }
    }

    /** Every current finding, in no particular order. */
    Collection<Finding> current() {
        return current.keySet();
    }

    /** A family's current findings, in no particular order. */
    Set<Finding> ofFamily(String familyId) {
        return byFamily.getOrDefault(familyId, Set.of());
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
