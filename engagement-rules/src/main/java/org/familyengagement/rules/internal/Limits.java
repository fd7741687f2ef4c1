package org.familyengagement.rules.internal;

import java.time.Duration;

/**
 * The firing and time limits of an evaluation.
 *
 * @param maxRuleFirings rule firings after which an evaluation is stopped as runaway
 * @param timeLimit      how long an evaluation may run
 */
public record Limits(long maxRuleFirings, Duration timeLimit) {
    /** Ten million firings, ten minutes. */
    public static final Limits DEFAULT = new Limits(10_000_000L, Duration.ofMinutes(10));
}
