package org.familyengagement.testkit;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.District;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Restriction;

/**
 * A caregiver being described (contract v2): its own preference exists once any part of it is set
 * (then it replaces the family's for contacts and meetings that name this caregiver); no
 * restriction unless {@link #noContact()}. Add it with {@link FamilySpec#caregiver}. Not thread-safe.
 */
public final class CaregiverSpec implements FactSpec<Caregiver> {
    private final String id;
    private final String relationship;
    private final List<String> languages = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final Set<Channel> optOut = EnumSet.noneOf(Channel.class);
    private final List<ReachableWindow> reachable = new ArrayList<>();
    private boolean interpreter;
    private boolean hasPreference;
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
        languages.addAll(List.of(tags));
        hasPreference = true;
        return this;
    }

    /** Ranked channels this caregiver chose. */
    public CaregiverSpec channels(Channel... values) {
        channels.addAll(List.of(values));
        hasPreference = true;
        return this;
    }

    /** A weekly window this caregiver can be reached or come to meetings, local time. */
    public CaregiverSpec reachable(String from, String to, DayOfWeek... days) {
        reachable.add(new ReachableWindow(Set.of(days), LocalTime.parse(from), LocalTime.parse(to)));
        hasPreference = true;
        return this;
    }

    /** This caregiver asked for an interpreter at meetings. */
    public CaregiverSpec interpreter() {
        interpreter = true;
        hasPreference = true;
        return this;
    }

    /** The school must not contact this person (a court order, a custody arrangement). */
    public CaregiverSpec noContact() {
        restriction = Restriction.NO_CONTACT;
        return this;
    }

    @Override
    public Caregiver build() {
        Preference preference = hasPreference ? new Preference(languages, channels, optOut, reachable, interpreter)
                : null;
        return new Caregiver(id, relationship, preference, restriction);
    }
}
