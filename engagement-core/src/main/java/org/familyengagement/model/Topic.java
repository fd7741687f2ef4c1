package org.familyengagement.model;

/** What a contact was about, when the school recorded it (contract v2). */
public enum Topic {
    /** How the child is doing. */
    PROGRESS,
    /** What the child is learning, and how to help at home. */
    LEARNING,
    ATTENDANCE,
    BEHAVIOR,
    HEALTH,
    EVENT,
    MEETING,
    ADMINISTRATIVE,
    OTHER;

    /** {@code PROGRESS} or {@code LEARNING}: what families most want to hear about. */
    public boolean isAboutProgress() {
        return this == PROGRESS || this == LEARNING;
    }
}
