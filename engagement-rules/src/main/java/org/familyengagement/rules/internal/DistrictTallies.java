package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Preference;
import org.familyengagement.rules.drl.BroadcastTally;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.familyengagement.rules.drl.TopicCoverage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The tallies that span families but no group, counted in Java from the families' histories as
 * {@link GroupTallies} counts the group rates: one {@link BroadcastTally} per broadcast
 * ({@code untranslated-broadcast}), the district's {@link TopicCoverage} ({@code no-progress-contact}),
 * and the counts of the report's coverage ({@link CoverageCounter}).
 * A tally whose rule is not in the engine is not counted and gets no fact.
 *
 * <p>A live session replaces a family's contribution by subtracting what its old history counted
 * and adding what its new one counts; {@link #flush} then updates only the facts that changed.
 */
final class DistrictTallies {
    static final String BROADCAST_RULE = "untranslated-broadcast";
    static final String PROGRESS_RULE = "no-progress-contact";

    private final boolean broadcasts;
    private final boolean topics;
    private EvaluationContext context;
    /** By broadcast id; the facts go in in id order ({@link #insertAll}), so a hash map will do here. */
    private final Map<String, Broadcast> byBroadcast = new HashMap<>();
    private final Set<String> changedBroadcasts = new HashSet<>();
    private int topicContacts;
    private int topicWithTopic;
    private TopicCoverage coverage;
    private FactHandle coverageHandle;
    /** What the report's coverage counts, indexed by {@link CoverageCounter}'s constants. */
    private final int[] recorded = new int[CoverageCounter.COUNTS];

    DistrictTallies(EvaluationContext context, Set<String> ruleIds) {
        this.context = context;
        this.broadcasts = ruleIds.contains(BROADCAST_RULE);
        this.topics = ruleIds.contains(PROGRESS_RULE);
    }

    /** Counts a family in. */
    void add(FamilyHistory history) {
        apply(history, 1);
    }

    /** Replaces what a family's old history counted ({@code null}: nothing) by what its new one counts. */
    void replace(FamilyHistory before, FamilyHistory after) {
        if (before != null) {
            apply(before, -1);
        }
        apply(after, 1);
    }

    /** Forgets every count, before a recount at a new context (live sessions). */
    void reset(EvaluationContext newContext) {
        this.context = newContext;
        for (Map.Entry<String, Broadcast> entry : byBroadcast.entrySet()) {
            entry.getValue().clear();
            changedBroadcasts.add(entry.getKey());
        }
        topicContacts = 0;
        topicWithTopic = 0;
        Arrays.fill(recorded, 0);
    }

    /** The counts of the report's coverage so far (a copy). */
    int[] coverageCounts() {
        return recorded.clone();
    }

    /** The district's topic coverage as counted so far. */
    TopicCoverage topicCoverage() {
        return new TopicCoverage(topicContacts, topicWithTopic, context.policy().progressContact().minTopicCoverage());
    }

    /** Inserts one {@link BroadcastTally} per broadcast and the {@link TopicCoverage}, for the counted rules. */
    void insertAll(KieSession session) {
        for (Broadcast broadcast : new TreeMap<>(byBroadcast).values()) {
            broadcast.fact = broadcast.tally();
            broadcast.handle = session.insert(broadcast.fact);
        }
        changedBroadcasts.clear();
        if (topics) {
            coverage = topicCoverage();
            coverageHandle = session.insert(coverage);
        }
    }

    /** Inserts or updates the facts whose counts changed. */
    void flush(KieSession session) {
        for (String id : new TreeSet<>(changedBroadcasts)) {
            Broadcast broadcast = byBroadcast.get(id);
            BroadcastTally now = broadcast.tally();
            if (broadcast.handle == null) {
                broadcast.fact = now;
                broadcast.handle = session.insert(now);
            } else if (!now.equals(broadcast.fact)) {
                broadcast.fact = now;
                session.update(broadcast.handle, now);
            }
        }
        changedBroadcasts.clear();
        if (topics) {
            // Replaced only when its judgement flips: replacing it on every contact would re-match
            // every family's no-progress-contact, where a live update must cost microseconds.
            TopicCoverage now = topicCoverage();
            if (now.judges() != coverage.judges()) {
                coverage = now;
                session.update(coverageHandle, now);
            }
        }
    }

    private void apply(FamilyHistory history, int sign) {
        if (topics) {
            int[] counts = history.progressPeriodTopicCounts();
            topicContacts += sign * counts[0];
            topicWithTopic += sign * counts[1];
        }
        CoverageCounter.add(history, recorded, sign);
        if (!broadcasts) {
            return;
        }
        for (Contact contact : history.windowContacts()) {
            if (contact.broadcastId() != null && contact.isDeliveredOutbound()) {
                Broadcast broadcast = byBroadcast.computeIfAbsent(contact.broadcastId(), Broadcast::new);
                broadcast.deliveries += sign;
                changedBroadcasts.add(contact.broadcastId());
            }
        }
        // The deliveries the family does not understand are among its language mismatches, which
        // language-mismatch asks for anyway: judged once.
        Map<String, List<Contact>> notUnderstood = null;
        Map<String, Set<String>> languages = null;
        for (Contact contact : history.languageMismatches()) {
            if (contact.broadcastId() == null) {
                continue;
            }
            if (notUnderstood == null) {
                notUnderstood = new HashMap<>();
                languages = new HashMap<>();
            }
            notUnderstood.computeIfAbsent(contact.broadcastId(), id -> new ArrayList<>()).add(contact);
            Preference preference = history.effectivePreference(contact.caregiverId());
            String language = preference == null ? null : preference.firstLanguage();
            if (language != null) {
                languages.computeIfAbsent(contact.broadcastId(), id -> new TreeSet<>()).add(language);
            }
        }
        if (notUnderstood == null) {
            return;
        }
        for (Map.Entry<String, List<Contact>> entry : notUnderstood.entrySet()) {
            Broadcast broadcast = byBroadcast.get(entry.getKey());
            Set<String> familyLanguages = languages.getOrDefault(entry.getKey(), Set.of());
            if (sign > 0) {
                broadcast.notUnderstood.put(history.familyId(), entry.getValue());
            } else {
                broadcast.notUnderstood.remove(history.familyId());
            }
            for (String language : familyLanguages) {
                broadcast.languages.merge(language, sign, Integer::sum);
                broadcast.languages.remove(language, 0);
            }
        }
    }

    /** The counts of one broadcast, and its fact in the session. */
    private static final class Broadcast {
        private final String id;
        private int deliveries;
        /** Family id to its contacts of the broadcast that it does not understand. */
        private final Map<String, List<Contact>> notUnderstood = new HashMap<>();
        /** Language to the number of those families whose effective preference ranks it first. */
        private final Map<String, Integer> languages = new TreeMap<>();
        private BroadcastTally fact;
        private FactHandle handle;

        Broadcast(String id) {
            this.id = id;
        }

        void clear() {
            deliveries = 0;
            notUnderstood.clear();
            languages.clear();
        }

        BroadcastTally tally() {
            List<Contact> contacts = new ArrayList<>();
            for (List<Contact> ofFamily : notUnderstood.values()) {
                contacts.addAll(ofFamily);
            }
            contacts.sort(Dataset.BY_TIME);
            return new BroadcastTally(id, deliveries, contacts, notUnderstood.size(), List.copyOf(languages.keySet()));
        }
    }
}
