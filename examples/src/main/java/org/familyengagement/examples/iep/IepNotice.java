package org.familyengagement.examples.iep;

import java.util.Objects;

/**
 * Links a recorded contact to the IEP meeting it served: the SIS knows which letter or call was
 * the input request and which the notice of the meeting.
 *
 * @param meetingId the meeting
 * @param kind      what the contact was
 * @param contactId the contact in the dataset
 */
public record IepNotice(String meetingId, Kind kind, String contactId) {
    /** What an IEP notice was. */
    public enum Kind {
        INPUT_REQUEST,
        MEETING_NOTICE
    }

    public IepNotice {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contactId, "contactId");
    }
}
