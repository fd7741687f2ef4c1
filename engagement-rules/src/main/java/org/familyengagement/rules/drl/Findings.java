package org.familyengagement.rules.drl;

import java.util.Collection;

import org.familyengagement.model.Evidence;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.kie.api.runtime.rule.RuleContext;

/**
 * How a rule reports what it found: the {@code findings} global of every rule file. DRL-author
 * API: it takes Drools' {@code kcontext} (a {@link RuleContext}), which every consequence has.
 *
 * <pre>{@code
 * global org.familyengagement.rules.drl.Findings findings;
 *
 * rule "iep-notice-late"
 *     @category("PARTNERSHIP") @severity("HIGH")
 *     @message("The IEP meeting on {date} was announced {days} days before.")
 * when ...
 * then
 *     findings.forFamily(kcontext, $h.familyId()).evidence($meeting).with("days", 3).report();
 * end
 * }</pre>
 *
 * <p>The finding's rule id is the rule's name, and its category and severity come from the rule's
 * own {@code @category} and {@code @severity}, so a custom finding looks exactly like a built-in
 * one. The engine attributes it to the schools and staff its evidence names (contacts, meetings,
 * commitments, or their ids); no rule does that itself. Its message is the rule's entry in the message bundle, else its {@code @message}, else its
 * {@code @title}: an ICU message pattern whose named arguments are given with {@code with(...)}.
 * Messages quote ids, dates and counts only, never anything a family wrote.
 */
public interface Findings {
    /** Starts a finding about one family. */
    Builder forFamily(RuleContext kcontext, String familyId);

    /** Starts a finding about one group label; the label must be eligible (carried by enough families). */
    Builder forGroup(RuleContext kcontext, Group group);

    /** Starts a finding about one broadcast (a mass message, by its {@code broadcastId}). */
    Builder forBroadcast(RuleContext kcontext, String broadcastId);

    /**
     * A finding being put together by a rule's consequence. Evidence is a contact, a commitment
     * or a meeting (each an {@link Evidence}), or a collection of them; the id of a fact of your
     * own goes in as a string. {@code null} items are skipped.
     */
    interface Builder {
        /** Adds contacts, commitments or meetings as evidence. */
        Builder evidence(Evidence... items);

        /** Adds every contact, commitment or meeting of a collection as evidence. */
        Builder evidence(Collection<? extends Evidence> items);

        /** Adds ids as evidence: of your own facts, say an IEP meeting your SIS records. */
        Builder evidence(String... ids);

        /** A named argument of the message pattern. */
        Builder with(String name, Object value);

        /** The figures of a group finding. */
        Builder metrics(Metrics value);

        /** The figures of a broadcast finding. */
        Builder metrics(BroadcastMetrics value);

        /** Reports the finding. */
        void report();
    }
}
