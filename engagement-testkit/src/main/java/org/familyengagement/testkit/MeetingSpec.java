package org.familyengagement.testkit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.District;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;

/**
 * A meeting being described (contract v2), with the contract's defaults: no status recorded
 * (so {@code HELD} once past, {@code SCHEDULED} before), no interpretation, no offered times.
 * Times are local to the district. Not thread-safe.
 */
public final class MeetingSpec implements FactSpec<Meeting> {
    private final String id;
    private final String familyId;
    private final MeetingKind kind;
    private final ZoneId zone;
    private final District district;
    private Instant at;
    private String studentId;
    private String caregiverId;
    private String staffId;
    private String schoolId;
    private MeetingStatus status;
    private final List<Instant> offeredTimes = new ArrayList<>();
    private Interpretation interpretation = Interpretation.NONE;
    private Instant noticeSentAt;
    private Instant inputRequestedAt;
    private Instant inputReceivedAt;
    private Instant draftSharedAt;

    MeetingSpec(String id, String familyId, MeetingKind kind, Instant at, ZoneId zone, District district) {
        this.id = id;
        this.familyId = familyId;
        this.kind = kind;
        this.at = at;
        this.zone = zone;
        this.district = district;
    }

    @Override
    public District district() {
        return district;
    }

    /** Moves the meeting to another local time. */
    public MeetingSpec at(String time) {
        this.at = Times.parse(time, zone);
        return this;
    }

    public MeetingSpec student(String value) {
        this.studentId = value;
        return this;
    }

    /** The caregiver it is with: that caregiver's preference, when it has one, is the one that holds. */
    public MeetingSpec caregiver(String value) {
        this.caregiverId = value;
        return this;
    }

    public MeetingSpec staff(String value) {
        this.staffId = value;
        return this;
    }

    public MeetingSpec school(String value) {
        this.schoolId = value;
        return this;
    }

    /** The recorded status; without one the contract's default applies. */
    public MeetingSpec status(MeetingStatus value) {
        this.status = value;
        return this;
    }

    /** Recorded as cancelled. */
    public MeetingSpec cancelled() {
        return status(MeetingStatus.CANCELLED);
    }

    /** Other local times the family was offered before this one was agreed. */
    public MeetingSpec offered(String... times) {
        for (String time : times) {
            offeredTimes.add(Times.parse(time, zone));
        }
        return this;
    }

    public MeetingSpec interpretation(Interpretation value) {
        this.interpretation = value;
        return this;
    }

    public MeetingSpec noticeSent(String time) {
        this.noticeSentAt = Times.parse(time, zone);
        return this;
    }

    /** IEP: when the school asked for the parental input form. */
    public MeetingSpec inputRequested(String time) {
        this.inputRequestedAt = Times.parse(time, zone);
        return this;
    }

    /** IEP: when the family's input came back. */
    public MeetingSpec inputReceived(String time) {
        this.inputReceivedAt = Times.parse(time, zone);
        return this;
    }

    /** IEP: when the draft was shared with the family. */
    public MeetingSpec draftShared(String time) {
        this.draftSharedAt = Times.parse(time, zone);
        return this;
    }

    @Override
    public Meeting build() {
        return Meeting.builder(id, familyId, kind, at).studentId(studentId).caregiverId(caregiverId)
                .staffId(staffId).schoolId(schoolId).status(status).offeredTimes(offeredTimes)
                .interpretation(interpretation).noticeSentAt(noticeSentAt).inputRequestedAt(inputRequestedAt)
                .inputReceivedAt(inputReceivedAt).draftSharedAt(draftSharedAt).build();
    }
}
