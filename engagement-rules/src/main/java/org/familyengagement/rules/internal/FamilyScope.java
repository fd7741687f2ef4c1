package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.PatternSource;
import org.drools.base.rule.RuleConditionElement;
import org.familyengagement.report.Finding;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A live session's findings of the rules that read one family's history and the context only,
 * kept per family without truth maintenance. When a family's history is replaced, every match of
 * such a rule on that family fires again (an update re-matches the whole fact), so the findings
 * those firings report are the family's findings now, as a batch evaluation would collect them;
 * they are compared with the family's previous ones and only the difference reaches the
 * session's changes. Truth maintenance retracted and re-inserted every finding of the family on
 * each update, changed or not, and kept a fact handle and a justification per finding.
 *
 * <p>Whatever else may change a finding stays with truth maintenance: a rule that joins any
 * other fact (group rates, broadcast and topic tallies, labels, staff, an embedder's facts), a
 * rule with an agenda or activation group, {@code lock-on-active} or a timer, and a firing on a
 * history or context that is not the session's own (an embedder's extra fact).
 */
final class FamilyScope {
    /** A family's findings now, as reported by the last firings of the family's matches. */
    private final Map<String, List<Finding>> byFamily = new HashMap<>();
    /** The families whose history was replaced since the last firing, with their new history. */
    private Map<String, FamilyHistory> pending = new HashMap<>();
    /** What the pending families' matches reported in this firing. */
    private Map<String, List<Finding>> fresh = new HashMap<>();
    private final Supplier<EvaluationContext> context;

    /** @param context the session's current context */
    FamilyScope(Supplier<EvaluationContext> context) {
        this.context = context;
    }

    /**
     * True when a rule's conditions read exactly one {@link FamilyHistory} from working memory,
     * and otherwise only the {@link EvaluationContext}, objects taken {@code from} the matched facts,
     * accumulates over such objects, and {@code eval}s; and nothing in its attributes lets
     * another rule or the clock decide whether it fires. Anything unexpected answers false.
     */
    static boolean readsOneFamily(Rule rule) {
        if (!(rule instanceof RuleImpl impl) || impl.isQuery() || impl.getTimer() != null || impl.isLockOnActive()
                || !isBlank(impl.getActivationGroup()) || !"MAIN".equals(impl.getAgendaGroup())
                || !isBlank(impl.getRuleFlowGroup()) || (impl.getCalendars() != null && impl.getCalendars().length > 0)
                || impl.getDateEffective() != null || impl.getDateExpires() != null) {
            return false;
        }
        int[] histories = {0};
        return readsOneFamily(impl.getLhs(), true, histories) && histories[0] == 1;
    }

