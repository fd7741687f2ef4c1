package org.familyengagement.report;

import java.util.List;
import java.util.Objects;

/**
 * How much of what the rules read was recorded, and which rules did not judge and why (RULES.md,
 * "Coverage"). A default the reader filled in for a missing field (a neutral tone, the district's
 * language, "delivered") is never counted as recorded.
 *
 * @param shares     what share of each field was recorded, in a fixed order (see {@link Share})
 * @param notJudged  the rules of the engine that did not judge at all, and why, by rule id
 */
public record Coverage(List<Share> shares, List<NotJudged> notJudged) {
    public Coverage {
        shares = List.copyOf(shares);
        notJudged = List.copyOf(notJudged);
    }

    /** The share of one field, by name ({@code tone}, {@code topic}...), or {@code null}. */
    public Share share(String field) {
        for (Share share : shares) {
            if (share.field().equals(field)) {
                return share;
            }
        }
        return null;
    }

    /**
     * How many of a population recorded a field.
     *
     * @param field      {@code tone}, {@code topic} (among delivered outbound two-way contacts in the
     *                   window), {@code language}, {@code delivery} (among outbound contacts in the
     *                   window), {@code languages}, {@code channels}, {@code reachable} (among families)
     * @param population what was counted: {@code deliveredOutboundTwoWayContacts}, {@code outboundContacts}
     *                   or {@code families}
     * @param recorded   how many recorded it
     * @param total      how many there were
     */
    public record Share(String field, String population, int recorded, int total) {
        public Share {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(population, "population");
            if (recorded < 0 || recorded > total) {
                throw new IllegalArgumentException("impossible share " + recorded + " of " + total + " for " + field);
            }
        }

        /** {@code recorded / total}; 0 when there is nothing to count. */
        public double share() {
            return total == 0 ? 0 : (double) recorded / total;
        }
    }

    /**
     * A rule that did not judge at all in this evaluation: it reports nothing, and that says
     * nothing about the families.
     *
     * @param ruleId the rule
     * @param reason why, in a sentence with figures and ids only
     */
    public record NotJudged(String ruleId, String reason) {
        public NotJudged {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
