package org.familyengagement.testkit;

import java.time.DayOfWeek;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.District;
import org.familyengagement.model.Restriction;

/**
 * A caregiver being described (contract v2): its own preference exists once any part of it is set
 * (then it replaces the family's for contacts and meetings that name this caregiver); no
 * restriction unless {@link #noContact()}. Add it with {@link FamilySpec#caregiver}. Not thread-safe.
 */
public final class CaregiverSpec implements FactSpec<Caregiver> {
    private final String id;
    private final String relationship;
    private final PreferenceDraft preference = new PreferenceDraft();
    private Restriction restriction = Restriction.NONE;

    CaregiverSpec(String id, String relationship) {
        this.id = id;
        this.relationship = relationship;
    }

    @Override
    public District district() {
        return null;
    }

    /** Ranked BCP 47 tags this caregiver reads or speaks. */
    public CaregiverSpec languages(String... tags) {
        preference.languages(tags);
        return this;
    }

    /** Ranked channels this caregiver chose. */
    public CaregiverSpec channels(Channel... values) {
        preference.channels(values);
        return this;
    }

    /** A weekly window this caregiver can be reached or come to meetings, local time. */
    public CaregiverSpec reachable(String from, String to, DayOfWeek... days) {
        preference.reachable(from, to, days);
        return this;
    }

    /** This caregiver asked for an interpreter at meetings. */
    public CaregiverSpec interpreter() {
        preference.interpreter();
        return this;
    }

    /** The school must not contact this person (a court order, a custody arrangement). */
    public CaregiverSpec noContact() {
        restriction = Restriction.NO_CONTACT;
        return this;
    }

    @Override
    public Caregiver build() {
        return new Caregiver(id, relationship, preference.build(), restriction);
    }
}