    /** @param topLevel whether the element is reached through conjunctions only (not in a not, exists, or, accumulate) */
    private static boolean readsOneFamily(RuleConditionElement element, boolean topLevel, int[] histories) {
        if (element instanceof GroupElement group) {
            boolean and = topLevel && group.isAnd();
            for (RuleConditionElement child : group.getChildren()) {
                if (!readsOneFamily(child, and, histories)) {
                    return false;
                }
            }
            return true;
        }
        if (element instanceof Pattern pattern) {
            PatternSource source = pattern.getSource();
            if (source == null || EntryPointId.DEFAULT.equals(source)) {
                Class<?> type = classOf(pattern.getObjectType());
                if (type == EvaluationContext.class) {
                    return true;
                }
                if (type == FamilyHistory.class && topLevel) {
                    histories[0]++;
                    return true;
                }
                return false;
            }
            if (source instanceof From) {
                return true;
            }
            if (source instanceof Accumulate || source instanceof Collect) {
                for (RuleConditionElement nested : source.getNestedElements()) {
                    if (!readsOneFamily(nested, false, histories)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
        return element instanceof EvalCondition;
    }

    /**
     * True when a rule's conditions may read more than one family's history from working memory:
     * two {@code FamilyHistory} patterns joined, or one under a {@code not}, {@code exists},
     * {@code forall}, {@code accumulate} or {@code collect} ("no family has...", "the families
     * that..."). Such a rule sees only its session's families, so a batch evaluation judges every
     * family in one session when an engine has one. Alternatives ({@code or}) are counted apart,
     * as Drools makes a rule of each: {@code FamilyHistory(a) or FamilyHistory(b)} reads one
     * family. Histories a rule takes {@code from} a collection it matched are not counted: that
     * collection came from working memory first.
     */
    static boolean readsAcrossFamilies(Rule rule) {
        if (!(rule instanceof RuleImpl impl) || impl.isQuery()) {
            return false;
        }
        boolean[] nested = {false};
        return histories(impl.getLhs(), true, nested) > 1 || nested[0];
    }

    /**
     * The most histories one alternative of an element reads from working memory; sets
     * {@code nested[0]} when one is read below the top (under anything but conjunctions and alternatives).
     */
    private static int histories(RuleConditionElement element, boolean topLevel, boolean[] nested) {
        if (element instanceof GroupElement group && group.isOr()) {
            int most = 0;
            for (RuleConditionElement alternative : group.getChildren()) {
                most = Math.max(most, histories(alternative, topLevel, nested));
            }
            return most;
        }
        int histories = 0;
        if (element instanceof Pattern pattern && classOf(pattern.getObjectType()) == FamilyHistory.class
                && (pattern.getSource() == null || pattern.getSource() instanceof EntryPointId)) {
            histories++;
            nested[0] |= !topLevel;
        }
        // A conjunction's children stand where it stands; anything else (not, exists, forall, a
        // pattern's source) puts what it holds below the top.
        boolean childrenTopLevel = topLevel && element instanceof GroupElement group && group.isAnd();
        for (RuleConditionElement child : element.getNestedElements()) {
            histories += histories(child, childrenTopLevel, nested);
        }
        return histories;
    }

    private static Class<?> classOf(ObjectType type) {
        return type instanceof ClassObjectType classType ? classType.getClassType() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    /** A family's history was put in the session: its matches fire (again) in the next firing, and report afresh. */
    void replaced(FamilyHistory history) {
        pending.put(history.familyId(), history);
    }

    /**
     * Takes a finding of a {@linkplain #readsOneFamily one-family rule} that is firing, when the
     * match is on the session's own history of a replaced family (and its own context); false
     * otherwise, and the finding goes to truth maintenance.
     */
    boolean collect(RuleContext kcontext, Finding finding) {
        FamilyHistory origin = null;
        for (Object fact : kcontext.getMatch().getObjects()) {
            if (fact instanceof FamilyHistory history) {
                if (origin != null) {
                    return false;
                }
                origin = history;
            } else if (fact instanceof EvaluationContext matched && matched != context.get()) {
                return false;
            }
        }
        if (origin == null || pending.get(origin.familyId()) != origin) {
            return false;   // not a replaced family's history as the session holds it
        }
        if (!origin.familyId().equals(finding.familyId())) {
            return false;   // about another family, or not about a family: truth maintenance counts those
        }
        List<Finding> found = fresh.computeIfAbsent(origin.familyId(), k -> new ArrayList<>(2));
        if (!found.contains(finding)) {
            found.add(finding);   // equal findings of one family are one, as in truth maintenance
        }
        return true;
    }

    /**
     * After a firing: each replaced family's findings become those its matches reported; what
     * differs from before goes to the tracker (findings that went, then findings that came).
     */
    void settle(FindingTracker tracker) {
        for (String familyId : pending.keySet()) {
            List<Finding> now = fresh.get(familyId);
            List<Finding> before = now == null ? byFamily.remove(familyId) : byFamily.put(familyId, now);
            if (sameFindings(before, now)) {
                continue;
            }
            if (before != null) {
                for (Finding finding : before) {
                    if (now == null || !now.contains(finding)) {
                        tracker.releasedByScope(finding);
                    }
                }
            }
            if (now != null) {
                for (Finding finding : now) {
                    if (before == null || !before.contains(finding)) {
                        tracker.heldByScope(finding);
                    }
                }
            }
        }
        // New rather than cleared: clear() walks the whole capacity, which the opening (every family
        // pending) made as large as the district.
        pending = new HashMap<>();
        fresh = new HashMap<>();
    }

    /** True when the scope holds this finding now. */
    boolean holds(Finding finding) {
        List<Finding> ofFamily = finding.familyId() == null ? null : byFamily.get(finding.familyId());
        return ofFamily != null && ofFamily.contains(finding);
    }

    /** The findings the scope holds for a family. */
    List<Finding> ofFamily(String familyId) {
        return byFamily.getOrDefault(familyId, List.of());
    }

    /** Every finding the scope holds. */
    void forEach(Consumer<Finding> action) {
        for (List<Finding> ofFamily : byFamily.values()) {
            ofFamily.forEach(action);
        }
    }

    /** Equal as sets (neither list repeats a finding); a family has a handful of findings at most. */
    private static boolean sameFindings(List<Finding> a, List<Finding> b) {
        int sizeA = a == null ? 0 : a.size();
        int sizeB = b == null ? 0 : b.size();
        if (sizeA != sizeB) {
            return false;
        }
        if (sizeA == 0) {
            return true;
        }
        if (a.equals(b)) {
            return true;
        }
        for (Finding finding : a) {
            if (!b.contains(finding)) {
                return false;
            }
        }
        return true;
    }
}
