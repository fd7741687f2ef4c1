package org.familyengagement.examples.iep;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An IEP meeting from the district's special-education system: a fact the core model does not
 * have, passed to the engine alongside the dataset.
 *
 * @param id        the meeting's id
 * @param familyId  the family of the student
 * @param studentId the student
 * @param startsAt  when the meeting starts
 */
public record IepMeeting(String id, String familyId, String studentId, Instant startsAt) {
    /** Practice: ask for the parents' input at least 30 days before the meeting. */
    public static final Duration INPUT_REQUEST_LEAD = Duration.ofDays(30);
    /** District policy: the written notice of the meeting reaches the family at least 10 days before it. */
    public static final Duration NOTICE_LEAD = Duration.ofDays(10);

    public IepMeeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(startsAt, "startsAt");
    }

    /** The latest moment the parental-input request may reach the family. */
    public Instant inputRequestDue() {
        return startsAt.minus(INPUT_REQUEST_LEAD);
    }

    /** The latest moment the meeting's written notice may reach the family. */
    public Instant noticeDue() {
        return startsAt.minus(NOTICE_LEAD);
    }
}
