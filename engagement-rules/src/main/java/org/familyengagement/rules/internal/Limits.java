package org.familyengagement.rules.internal;

import java.time.Duration;

/**
 * The limits and parallelism of an evaluation.
 *
 * @param maxRuleFirings rule firings after which a session is stopped as runaway (each session
 *                       of a batch evaluation, one per share of the families, counts its own)
 * @param timeLimit      how long an evaluation may run, in all
 * @param threads        how many threads a batch evaluation may use
 */
public record Limits(long maxRuleFirings, Duration timeLimit, int threads) {
    /** Ten million firings, ten minutes, every available core. */
    public static final Limits DEFAULT = new Limits(10_000_000L, Duration.ofMinutes(10),
            Runtime.getRuntime().availableProcessors());
}
