package org.familyengagement.report;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The figures behind a broadcast finding ({@code untranslated-broadcast}).
 *
 * @param families   distinct families that received the broadcast in a form they do not understand
 * @param deliveries every delivered contact of the broadcast in the window
 * @param languages  the distinct first-ranked languages of those families' preferences, sorted
 */
public record BroadcastMetrics(int families, int deliveries, List<String> languages) implements Serializable {
    public BroadcastMetrics {
        if (families < 0 || deliveries < 0) {
            throw new IllegalArgumentException("families (" + families + ") and deliveries (" + deliveries
                    + ") must not be negative");
        }
        Objects.requireNonNull(languages, "languages");
        languages = List.copyOf(new TreeSet<>(languages));
    }
}
