package org.familyengagement.model;

/** What became of an outbound contact, finer than delivered or not (contract v2). */
public enum Delivery {
    SENT,
    DELIVERED,
    OPENED,
    FAILED,
    BOUNCED,
    BLOCKED,
    /** A call nobody picked up. */
    UNANSWERED;

    /** True unless the contact failed to reach the family: {@code FAILED}, {@code BOUNCED}, {@code BLOCKED}, {@code UNANSWERED}. */
    public boolean reachedFamily() {
        return this != FAILED && this != BOUNCED && this != BLOCKED && this != UNANSWERED;
    }
}
