package org.familyengagement.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.References;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Staff;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/** The live session of {@link Pack#openSession}: see {@link LiveSession}. */
final class LiveSessionImpl implements LiveSession {
    private final KieSession session;
    private final Limits limits;
    private final District district;
    /** Each family's records, found with one lookup per update. */
    private final Map<String, FamilyRecords> families = new HashMap<>();
    private final Set<String> staffIds = new HashSet<>();
    private final Map<String, Contact> contactsById = new HashMap<>();
    private final Map<String, Commitment> commitmentsById = new HashMap<>();
    private final Map<String, Meeting> meetingsById = new HashMap<>();
    private final Map<Object, FactHandle> extraHandles;
    private final FamilyScope familyScope = new FamilyScope(() -> this.context);
    private final FindingTracker tracker = new FindingTracker(familyScope);
    private final GroupTallies tallies;
    private final DistrictTallies districtTallies;
    private final Set<String> ruleIds;
    private final Messages messages;
    private final References.Index index = new References.Index() {
        @Override
        public District district() {
            return district;
        }

        @Override
        public Family family(String id) {
            FamilyRecords records = families.get(id);
            return records == null ? null : records.family;
        }

        @Override
        public boolean hasStaff(String id) {
            return staffIds.contains(id);
        }

        @Override
        public Contact contact(String id) {
            return contactsById.get(id);
        }
    };
    private EvaluationContext context;
    private final FactHandle contextHandle;
    private boolean closed;
    /** Why an update failed, after which the session is closed. */
    private RuntimeException failure;

