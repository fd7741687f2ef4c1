package org.familyengagement.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Staff;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A dataset kept in memory and judged continuously, for an SIS that records contacts as they
 * happen. Each change re-judges only the family it touches (and updates the group tallies of
 * that family's labels, kept in Java, when its counts change), so an update costs microseconds,
 * and the findings always equal those of a fresh {@link RuleEngine#evaluate} over the same data
 * at the same {@code asOf}.
 *
 * <p><b>Threading:</b> a live session is not thread-safe. Confine it to one thread, or guard
 * every call with one lock. Many sessions may share one engine.
 *
 * <p>Close it to free the rule session.
 */
public final class LiveSession implements AutoCloseable {
    private final KieSession session;
    private final RuleEngine.Limits limits;
    private final Map<String, Family> families = new HashMap<>();
    private final Set<String> staffIds = new HashSet<>();
    private final Map<String, Contact> contactsById = new HashMap<>();
    private final Map<String, Commitment> commitmentsById = new HashMap<>();
    private final Map<String, List<Contact>> contactsByFamily = new HashMap<>();
    private final Map<String, List<Commitment>> commitmentsByFamily = new HashMap<>();
    private final Map<String, FactHandle> historyHandles = new HashMap<>();
    private final Map<Object, FactHandle> extraHandles = new java.util.IdentityHashMap<>();
    private final FindingTracker tracker = new FindingTracker();
    private final GroupTallies tallies;
    private EvaluationContext context;
    private FactHandle contextHandle;
    private boolean closed;
    /** Why an update failed, after which the session is closed. */
    private RuntimeException failure;

    LiveSession(KieSession session, Dataset dataset, EvaluationContext context, Findings findings,
                Collection<?> extraFacts, RuleEngine.Limits limits) {
        this.session = session;
        this.limits = limits;
        this.context = context;
        try {
            session.setGlobal(Sessions.FINDINGS_GLOBAL, findings);
            session.addEventListener(tracker);
            contextHandle = session.insert(context);
            for (Staff staff : dataset.staff()) {
                staffIds.add(staff.id());
                session.insert(staff);
            }
            for (Contact contact : dataset.contacts()) {
                contactsById.put(contact.id(), contact);
            }
            for (Commitment commitment : dataset.commitments()) {
                commitmentsById.put(commitment.id(), commitment);
            }
            Set<GroupLabel> labels = Sessions.groupLabels(dataset);
            tallies = GroupTallies.live(context, labels);
            for (Family family : dataset.families()) {
                families.put(family.id(), family);
                contactsByFamily.put(family.id(), new ArrayList<>(dataset.contactsOf(family.id())));
                commitmentsByFamily.put(family.id(), new ArrayList<>(dataset.commitmentsOf(family.id())));
                FamilyHistory history = history(family.id());
                historyHandles.put(family.id(), session.insert(history));
                tallies.add(history);
            }
            // Custom rules may read the labels; the group rules read the tallies below.
            for (GroupLabel label : labels) {
                session.insert(label);
            }
            tallies.insertAll(session);
            for (Object fact : extraFacts) {
                extraHandles.put(fact, session.insert(fact));
            }
            fire();
            tracker.clearChanges();
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /** The instant the session judges at. */
    public Instant asOf() {
        return context.asOf();
    }

    /**
     * Records a new contact and re-judges its family.
     *
     * @throws InvalidDatasetException when the contact's id exists or a reference does not hold
     */
    public void addContact(Contact contact) {
        checkOpen();
        Objects.requireNonNull(contact, "contact must not be null");
        if (contactsById.containsKey(contact.id())) {
            throw invalid("/id", "contact " + Problem.quote(contact.id()) + " exists; use correctContact to change it");
        }
        Contact resolved = check(contact);
        contactsById.put(resolved.id(), resolved);
        insertSorted(contactsByFamily.get(resolved.familyId()), resolved);
        refresh(resolved.familyId());
        fire();
    }

    /**
     * Replaces a recorded contact (same id) with a corrected one, and re-judges the families
     * concerned: both, when the correction moves it to another family.
     */
    public void correctContact(Contact contact) {
        checkOpen();
        Objects.requireNonNull(contact, "contact must not be null");
        Contact old = contactsById.get(contact.id());
        if (old == null) {
            throw invalid("/id", "no contact " + Problem.quote(contact.id()) + " to correct; use addContact");
        }
        Contact resolved = check(contact);
        checkStillReferable(old, resolved);
        contactsByFamily.get(old.familyId()).remove(old);
        contactsById.put(resolved.id(), resolved);
        insertSorted(contactsByFamily.get(resolved.familyId()), resolved);
        refresh(old.familyId());
        if (!old.familyId().equals(resolved.familyId())) {
            refresh(resolved.familyId());
        }
        fire();
    }

    /** Records a new commitment and re-judges its family. */
    public void addCommitment(Commitment commitment) {
        checkOpen();
        Objects.requireNonNull(commitment, "commitment must not be null");
        if (commitmentsById.containsKey(commitment.id())) {
            throw invalid("/id", "commitment " + Problem.quote(commitment.id())
                    + " exists; use correctCommitment to change it");
        }
        check(commitment);
        commitmentsById.put(commitment.id(), commitment);
        commitmentsByFamily.get(commitment.familyId()).add(commitment);
        refresh(commitment.familyId());
        fire();
    }

    /** Replaces a recorded commitment (same id), for example to set its {@code fulfilledBy}. */
    public void correctCommitment(Commitment commitment) {
        checkOpen();
        Objects.requireNonNull(commitment, "commitment must not be null");
        Commitment old = commitmentsById.get(commitment.id());
        if (old == null) {
            throw invalid("/id", "no commitment " + Problem.quote(commitment.id()) + " to correct; use addCommitment");
        }
        check(commitment);
        commitmentsByFamily.get(old.familyId()).remove(old);
        commitmentsById.put(commitment.id(), commitment);
        commitmentsByFamily.get(commitment.familyId()).add(commitment);
        refresh(old.familyId());
        if (!old.familyId().equals(commitment.familyId())) {
            refresh(commitment.familyId());
        }
        fire();
    }

    /**
     * Judges at another instant, usually later: every family is re-judged, so this costs about
     * as much as a batch evaluation.
     */
    public void advanceTo(Instant asOf) {
        checkOpen();
        Objects.requireNonNull(asOf, "asOf must not be null");
        context = context.at(asOf);
        session.update(contextHandle, context);
        tallies.reset(context);
        for (String familyId : historyHandles.keySet()) {
            refresh(familyId);
        }
        fire();
    }

    /** Adds a fact for custom rules (an object of the embedder's own classes). */
    public void insertFact(Object fact) {
        checkOpen();
        Objects.requireNonNull(fact, "fact must not be null");
        extraHandles.put(fact, session.insert(fact));
        fire();
    }

    /** Removes a fact added with {@link #insertFact} or at opening (the same object). */
    public void removeFact(Object fact) {
        checkOpen();
        FactHandle handle = extraHandles.remove(fact);
        if (handle == null) {
            throw new IllegalArgumentException("that fact is not in the session");
        }
        session.delete(handle);
        fire();
    }

    /** Every current finding, as a report at {@link #asOf()}. */
    public Report findings() {
        checkOpen();
        return new Report(context.asOf(), new ArrayList<>(tracker.current));
    }

    /** The current findings about one family. */
    public List<Finding> findingsFor(String familyId) {
        checkOpen();
        List<Finding> found = new ArrayList<>(tracker.byFamily.getOrDefault(familyId, Set.of()));
        found.sort(Finding.ORDER);
        return found;
    }

    /** What appeared and disappeared since the previous call (or since the session opened). */
    public Changes changes() {
        checkOpen();
        Changes changes = new Changes(sorted(tracker.added), sorted(tracker.removed));
        tracker.clearChanges();
        return changes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.dispose();
        }
    }

    /**
     * Findings that appeared and disappeared between two reads, each in {@link Finding#ORDER}.
     *
     * @param added   new findings
     * @param removed findings that no longer hold
     */
    public record Changes(List<Finding> added, List<Finding> removed) {
        public Changes {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** Replaces a family's history, and its contribution to its labels' tallies. */
    private void refresh(String familyId) {
        FamilyHistory history = history(familyId);
        session.update(historyHandles.get(familyId), history);
        tallies.replace(history);
    }

    private FamilyHistory history(String familyId) {
        return new FamilyHistory(families.get(familyId), contactsByFamily.get(familyId),
                sortedCommitments(commitmentsByFamily.get(familyId)), context);
    }

    private static List<Commitment> sortedCommitments(List<Commitment> commitments) {
        List<Commitment> sorted = new ArrayList<>(commitments);
        sorted.sort(java.util.Comparator.comparing(Commitment::dueBy).thenComparing(Commitment::id));
        return sorted;
    }

    /**
     * Fires; a failure leaves the rule session half-fired, so the live session closes itself and
     * refuses every later call rather than answer with partial findings.
     */
    private void fire() {
        try {
            tallies.flush(session);
            Sessions.fire(session, limits);
        } catch (RuntimeException e) {
            failure = e;
            close();
            throw e;
        }
    }

    private static void insertSorted(List<Contact> contacts, Contact contact) {
        int at = Collections.binarySearch(contacts, contact, Dataset.BY_TIME);
        contacts.add(at >= 0 ? at : -at - 1, contact);
    }

    /** Checks a contact's references and fills in the default language. */
    private Contact check(Contact contact) {
        List<Problem> problems = new ArrayList<>();
        Family family = families.get(contact.familyId());
        if (family == null) {
            problems.add(new Problem("/familyId", "no family " + Problem.quote(contact.familyId())));
        } else if (contact.studentId() != null && !family.hasStudent(contact.studentId())) {
            problems.add(new Problem("/studentId", "family " + Problem.quote(family.id()) + " has no student "
                    + Problem.quote(contact.studentId())));
        }
        if (contact.staffId() != null && !staffIds.contains(contact.staffId())) {
            problems.add(new Problem("/staffId", "no staff " + Problem.quote(contact.staffId())));
        }
        if (contact.language() != null && !LanguageTags.isWellFormed(contact.language())) {
            problems.add(new Problem("/language", Problem.quote(contact.language())
                    + " is not a well-formed BCP 47 language tag"));
        }
        if (contact.replyTo() != null) {
            Contact target = contactsById.get(contact.replyTo());
            if (target == null) {
                problems.add(new Problem("/replyTo", "no contact " + Problem.quote(contact.replyTo())));
            } else if (target.isOutbound()) {
                problems.add(new Problem("/replyTo", "contact " + Problem.quote(contact.replyTo())
                        + " is OUTBOUND; replyTo must name an INBOUND contact"));
            } else if (!target.familyId().equals(contact.familyId())) {
                problems.add(new Problem("/replyTo", "contact " + Problem.quote(contact.replyTo())
                        + " is with family " + Problem.quote(target.familyId())
                        + "; a reply must be to the same family"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return contact.language() == null ? contact.withLanguage(context.district().defaultLanguage()) : contact;
    }

    /**
     * A correction must not break what names the contact: replies (same family, and the input must
     * stay INBOUND) and commitments it fulfils (same family). Only the old family can hold them.
     */
    private void checkStillReferable(Contact old, Contact corrected) {
        boolean movesFamily = !old.familyId().equals(corrected.familyId());
        List<Problem> problems = new ArrayList<>();
        if (movesFamily || corrected.isOutbound()) {
            for (Contact other : contactsByFamily.get(old.familyId())) {
                if (old.id().equals(other.replyTo()) && !other.id().equals(old.id())) {
                    problems.add(new Problem(movesFamily ? "/familyId" : "/direction", "contact "
                            + Problem.quote(other.id()) + " replies to " + Problem.quote(old.id())
                            + ", which must stay an INBOUND contact of family " + Problem.quote(old.familyId())));
                }
            }
        }
        if (movesFamily) {
            for (Commitment commitment : commitmentsByFamily.get(old.familyId())) {
                if (old.id().equals(commitment.fulfilledBy())) {
                    problems.add(new Problem("/familyId", "commitment " + Problem.quote(commitment.id())
                            + " is fulfilled by " + Problem.quote(old.id()) + ", which must stay with family "
                            + Problem.quote(old.familyId())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
    }

    private void check(Commitment commitment) {
        List<Problem> problems = new ArrayList<>();
        if (!families.containsKey(commitment.familyId())) {
            problems.add(new Problem("/familyId", "no family " + Problem.quote(commitment.familyId())));
        }
        if (commitment.staffId() != null && !staffIds.contains(commitment.staffId())) {
            problems.add(new Problem("/staffId", "no staff " + Problem.quote(commitment.staffId())));
        }
        if (commitment.fulfilledBy() != null) {
            Contact fulfilling = contactsById.get(commitment.fulfilledBy());
            if (fulfilling == null) {
                problems.add(new Problem("/fulfilledBy", "no contact " + Problem.quote(commitment.fulfilledBy())));
            } else if (!fulfilling.familyId().equals(commitment.familyId())) {
                problems.add(new Problem("/fulfilledBy", "contact " + Problem.quote(commitment.fulfilledBy())
                        + " is with family " + Problem.quote(fulfilling.familyId())
                        + "; a commitment is kept by a contact with its own family"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
    }

    private static InvalidDatasetException invalid(String pointer, String message) {
        return new InvalidDatasetException(List.of(new Problem(pointer, message)));
    }

    private void checkOpen() {
        if (failure != null) {
            throw new IllegalStateException("the live session closed itself when an update failed: "
                    + failure.getMessage(), failure);
        }
        if (closed) {
            throw new IllegalStateException("the live session is closed");
        }
    }

    private static List<Finding> sorted(Collection<Finding> findings) {
        List<Finding> list = new ArrayList<>(findings);
        list.sort(Finding.ORDER);
        return list;
    }

    /** Follows findings as truth maintenance inserts and retracts them. */
    private static final class FindingTracker implements RuleRuntimeEventListener {
        private final Set<Finding> current = new HashSet<>();
        private final Map<String, Set<Finding>> byFamily = new HashMap<>();
        private final Set<Finding> added = new LinkedHashSet<>();
        private final Set<Finding> removed = new LinkedHashSet<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Finding finding && current.add(finding)) {
                if (finding.familyId() != null) {
                    byFamily.computeIfAbsent(finding.familyId(), k -> new HashSet<>()).add(finding);
                }
                if (!removed.remove(finding)) {
                    added.add(finding);
                }
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (event.getOldObject() instanceof Finding finding && current.remove(finding)) {
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
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // Findings are never updated: truth maintenance only inserts and retracts them.
        }

        void clearChanges() {
            added.clear();
            removed.clear();
        }
    }
}
