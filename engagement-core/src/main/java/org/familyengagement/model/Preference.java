package org.familyengagement.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a family told the school about how to reach it.
 *
 * @param languages   ranked BCP 47 tags the family reads or speaks
 * @param channels    ranked channels the family chose
 * @param optOut      channels the family refused
 * @param reachable   weekly windows when the family can take a synchronous contact
 * @param interpreter the family asked for an interpreter at meetings
 */
public record Preference(List<String> languages, List<Channel> channels, Set<Channel> optOut,
                         List<ReachableWindow> reachable, boolean interpreter) {
    public Preference {
        languages = List.copyOf(Checks.noNulls(languages, "preference languages"));
        channels = List.copyOf(Checks.noNulls(channels, "preference channels"));
        optOut = Checks.noNulls(optOut, "preference optOut").isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(optOut));
        reachable = List.copyOf(Checks.noNulls(reachable, "preference reachable"));
    }

    /** A preference with only languages and channels. */
    public static Preference of(List<String> languages, List<Channel> channels) {
        return new Preference(languages, channels, Set.of(), List.of(), false);
    }

    /** True when both languages and channels are recorded. */
    public boolean isComplete() {
        return !languages.isEmpty() && !channels.isEmpty();
    }
}
