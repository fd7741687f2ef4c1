package org.familyengagement.model;

/** How a contact travelled. */
public enum Channel {
    SMS, PHONE, EMAIL, APP, LETTER, IN_PERSON, VIDEO, HOME_VISIT;

    /**
     * A synchronous channel needs the family to be free at that moment:
     * {@code PHONE}, {@code IN_PERSON}, {@code VIDEO}, {@code HOME_VISIT}.
     */
    public boolean isSynchronous() {
        return this == PHONE || this == IN_PERSON || this == VIDEO || this == HOME_VISIT;
    }

    /** A messaging channel: {@code SMS}, {@code PHONE}, {@code EMAIL}, {@code APP}, {@code LETTER}. */
    public boolean isMessaging() {
        return this == SMS || this == PHONE || this == EMAIL || this == APP || this == LETTER;
    }
}
