package org.familyengagement.rules.drl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.BroadcastMetrics;

/**
 * DRL vocabulary: what one broadcast (every delivery of one mass message, by {@code broadcastId})
 * did in the window, counted by the engine in Java over the families' histories and inserted as
 * one fact per broadcast ({@code untranslated-broadcast} reads it):
 *
 * <pre>{@code
 * $b : BroadcastTally( families >= $min )
 * }</pre>
 *
 * <p>Tallies of disjoint sets of families add up with {@link #plus}, so families can be counted in
 * parts (threads, partitions) and the parts merged.
 *
 * @param broadcastId  the broadcast
 * @param deliveries   its delivered outbound contacts in the window
 * @param notUnderstood those of them the family does not understand, in time order (ties by id)
 * @param families     the distinct families behind {@code notUnderstood}
 * @param languages    the distinct first-ranked languages of those families' effective preferences, sorted
 */
public record BroadcastTally(String broadcastId, int deliveries, List<Contact> notUnderstood, int families,
                             List<String> languages) {
    public BroadcastTally {
        Objects.requireNonNull(broadcastId, "broadcastId");
        if (deliveries < 0 || families < 0 || families > notUnderstood.size()
                || notUnderstood.size() > deliveries) {
            throw new IllegalArgumentException("impossible tally of broadcast " + broadcastId + ": " + deliveries
                    + " deliveries, " + notUnderstood.size() + " not understood by " + families + " families");
        }
        notUnderstood = List.copyOf(notUnderstood);
        languages = List.copyOf(new TreeSet<>(languages));
    }

    /** The tally of the same broadcast over another, disjoint, set of families added to this one. */
    public BroadcastTally plus(BroadcastTally other) {
        if (!broadcastId.equals(other.broadcastId)) {
            throw new IllegalArgumentException("cannot add the tally of broadcast " + other.broadcastId
                    + " to that of " + broadcastId);
        }
        List<Contact> contacts = new ArrayList<>(notUnderstood);
        contacts.addAll(other.notUnderstood);
        contacts.sort(Dataset.BY_TIME);
        List<String> allLanguages = new ArrayList<>(languages);
        allLanguages.addAll(other.languages);
        return new BroadcastTally(broadcastId, deliveries + other.deliveries, contacts, families + other.families,
                allLanguages);
    }

    /** The figures of an {@code untranslated-broadcast} finding. */
    public BroadcastMetrics metrics() {
        return new BroadcastMetrics(families, deliveries, languages);
    }
}
