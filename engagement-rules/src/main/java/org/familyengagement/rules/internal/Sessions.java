package org.familyengagement.rules.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.core.phreak.RuleAgendaItem;
import org.drools.kiesession.agenda.DefaultAgenda;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Staff;
import org.familyengagement.report.Group;
import org.familyengagement.rules.EvaluationException;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/** What batch evaluation and live sessions share: filling a session, and firing it within limits. */
final class Sessions {
    static final String FINDINGS_GLOBAL = "findings";
    /**
     * How Drools names the rule of a condition that failed, in its message: ConstraintEvaluationException
     * says {@code [Rule "x" in file.drl]}, MVEL's PropertyAccessException {@code In Rule "x"}.
     */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("(?:\\[|In )Rule \"([^\"]+)\"");

    private Sessions() {
    }

    /** What filling a session gave: the handles a live session keeps to replace facts later. */
    record Filled(FactHandle context, Map<String, FactHandle> histories, Map<Object, FactHandle> extraFacts) {
    }

    /**
     * Inserts a session's facts, batch and live alike: the context, staff, the families' histories,
     * every group label (custom rules may read them; the group rules read the rates), the tallies'
     * facts (group rates, broadcast tallies, topic coverage: whole-dataset counts, whatever share of
     * the families the session holds), and the embedder's extra facts.
     *
     * @param tallies inserts the tallies' facts: a live session keeps their handles to update them
     */
    static Filled fill(KieSession session, EvaluationContext context, Collection<Staff> staff,
                       Collection<FamilyHistory> histories, Set<Group> labels, Consumer<KieSession> tallies,
                       Collection<?> extraFacts) {
        FactHandle contextHandle = session.insert(context);
        for (Staff member : staff) {
            session.insert(member);
        }
        Map<String, FactHandle> historyHandles = new HashMap<>();
        for (FamilyHistory history : histories) {
            historyHandles.put(history.familyId(), session.insert(history));
        }
        for (Group label : labels) {
            session.insert(label);
        }
        tallies.accept(session);
        Map<Object, FactHandle> extraHandles = new IdentityHashMap<>();
        for (Object fact : extraFacts) {
            extraHandles.put(fact, session.insert(fact));
        }
        return new Filled(contextHandle, historyHandles, extraHandles);
    }

    static FamilyHistory history(Dataset dataset, Family family, EvaluationContext context) {
        return new FamilyHistory(family, dataset.contactsOf(family.id()), dataset.commitmentsOf(family.id()),
                dataset.meetingsOf(family.id()), context);
    }

    /** Every label that some family carries, in a stable order. */
    static Set<Group> groupLabels(Dataset dataset) {
        return groupSizes(dataset).keySet();
    }

    /** How many families carry each label, labels in a stable order. */
    static SortedMap<Group, Integer> groupSizes(Dataset dataset) {
        return groupSizes(dataset.families());
    }

    /** How many of these families carry each label, labels in a stable order. */
    static SortedMap<Group, Integer> groupSizes(Collection<Family> families) {
        SortedMap<Group, Integer> sizes = new TreeMap<>();
        for (Family family : families) {
            family.groups().forEach((dimension, label) -> sizes.merge(new Group(dimension, label), 1, Integer::sum));
        }
        return sizes;
    }

    /**
     * The group labels a finding may name: those carried by at least {@code disparity.minGroupSize}
     * families ({@code sizes}: {@link #groupSizes}). Live sessions never change a family's labels, so this holds for their lifetime.
     */
    static Predicate<Group> reportableGroups(Map<Group, Integer> sizes, int minGroupSize) {
        return group -> sizes.getOrDefault(group, 0) >= minGroupSize;
    }

    /**
     * Fires the session's rules within the limits. A rule that throws, loops or runs past the time
     * limit ends the evaluation with an {@link EvaluationException} that names it.
     */
    static void fire(KieSession session, Limits limits) {
        fire(session, limits, new FiringWatch());
    }

