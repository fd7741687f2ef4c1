package org.familyengagement.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a family (or one caregiver) told the school about how to reach it. Build one with
 * {@link #builder()}.
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

    /** Starts an empty preference. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this preference. */
    public Builder toBuilder() {
        return new Builder().languages(languages).channels(channels).optOut(optOut).reachable(reachable)
                .interpreter(interpreter);
    }

    /** True when both languages and channels are recorded. */
    public boolean isComplete() {
        return !languages.isEmpty() && !channels.isEmpty();
    }

    /** The first-ranked language, or {@code null} when none is recorded. */
    public String firstLanguage() {
        return languages.isEmpty() ? null : languages.get(0);
    }

    /** A builder of preferences. Not thread-safe. */
    public static final class Builder {
        private final List<String> languages = new ArrayList<>();
        private final List<Channel> channels = new ArrayList<>();
        private final Set<Channel> optOut = EnumSet.noneOf(Channel.class);
        private final List<ReachableWindow> reachable = new ArrayList<>();
        private boolean interpreter;

        private Builder() {
        }

        /** Ranked BCP 47 tags, replacing any set before. */
        public Builder languages(List<String> value) {
            languages.clear();
            languages.addAll(value);
            return this;
        }

        public Builder languages(String... value) {
            return languages(List.of(value));
        }

        /** Ranked channels, replacing any set before. */
        public Builder channels(List<Channel> value) {
            channels.clear();
            channels.addAll(value);
            return this;
        }

        public Builder channels(Channel... value) {
            return channels(List.of(value));
        }

        public Builder optOut(Set<Channel> value) {
            optOut.clear();
            optOut.addAll(value);
            return this;
        }

        public Builder optOut(Channel... value) {
            return optOut(Set.of(value));
        }

        public Builder reachable(List<ReachableWindow> value) {
            reachable.clear();
            reachable.addAll(value);
            return this;
        }

        /** Adds one weekly window. */
        public Builder addReachable(ReachableWindow value) {
            reachable.add(value);
            return this;
        }

        public Builder interpreter(boolean value) {
            this.interpreter = value;
            return this;
        }

        public Preference build() {
            return new Preference(languages, channels, optOut, reachable, interpreter);
        }
    }
}
