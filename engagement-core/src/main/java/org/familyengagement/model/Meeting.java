package org.familyengagement.model;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled meeting with a family: an IEP meeting, a conference (contract v2). Build one with
 * {@link #builder}.
 *
 * @param id               unique among meetings
 * @param familyId         the family it is with
 * @param studentId        the student it is about, or {@code null}
 * @param caregiverId      the caregiver it is with, one of the family's, or {@code null}
 * @param staffId          the staff member who leads it, or {@code null}
 * @param schoolId         the school it is at, or {@code null} (then the student's school)
 * @param kind             what kind of meeting it is
 * @param at               when it is (or was) scheduled to start
 * @param status           what became of it, or {@code null} when not recorded: then
 *                         {@link #statusAsOf} says {@code SCHEDULED} after the instant of judgement, else {@code HELD}
 * @param offeredTimes     the times the family was offered before this one was agreed; empty when not recorded
 * @param interpretation   what interpretation it had ({@link Interpretation#NONE} when unknown)
 * @param noticeSentAt     when the family was told of it, or {@code null}
 * @param inputRequestedAt IEP: when the school asked for the parental input form, or {@code null}
 * @param inputReceivedAt  IEP: when the family's input came back, or {@code null}; not before {@code inputRequestedAt}
 * @param draftSharedAt    IEP: when the draft IEP was shared with the family, or {@code null}
 */
public record Meeting(String id, String familyId, String studentId, String caregiverId, String staffId,
                      String schoolId, MeetingKind kind, Instant at, MeetingStatus status, List<Instant> offeredTimes,
                      Interpretation interpretation, Instant noticeSentAt, Instant inputRequestedAt,
                      Instant inputReceivedAt, Instant draftSharedAt) implements Evidence {

    public Meeting {
        Checks.requireId(id, "meeting id");
        Checks.requireId(familyId, "meeting familyId");
        Checks.optionalId(studentId, "meeting studentId");
        Checks.optionalId(caregiverId, "meeting caregiverId");
        Checks.optionalId(staffId, "meeting staffId");
        Checks.optionalId(schoolId, "meeting schoolId");
        Checks.require(kind, "meeting kind");
        Checks.require(at, "meeting at");
        offeredTimes = List.copyOf(Checks.noNulls(offeredTimes == null ? List.of() : offeredTimes,
                "meeting offeredTimes"));
        interpretation = interpretation == null ? Interpretation.NONE : interpretation;
        if (inputRequestedAt != null && inputReceivedAt != null && inputReceivedAt.isBefore(inputRequestedAt)) {
            throw new IllegalArgumentException("The inputReceivedAt (" + inputReceivedAt + ") of meeting (" + id
                    + ") is before its inputRequestedAt (" + inputRequestedAt + "). Maybe the two fields are swapped?");
        }
    }

    /** Starts a meeting with its required fields; the rest take the contract's defaults. */
    public static Builder builder(String id, String familyId, MeetingKind kind, Instant at) {
        return new Builder(id, familyId, kind, at);
    }

    /** A builder holding every field of this meeting, to change some and build a corrected copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, familyId, kind, at);
        builder.studentId = studentId;
        builder.caregiverId = caregiverId;
        builder.staffId = staffId;
        builder.schoolId = schoolId;
        builder.status = status;
        builder.offeredTimes = offeredTimes;
        builder.interpretation = interpretation;
        builder.noticeSentAt = noticeSentAt;
        builder.inputRequestedAt = inputRequestedAt;
        builder.inputReceivedAt = inputReceivedAt;
        builder.draftSharedAt = draftSharedAt;
        return builder;
    }

    /** The status as of an instant of judgement: the recorded one, else {@code SCHEDULED} after it and {@code HELD} up to it. */
    public MeetingStatus statusAsOf(Instant asOf) {
        if (status != null) {
            return status;
        }
        return at.isAfter(asOf) ? MeetingStatus.SCHEDULED : MeetingStatus.HELD;
    }

    /** A builder that applies the contract's defaults to what it is not told. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String familyId;
        private final MeetingKind kind;
        private final Instant at;
        private String studentId;
        private String caregiverId;
        private String staffId;
        private String schoolId;
        private MeetingStatus status;
        private List<Instant> offeredTimes = List.of();
        private Interpretation interpretation = Interpretation.NONE;
        private Instant noticeSentAt;
        private Instant inputRequestedAt;
        private Instant inputReceivedAt;
        private Instant draftSharedAt;

        private Builder(String id, String familyId, MeetingKind kind, Instant at) {
            this.id = id;
            this.familyId = familyId;
            this.kind = kind;
            this.at = at;
        }

        public Builder studentId(String value) {
            this.studentId = value;
            return this;
        }

        public Builder caregiverId(String value) {
            this.caregiverId = value;
            return this;
        }

        public Builder staffId(String value) {
            this.staffId = value;
            return this;
        }

        public Builder schoolId(String value) {
            this.schoolId = value;
            return this;
        }

        public Builder status(MeetingStatus value) {
            this.status = value;
            return this;
        }

        public Builder offeredTimes(List<Instant> value) {
            this.offeredTimes = value;
            return this;
        }

        public Builder interpretation(Interpretation value) {
            this.interpretation = value;
            return this;
        }

        public Builder noticeSentAt(Instant value) {
            this.noticeSentAt = value;
            return this;
        }

        public Builder inputRequestedAt(Instant value) {
            this.inputRequestedAt = value;
            return this;
        }

        public Builder inputReceivedAt(Instant value) {
            this.inputReceivedAt = value;
            return this;
        }

        public Builder draftSharedAt(Instant value) {
            this.draftSharedAt = value;
            return this;
        }

        public Meeting build() {
            return new Meeting(id, familyId, studentId, caregiverId, staffId, schoolId, kind, at, status,
                    offeredTimes, interpretation, noticeSentAt, inputRequestedAt, inputReceivedAt, draftSharedAt);
        }
    }
}
