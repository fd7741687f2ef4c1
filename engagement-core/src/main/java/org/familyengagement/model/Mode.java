package org.familyengagement.model;

/** What kind of exchange a contact was. */
public enum Mode {
    /** One-to-one and relationship-building: a call, a personal text, a conference. */
    PERSONAL,
    /** Many-to-many that can answer: a class app thread, a group chat. */
    RECIPROCAL,
    /** One-way and mass: a robocall, a newsletter, a website post. */
    BROADCAST;

    /** Anything but a broadcast: the family could answer. */
    public boolean isTwoWay() {
        return this != BROADCAST;
    }
}
