package org.familyengagement.rules;

import java.time.Instant;
import java.util.List;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Meeting;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;

/**
 * A dataset kept in memory and judged continuously, for an SIS that records contacts as they
 * happen: open one with {@link RuleEngine#openSession}. Each change re-judges only the family it
 * touches (and the group tallies of that family's labels), so an update costs microseconds, and
 * the findings always equal those of a fresh {@link RuleEngine#evaluate} over the same data at
 * the same {@code asOf}.
 *
 * <p>Every change is checked as {@code Dataset.of} checks a whole dataset, with the same
 * messages; a change that does not hold is refused with an {@link InvalidDatasetException} whose
 * pointers are relative to the element ({@code /familyId}), and the session is unchanged.
 *
 * <p><b>Threading:</b> a live session is not thread-safe. Confine it to one thread, or guard
 * every call with one lock. Many sessions may share one engine. When a rule fails during an
 * update, the session closes itself and refuses every later call rather than answer with
 * partial findings.
 *
 * <p>Close it to free the rule session.
 */
public interface LiveSession extends AutoCloseable {
    /** The instant the session judges at. */
    Instant asOf();

    /**
     * Records a new contact and re-judges its family.
     *
     * @throws InvalidDatasetException when the contact's id exists or a reference does not hold
     */
    void addContact(Contact contact);

    /**
     * Replaces a recorded contact (same id) with a corrected one (see {@link Contact#toBuilder()}),
     * and re-judges the families concerned: both, when the correction moves it to another family.
     *
     * @throws InvalidDatasetException when there is no such contact, a reference does not hold, or
     *                                 the correction would break a reply or a kept commitment
     */
    void correctContact(Contact contact);

    /**
     * Records a new commitment and re-judges its family.
     *
     * @throws InvalidDatasetException when the commitment's id exists or a reference does not hold
     */
    void addCommitment(Commitment commitment);

    /**
     * Replaces a recorded commitment (same id), for example to set its {@code fulfilledBy}.
     *
     * @throws InvalidDatasetException when there is no such commitment or a reference does not hold
     */
    void correctCommitment(Commitment commitment);

    /**
     * Records a new meeting and re-judges its family.
     *
     * @throws InvalidDatasetException when the meeting's id exists or a reference does not hold
     */
    void addMeeting(Meeting meeting);

    /**
     * Replaces a recorded meeting (same id), for example with its status, interpretation or the
     * IEP input's arrival, and re-judges the families concerned.
     *
     * @throws InvalidDatasetException when there is no such meeting or a reference does not hold
     */
    void correctMeeting(Meeting meeting);

    /**
     * Adds a caregiver to a family (a second household, say) and re-judges the family.
     *
     * @throws InvalidDatasetException when there is no such family, the family has a caregiver with
     *                                 that id, or the caregiver's preference is invalid
     */
    void addCaregiver(String familyId, Caregiver caregiver);

    /**
     * Replaces a family's caregiver (same id): a new preference, a {@code NO_CONTACT} restriction,
     * and re-judges the family.
     *
     * @throws InvalidDatasetException when the family has no caregiver with that id or the
     *                                 caregiver's preference is invalid
     */
    void correctCaregiver(String familyId, Caregiver caregiver);

    /**
     * Judges at another instant, usually later: every family is re-judged, so this costs about
     * as much as a batch evaluation.
     */
    void advanceTo(Instant asOf);

    /** Adds a fact for custom rules (an object of the embedder's own classes). */
    void insertFact(Object fact);

    /**
     * Removes a fact added with {@link #insertFact} or at opening (the same object).
     *
     * @throws IllegalArgumentException when the fact is not in the session
     */
    void removeFact(Object fact);

    /** Every current finding, as a report at {@link #asOf()}. */
    Report findings();

    /** The current findings about one family, in {@link Finding#ORDER}. */
    List<Finding> findingsFor(String familyId);

    /** What appeared and disappeared since the previous call (or since the session opened). */
    Changes changes();

    /** Frees the rule session. Idempotent. */
    @Override
    void close();

    /**
     * Findings that appeared and disappeared between two reads, each in {@link Finding#ORDER}.
     *
     * @param added   new findings
     * @param removed findings that no longer hold
     */
    record Changes(List<Finding> added, List<Finding> removed) {
        public Changes {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }
}