    LiveSessionImpl(KieSession session, Dataset dataset, EvaluationContext context, RuleMetadata metadata,
                    FindingCollector findings, Messages messages, Collection<?> extraFacts, Limits limits) {
        this.session = session;
        this.ruleIds = metadata.ids();
        this.messages = messages;
        this.limits = limits;
        this.context = context;
        this.district = dataset.district();
        try {
            session.setGlobal(Sessions.FINDINGS_GLOBAL, findings);
            session.addEventListener(tracker);
            findings.collectPerFamily(familyScope);
            for (Staff staff : dataset.staff()) {
                staffIds.add(staff.id());
            }
            for (Contact contact : dataset.contacts()) {
                contactsById.put(contact.id(), contact);
            }
            for (Commitment commitment : dataset.commitments()) {
                commitmentsById.put(commitment.id(), commitment);
            }
            for (Meeting meeting : dataset.meetings()) {
                meetingsById.put(meeting.id(), meeting);
            }
            findings.attributeBy(new Attribution(new Attribution.Records() {
                @Override
                public Family family(String id) {
                    return index.family(id);
                }

                @Override
                public Contact contact(String id) {
                    return contactsById.get(id);
                }

                @Override
                public Meeting meeting(String id) {
                    return meetingsById.get(id);
                }

                @Override
                public Commitment commitment(String id) {
                    return commitmentsById.get(id);
                }
            }));
            for (Family family : dataset.families()) {
                families.put(family.id(), new FamilyRecords(family, dataset.contactsOf(family.id()),
                        dataset.commitmentsOf(family.id()), dataset.meetingsOf(family.id())));
            }
            Set<Group> labels = Sessions.groupLabels(dataset);
            tallies = new GroupTallies(context, metadata.ids(), labels);
            districtTallies = new DistrictTallies(context, metadata.ids());
            List<FamilyHistory> histories = new ArrayList<>();
            for (Family family : dataset.families()) {
                FamilyRecords records = families.get(family.id());
                FamilyHistory history = history(records);
                histories.add(history);
                records.groupPart = tallies.add(history);
                records.districtPart = districtTallies.add(history);
            }
            Sessions.Filled filled = Sessions.fill(session, context, dataset.staff(), histories, labels, s -> {
                tallies.insertAll(s);
                districtTallies.insertAll(s);
            }, extraFacts);
            contextHandle = filled.context();
            filled.histories().forEach((id, handle) -> families.get(id).handle = handle);
            extraHandles = filled.extraFacts();
            histories.forEach(familyScope::replaced);
            fire();
            tracker.clearChanges();
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    @Override
    public Instant asOf() {
        return context.asOf();
    }

    @Override
    public void addContact(Contact contact) {
        checkOpen();
        Objects.requireNonNull(contact, "contact must not be null");
        if (contactsById.containsKey(contact.id())) {
            throw invalid("/id", "contact " + Problem.quote(contact.id()) + " exists; use correctContact to change it");
        }
        Contact resolved = check(contact);
        contactsById.put(resolved.id(), resolved);
        FamilyRecords records = families.get(resolved.familyId());
        insertSorted(records.contacts, resolved, Dataset.BY_TIME);
        replaceHistory(records, resolved.broadcastId() == null);
        fire();
    }

    @Override
    public void correctContact(Contact contact) {
        checkOpen();
        Objects.requireNonNull(contact, "contact must not be null");
        Contact old = contactsById.get(contact.id());
        if (old == null) {
            throw invalid("/id", "no contact " + Problem.quote(contact.id()) + " to correct; use addContact");
        }
        Contact resolved = check(contact);
        checkStillReferable(old, resolved);
        families.get(old.familyId()).contacts.remove(old);
        contactsById.put(resolved.id(), resolved);
        insertSorted(families.get(resolved.familyId()).contacts, resolved, Dataset.BY_TIME);
        boolean personal = old.broadcastId() == null && resolved.broadcastId() == null;
        refresh(old.familyId(), personal);
        if (!old.familyId().equals(resolved.familyId())) {
            refresh(resolved.familyId(), personal);
        }
        fire();
    }

    @Override
    public void addCommitment(Commitment commitment) {
        checkOpen();
        Objects.requireNonNull(commitment, "commitment must not be null");
        if (commitmentsById.containsKey(commitment.id())) {
            throw invalid("/id", "commitment " + Problem.quote(commitment.id())
                    + " exists; use correctCommitment to change it");
        }
        check(commitment);
        commitmentsById.put(commitment.id(), commitment);
        insertSorted(families.get(commitment.familyId()).commitments, commitment, Dataset.BY_DUE);
        refresh(commitment.familyId(), true);
        fire();
    }

    @Override
    public void correctCommitment(Commitment commitment) {
        checkOpen();
        Objects.requireNonNull(commitment, "commitment must not be null");
        Commitment old = commitmentsById.get(commitment.id());
        if (old == null) {
            throw invalid("/id", "no commitment " + Problem.quote(commitment.id()) + " to correct; use addCommitment");
        }
        check(commitment);
        families.get(old.familyId()).commitments.remove(old);
        commitmentsById.put(commitment.id(), commitment);
        insertSorted(families.get(commitment.familyId()).commitments, commitment, Dataset.BY_DUE);
        refresh(old.familyId(), true);
        if (!old.familyId().equals(commitment.familyId())) {
            refresh(commitment.familyId(), true);
        }
        fire();
    }

    @Override
    public void addMeeting(Meeting meeting) {
        checkOpen();
        Objects.requireNonNull(meeting, "meeting must not be null");
        if (meetingsById.containsKey(meeting.id())) {
            throw invalid("/id", "meeting " + Problem.quote(meeting.id()) + " exists; use correctMeeting to change it");
        }
        check(meeting);
        meetingsById.put(meeting.id(), meeting);
        insertSorted(families.get(meeting.familyId()).meetings, meeting, Dataset.BY_START);
        refresh(meeting.familyId(), true);
        fire();
    }

    @Override
    public void correctMeeting(Meeting meeting) {
        checkOpen();
        Objects.requireNonNull(meeting, "meeting must not be null");
        Meeting old = meetingsById.get(meeting.id());
        if (old == null) {
            throw invalid("/id", "no meeting " + Problem.quote(meeting.id()) + " to correct; use addMeeting");
        }
        check(meeting);
        families.get(old.familyId()).meetings.remove(old);
        meetingsById.put(meeting.id(), meeting);
        insertSorted(families.get(meeting.familyId()).meetings, meeting, Dataset.BY_START);
        refresh(old.familyId(), true);
        if (!old.familyId().equals(meeting.familyId())) {
            refresh(meeting.familyId(), true);
        }
        fire();
    }

    @Override
    public void addCaregiver(String familyId, Caregiver caregiver) {
        checkOpen();
        Objects.requireNonNull(caregiver, "caregiver must not be null");
        Family family = existingFamily(familyId);
        if (family.caregiver(caregiver.id()) != null) {
            throw invalid("/id", "family " + Problem.quote(familyId) + " has caregiver "
                    + Problem.quote(caregiver.id()) + "; use correctCaregiver to change it");
        }
        List<Caregiver> caregivers = new ArrayList<>(family.caregivers());
        caregivers.add(caregiver);
        replaceFamily(family, caregivers);
    }

    @Override
    public void correctCaregiver(String familyId, Caregiver caregiver) {
        checkOpen();
        Objects.requireNonNull(caregiver, "caregiver must not be null");
        Family family = existingFamily(familyId);
        if (family.caregiver(caregiver.id()) == null) {
            throw invalid("/id", "family " + Problem.quote(familyId) + " has no caregiver "
                    + Problem.quote(caregiver.id()) + " to correct; use addCaregiver");
        }
        List<Caregiver> caregivers = new ArrayList<>();
        for (Caregiver existing : family.caregivers()) {
            caregivers.add(existing.id().equals(caregiver.id()) ? caregiver : existing);
        }
        replaceFamily(family, caregivers);
    }

    private Family existingFamily(String familyId) {
        Objects.requireNonNull(familyId, "familyId must not be null");
        Family family = index.family(familyId);
        if (family == null) {
            throw invalid("/familyId", "no family " + Problem.quote(familyId));
        }
        return family;
    }

    /** The family with new caregivers, checked as a dataset checks a family; its labels never change. */
    private void replaceFamily(Family family, List<Caregiver> caregivers) {
        Family changed = new Family(family.id(), family.students(), caregivers, family.preference(), family.groups());
        List<Problem> problems = new ArrayList<>();
        References.checkFamily(changed, "", district, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        families.get(changed.id()).family = changed;
        refresh(changed.id(), false);
        fire();
    }

    @Override
    public void advanceTo(Instant asOf) {
        checkOpen();
        Objects.requireNonNull(asOf, "asOf must not be null");
        context = context.at(asOf);
        session.update(contextHandle, context);
        tallies.reset(context);
        districtTallies.reset(context);
        for (FamilyRecords records : families.values()) {
            records.groupPart = null;       // the resets forgot what each family counted
            records.districtPart = null;
            replaceHistory(records, false);
        }
        fire();
    }

    @Override
    public void insertFact(Object fact) {
        checkOpen();
        Objects.requireNonNull(fact, "fact must not be null");
        extraHandles.put(fact, session.insert(fact));
        fire();
    }

    @Override
    public void removeFact(Object fact) {
        checkOpen();
        FactHandle handle = extraHandles.remove(fact);
        if (handle == null) {
            throw new IllegalArgumentException("that fact is not in the session");
        }
        session.delete(handle);
        fire();
    }

    @Override
    public Report findings() {
        checkOpen();
        return new Report(context.asOf(), new ArrayList<>(tracker.current()), CoverageCounter.count(
                districtTallies.coverageCounts(), context, ruleIds, districtTallies.topicCoverage(), messages),
                tallies.table());
    }

    @Override
    public List<Finding> findingsFor(String familyId) {
        checkOpen();
        List<Finding> found = new ArrayList<>(tracker.ofFamily(familyId));
        found.sort(Finding.ORDER);
        return found;
    }

    @Override
    public Changes changes() {
        checkOpen();
        Changes changes = new Changes(sorted(tracker.added()), sorted(tracker.removed()));
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

    /** Replaces a family's history, and its contribution to the tallies. */
    private void refresh(String familyId, boolean sameBroadcasts) {
        replaceHistory(families.get(familyId), sameBroadcasts);
    }

    /**
     * @param sameBroadcasts the update touched no broadcast contact and neither the family's record
     *                       nor the context: what the family adds to each broadcast's tally stands
     */
    private void replaceHistory(FamilyRecords records, boolean sameBroadcasts) {
        FamilyHistory history = history(records);
        session.update(records.handle, history);
        familyScope.replaced(history);
        records.groupPart = tallies.replace(records.groupPart, history);
        records.districtPart = districtTallies.replace(records.districtPart, history, sameBroadcasts);
    }

    private FamilyHistory history(FamilyRecords records) {
        return new FamilyHistory(records.family, records.contacts, records.commitments, records.meetings, context);
    }

    /**
     * Fires; a failure leaves the rule session half-fired, so the live session closes itself and
     * refuses every later call rather than answer with partial findings.
     */
    private void fire() {
        try {
            tallies.flush(session);
            districtTallies.flush(session);
            Sessions.fire(session, limits);
            familyScope.settle(tracker);
        } catch (RuntimeException e) {
            failure = e;
            close();
            throw e;
        }
    }

    private static <T> void insertSorted(List<T> items, T item, Comparator<? super T> order) {
        int at = Collections.binarySearch(items, item, order);
        items.add(at >= 0 ? at : -at - 1, item);
    }

    /** Checks a contact's references, as a whole dataset would, and fills in the default language. */
    private Contact check(Contact contact) {
        List<Problem> problems = new ArrayList<>();
        References.checkContact(contact, "", index, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return contact.language() == null ? contact.withLanguage(district.defaultLanguage()) : contact;
    }

    /**
     * A correction must not break what names the contact: replies (same family, the input must
     * stay INBOUND and not move after them) and commitments it fulfils (same family, not before
     * they were made). Only the old family can hold them.
     */
    private void checkStillReferable(Contact old, Contact corrected) {
        List<Problem> problems = new ArrayList<>();
        FamilyRecords records = families.get(old.familyId());
        References.checkStillReferable(old, corrected, records.contacts, records.commitments, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
    }

    private void check(Meeting meeting) {
        List<Problem> problems = new ArrayList<>();
        References.checkMeeting(meeting, "", index, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
    }

    private void check(Commitment commitment) {
        List<Problem> problems = new ArrayList<>();
        References.checkCommitment(commitment, "", index, problems);
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

    /**
     * What the session keeps of one family: its lists in the orders a {@link FamilyHistory} takes
     * (contacts by time, commitments by due time, meetings by start, each tied by id), the
     * handle of its history in the rule session, and what that history counted in the tallies.
     */
    private static final class FamilyRecords {
        private Family family;
        private final List<Contact> contacts;
        private final List<Commitment> commitments;
        private final List<Meeting> meetings;
        private FactHandle handle;
        private int[] groupPart;
        private DistrictTallies.Contribution districtPart;

        FamilyRecords(Family family, List<Contact> contacts, List<Commitment> commitments, List<Meeting> meetings) {
            // A dataset's lists of a family come in these orders already.
            this.family = family;
            this.contacts = new ArrayList<>(contacts);
            this.commitments = new ArrayList<>(commitments);
            this.meetings = new ArrayList<>(meetings);
        }
    }
}