    /** Fires within the limits, with a watch that another thread may ask what is running. */
    static void fire(KieSession session, Limits limits, FiringWatch watch) {
        session.addEventListener(watch);
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicReference<String> runningAtLimit = new AtomicReference<>();
        Watchdog.Alarm alarm = Watchdog.set(limits.timeLimit(), () -> {
            runningAtLimit.set(watch.running);
            timedOut.set(true);
            session.halt();
        });
        try {
            int max = (int) Math.min(Integer.MAX_VALUE - 1L, limits.maxRuleFirings());
            int fired = session.fireAllRules(max);
            if (timedOut.get()) {
                // The rule whose consequence was running when the limit struck is to blame; between
                // firings (a slow condition), the one that fired most.
                String blamed = runningAtLimit.get() != null ? runningAtLimit.get() : watch.busiest();
                throw new EvaluationException(blamed, "the evaluation ran longer than its time limit of "
                        + limits.timeLimit() + "; rule \"" + blamed + "\" "
                        + (runningAtLimit.get() != null ? "was running" : "fired most"));
            }
            // Rules left to fire after fireAllRules returned: either the firing limit stopped it,
            // or a rule called drools.halt(). Either way the findings are partial, never a report.
            String stoppedAfter = watch.lastFired;
            if (session.fireAllRules(1) > 0) {
                if (fired >= max) {
                    throw new EvaluationException(watch.busiest(), "rules fired more than the limit of "
                            + limits.maxRuleFirings() + " times; \"" + watch.busiest()
                            + "\" fired most, which usually means it keeps re-activating itself");
                }
                throw new EvaluationException(stoppedAfter, "rule \"" + stoppedAfter
                        + "\" halted the evaluation before it was complete (drools.halt()); "
                        + "a partial evaluation is never reported");
            }
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            EvaluationException ours = findEvaluationException(e);
            if (ours != null) {
                throw ours;
            }
            String blamed = blamedRule(e);
            if (blamed == null) {
                blamed = ruleUnderEvaluation(session);
            }
            throw new EvaluationException(blamed, (blamed != null ? "rule \"" + blamed + "\"" : "a rule")
                    + " failed: " + rootMessage(e), e);
        } finally {
            alarm.close();
            session.removeEventListener(watch);
        }
    }

    /**
     * The rule an exception out of {@code fireAllRules} comes from: the consequence's own rule, or
     * the rule a failed condition belongs to, which Drools names only in its message
     * ({@code [Rule "x" in file.drl]}). Never merely the rule that fired last: a condition is
     * evaluated between firings, so that rule is not to blame. {@code null} when unknown.
     */
    private static String blamedRule(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException consequence && consequence.getRule() != null) {
                return consequence.getRule().getName();
            }
            Matcher named = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (named.find()) {
                return named.group(1);
            }
        }
        return null;
    }

    /**
     * The rule whose conditions were being evaluated when one threw without naming it (a join, an
     * {@code eval}, a {@code from} or an accumulate): Drools evaluates a rule's network lazily, just
     * before firing it, with the rule's agenda item at the head of its group (it peeks, evaluates,
     * then removes), so after the failure that item is still there. {@code null} when it is not.
     */
    private static String ruleUnderEvaluation(KieSession session) {
        if (session instanceof StatefulKnowledgeSessionImpl impl && impl.getAgenda() instanceof DefaultAgenda agenda) {
            RuleAgendaItem item = agenda.peekNextRule();
            return item == null ? null : item.getRule().getName();
        }
        return null;
    }

    private static EvaluationException findEvaluationException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EvaluationException found) {
                return found;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Remembers which rule is firing and how often each fired. */
    static final class FiringWatch extends DefaultAgendaEventListener {
        /** Concurrent: the caller of a batch evaluation may ask for the busiest rule at its time limit. */
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();
        /** The rule whose consequence runs now, or null between firings; read by other threads. */
        private volatile String running;
        /** The rule that fired last. */
        private String lastFired;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            running = event.getMatch().getRule().getName();
            lastFired = running;
            counts.merge(running, 1, Integer::sum);
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            running = null;
        }

        /** The rule whose consequence runs now, or {@code null} between firings. */
        String running() {
            return running;
        }

        String busiest() {
            return counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }
}
