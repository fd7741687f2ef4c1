package org.familyengagement.testkit;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;

/**
 * A preference being described, by a family or a caregiver: it exists once any part of it is set.
 * The one place both specs keep its parts. Not thread-safe.
 */
final class PreferenceDraft {
    private final List<String> languages = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final Set<Channel> optOut = EnumSet.noneOf(Channel.class);
    private final List<ReachableWindow> reachable = new ArrayList<>();
    private boolean interpreter;
    private boolean set;

    void languages(String... tags) {
        languages.addAll(List.of(tags));
        set = true;
    }

    void channels(Channel... values) {
        channels.addAll(List.of(values));
        set = true;
    }

    void optOut(Channel... values) {
        optOut.addAll(List.of(values));
        set = true;
    }

    void reachable(String from, String to, DayOfWeek... days) {
        reachable.add(new ReachableWindow(Set.of(days), LocalTime.parse(from), LocalTime.parse(to)));
        set = true;
    }

    void interpreter() {
        interpreter = true;
        set = true;
    }

    /** The preference, or {@code null} when no part of it was set. */
    Preference build() {
        return set ? new Preference(languages, channels, optOut, reachable, interpreter) : null;
    }
}
