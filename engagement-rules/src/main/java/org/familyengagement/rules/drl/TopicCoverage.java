package org.familyengagement.rules.drl;

/**
 * DRL vocabulary: how many of the district's delivered outbound personal contacts in the progress
 * period {@code (asOf - progressContact.period, asOf]} record a topic. Counted by the engine in Java
 * and inserted once; {@code no-progress-contact} judges only when it {@link #judges}. Counts of
 * disjoint sets of families add up with {@link #plus}.
 *
 * <p>A live session replaces the fact only when whether it judges changes, so between two such
 * changes its counts are those of the last one: replacing it on every contact would make every
 * family's {@code no-progress-contact} match again. The report's coverage has the current counts.
 *
 * @param contacts  delivered outbound personal contacts in the period
 * @param withTopic those that record a topic
 * @param minimum   the policy's {@code progressContact.minTopicCoverage}
 */
public record TopicCoverage(int contacts, int withTopic, double minimum) {
    public TopicCoverage {
        if (contacts < 0 || withTopic < 0 || withTopic > contacts) {
            throw new IllegalArgumentException("impossible topic coverage " + withTopic + "/" + contacts);
        }
    }

    /** {@code withTopic / contacts}; 0 without contacts. */
    public double share() {
        return contacts == 0 ? 0 : (double) withTopic / contacts;
    }

    /** True when the share reaches the minimum (with no contacts at all, only a minimum of 0 does). */
    public boolean judges() {
        return contacts == 0 ? minimum == 0 : share() >= minimum;
    }

    /** The counts of another, disjoint, set of families added to these. */
    public TopicCoverage plus(TopicCoverage other) {
        return new TopicCoverage(contacts + other.contacts, withTopic + other.withTopic, minimum);
    }
}
