package org.familyengagement.rules.internal;

import java.io.Serializable;
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

    /**
     * Counts a family in.
     *
     * @return what it counted, which a live session keeps with the family for {@link #replace}
     */
    Contribution add(FamilyHistory history) {
        Contribution contribution = contribution(history);
        addCounts(contribution.counts(), 1);
        contribution.parts().forEach((id, part) -> apply(history.familyId(), id, part, 1));
        return contribution;
    }

    /**
     * Replaces what a family counted by what its new history counts (live sessions). Only the
     * broadcasts whose part changed are touched: a live update that adds a personal contact must
     * not rebuild the tallies of every broadcast the family received.
     *
     * @param before what the family counted ({@link #add} or the last replace), null when nothing since a {@link #reset}
     * @param sameBroadcasts the family's record, the context and the family's broadcast contacts are
     *                       those {@code before} counted (an update of a personal contact, a commitment
     *                       or a meeting): its broadcast parts are kept instead of counted again
     * @return what it counts now, to keep with the family
     */
    Contribution replace(Contribution before, FamilyHistory after, boolean sameBroadcasts) {
        if (before != null && sameBroadcasts) {
            Contribution now = new Contribution(counts(after), before.parts());
            addCounts(before.counts(), -1);
            addCounts(now.counts(), 1);
            return now;
        }
        Contribution now = contribution(after);
        if (before != null) {
            addCounts(before.counts(), -1);
        }
        addCounts(now.counts(), 1);
        Map<String, Part> old = before == null ? Map.of() : before.parts();
        for (Map.Entry<String, Part> entry : old.entrySet()) {
            if (!entry.getValue().sameAs(now.parts().get(entry.getKey()))) {
                apply(after.familyId(), entry.getKey(), entry.getValue(), -1);
            }
        }
        for (Map.Entry<String, Part> entry : now.parts().entrySet()) {
            if (!entry.getValue().sameAs(old.get(entry.getKey()))) {
                apply(after.familyId(), entry.getKey(), entry.getValue(), 1);
            }
        }
        return now;
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

    /**
     * Adds the counts of another share of the same evaluation's families, counted anywhere (another
     * thread, another machine): counts add, and each family is in one share only, so its
     * undelivered-in-language contacts move over.
     */
    void addAll(Counts other) {
        for (Broadcast theirs : other.broadcasts.values()) {
            byBroadcast.computeIfAbsent(theirs.id, Broadcast::new).add(theirs);
        }
        topicContacts += other.topicContacts;
        topicWithTopic += other.topicWithTopic;
        for (int i = 0; i < recorded.length; i++) {
            recorded[i] += other.recorded[i];
        }
    }

    /**
     * What has been counted, without the session's facts, to travel to another machine (it shares
     * the broadcasts' counts: count no more into these tallies afterwards).
     */
    Counts counts() {
        return new Counts(new TreeMap<>(byBroadcast), topicContacts, topicWithTopic, recorded.clone());
    }

    /**
     * The schools of the contacts the broadcast tallies cite whose school is their student's, for
     * attributing a broadcast's findings where their families are not at hand.
     */
    Map<String, String> contactSchools() {
        Map<String, String> schools = new HashMap<>();
        for (Broadcast broadcast : byBroadcast.values()) {
            schools.putAll(broadcast.schools);
        }
        return schools;
    }

    /** The counts of one share of the families, serializable. */
    static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final TreeMap<String, Broadcast> broadcasts;
        private final int topicContacts;
        private final int topicWithTopic;
        private final int[] recorded;

        private Counts(TreeMap<String, Broadcast> broadcasts, int topicContacts, int topicWithTopic, int[] recorded) {
            this.broadcasts = broadcasts;
            this.topicContacts = topicContacts;
            this.topicWithTopic = topicWithTopic;
            this.recorded = recorded;
        }

        /** The counts of both shares (of disjoint families); neither changes. */
        Counts plus(Counts other) {
            TreeMap<String, Broadcast> both = new TreeMap<>();
            for (Counts counts : List.of(this, other)) {
                for (Broadcast broadcast : counts.broadcasts.values()) {
                    both.computeIfAbsent(broadcast.id, Broadcast::new).add(broadcast);
                }
            }
            int[] sum = recorded.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.recorded[i];
            }
            return new Counts(both, topicContacts + other.topicContacts, topicWithTopic + other.topicWithTopic, sum);
        }
    }

    /** The facts of the counted rules, in a stable order, for batch sessions (which never update them). */
    List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        for (Broadcast broadcast : new TreeMap<>(byBroadcast).values()) {
            facts.add(broadcast.tally());
        }
        if (topics) {
            facts.add(topicCoverage());
        }
        return facts;
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

    /**
     * What a family counts: its coverage counts ({@link CoverageCounter}'s), then its topic counts
     * (the last two), and its part of every broadcast it received in the window.
     */
    record Contribution(int[] counts, Map<String, Part> parts) {
    }

    private static final int TOPIC_CONTACTS = CoverageCounter.COUNTS;
    private static final int WITH_TOPIC = CoverageCounter.COUNTS + 1;

    private Contribution contribution(FamilyHistory history) {
        return new Contribution(counts(history), broadcasts ? parts(history) : Map.of());
    }

    private int[] counts(FamilyHistory history) {
        int[] counts = new int[CoverageCounter.COUNTS + 2];
        CoverageCounter.add(history, counts, 1);
        if (topics) {
            int[] topicCounts = history.progressPeriodTopicCounts();
            counts[TOPIC_CONTACTS] = topicCounts[0];
            counts[WITH_TOPIC] = topicCounts[1];
        }
        return counts;
    }

    private void addCounts(int[] counts, int sign) {
        for (int i = 0; i < recorded.length; i++) {
            recorded[i] += sign * counts[i];
        }
        topicContacts += sign * counts[TOPIC_CONTACTS];
        topicWithTopic += sign * counts[WITH_TOPIC];
    }

    /**
     * What one family adds to one broadcast: its delivered contacts of it in the window, those it
     * does not understand, and the first-ranked languages of their effective preferences.
     */
    private record Part(int deliveries, List<Contact> notUnderstood, Set<String> languages,
                        Map<String, String> schools) {
        /**
         * Equal, comparing contacts by identity first: a family's unchanged contacts are the same
         * objects in its old and new history, and a contact's own equals compares every field.
         */
        boolean sameAs(Part other) {
            if (other == null || deliveries != other.deliveries || notUnderstood.size() != other.notUnderstood.size()) {
                return false;
            }
            for (int i = 0; i < notUnderstood.size(); i++) {
                Contact mine = notUnderstood.get(i);
                Contact theirs = other.notUnderstood.get(i);
                if (mine != theirs && !mine.equals(theirs)) {
                    return false;
                }
            }
            return languages.equals(other.languages) && schools.equals(other.schools);
        }
    }

    /** The family's part of every broadcast it received in the window. */
    private static Map<String, Part> parts(FamilyHistory history) {
        Map<String, int[]> deliveries = null;
        for (Contact contact : history.windowContacts()) {
            if (contact.broadcastId() != null && contact.isDeliveredOutbound()) {
                if (deliveries == null) {
                    deliveries = new HashMap<>();
                }
                deliveries.computeIfAbsent(contact.broadcastId(), id -> new int[1])[0]++;
            }
        }
        if (deliveries == null) {
            return Map.of();
        }
        // The deliveries the family does not understand are among its language mismatches, which
        // language-mismatch asks for anyway: judged once.
        Map<String, List<Contact>> notUnderstood = new HashMap<>();
        Map<String, Set<String>> languages = new HashMap<>();
        Map<String, Map<String, String>> schools = new HashMap<>();
        for (Contact contact : history.languageMismatches()) {
            if (contact.broadcastId() == null) {
                continue;
            }
            notUnderstood.computeIfAbsent(contact.broadcastId(), id -> new ArrayList<>()).add(contact);
            if (contact.schoolId() == null && contact.studentId() != null) {
                // Where the family is at hand: a partition judging this broadcast may not hold it.
                String school = Attribution.studentSchool(history.family(), contact.studentId());
                if (school != null) {
                    schools.computeIfAbsent(contact.broadcastId(), id -> new HashMap<>()).put(contact.id(), school);
                }
            }
            Preference preference = history.effectivePreference(contact.caregiverId());
            String language = preference == null ? null : preference.firstLanguage();
            if (language != null) {
                languages.computeIfAbsent(contact.broadcastId(), id -> new TreeSet<>()).add(language);
            }
        }
        Map<String, Part> parts = new HashMap<>();
        deliveries.forEach((id, count) -> parts.put(id, new Part(count[0],
                notUnderstood.getOrDefault(id, List.of()), languages.getOrDefault(id, Set.of()),
                schools.getOrDefault(id, Map.of()))));
        return parts;
    }

    private void apply(String familyId, String broadcastId, Part part, int sign) {
        Broadcast broadcast = byBroadcast.computeIfAbsent(broadcastId, Broadcast::new);
        changedBroadcasts.add(broadcastId);
        broadcast.deliveries += sign * part.deliveries();
        if (!part.notUnderstood().isEmpty()) {
            if (sign > 0) {
                broadcast.notUnderstood.put(familyId, part.notUnderstood());
                broadcast.schools.putAll(part.schools());
            } else {
                broadcast.notUnderstood.remove(familyId);
                broadcast.schools.keySet().removeAll(part.schools().keySet());
            }
        }
        for (String language : part.languages()) {
            broadcast.languages.merge(language, sign, Integer::sum);
            broadcast.languages.remove(language, 0);
        }
    }

    /** The counts of one broadcast, and (not serialized) its fact in the session. */
    private static final class Broadcast implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private int deliveries;
        /** Family id to its contacts of the broadcast that it does not understand. */
        private final Map<String, List<Contact>> notUnderstood = new HashMap<>();
        /** Language to the number of those families whose effective preference ranks it first. */
        private final Map<String, Integer> languages = new TreeMap<>();
        /** Of those contacts, the ones whose school is their student's: contact id to school. */
        private final Map<String, String> schools = new HashMap<>();
        private transient BroadcastTally fact;
        private transient FactHandle handle;

        Broadcast(String id) {
            this.id = id;
        }

        /** Adds the counts of the same broadcast over other families. */
        void add(Broadcast other) {
            deliveries += other.deliveries;
            notUnderstood.putAll(other.notUnderstood);
            schools.putAll(other.schools);
            other.languages.forEach((language, families) -> languages.merge(language, families, Integer::sum));
        }

        void clear() {
            deliveries = 0;
            notUnderstood.clear();
            languages.clear();
            schools.clear();
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
