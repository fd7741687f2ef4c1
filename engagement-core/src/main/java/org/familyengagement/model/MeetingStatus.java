package org.familyengagement.model;

/** What became of a meeting (contract v2). When not recorded: {@code SCHEDULED} after {@code asOf}, else {@code HELD}. */
public enum MeetingStatus {
    SCHEDULED,
    HELD,
    CANCELLED,
    NO_SHOW
}
