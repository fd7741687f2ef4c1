package org.familyengagement.policy;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The thresholds an evaluation applies. {@link #defaults()} gives the values docs/rules.md sets;
 * {@code with...} methods derive a changed copy.
 *
 * @param lookback           how far back the evaluation window reaches: {@code (asOf - lookback, asOf]}
 * @param responseSchoolDays school days a family may wait for a reply
 * @param deficitOnly        thresholds of {@code deficit-only-contact}
 * @param oneWayOnly         thresholds of {@code one-way-only}
 * @param messageOverload    thresholds of {@code message-overload}
 * @param disparity          thresholds of the group (equity) rules
 * @param disabledRules      ids of rules that do not run, each once, in the order given (whether they
 *                           exist is checked when an engine is built)
 */
public record Policy(Duration lookback, int responseSchoolDays, DeficitOnly deficitOnly, OneWayOnly oneWayOnly,
                     MessageOverload messageOverload, Disparity disparity, List<String> disabledRules) {

    /**
     * The longest lookback: 100 years, longer than any contact log. Past about a billion years
     * {@code asOf - lookback} is not an instant at all, and an evaluation could only fail.
     * (Declared before {@code DEFAULTS}, whose construction reads it.)
     */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(36_525);

    /** The longest reply deadline: a year of school days, far past any reply policy. */
    public static final int MAX_RESPONSE_SCHOOL_DAYS = 365;

    /** The largest count a threshold may name (concerns, broadcasts, families in a group). */
    public static final int MAX_COUNT = 1_000_000;

    private static final Policy DEFAULTS = new Policy(Duration.ofDays(30), 2, new DeficitOnly(2), new OneWayOnly(3),
            new MessageOverload(5), new Disparity(0.8, 0.05, 10), List.of());

    public Policy {
        Objects.requireNonNull(lookback, "lookback must not be null");
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback must be positive, not " + lookback);
        }
        if (lookback.compareTo(MAX_LOOKBACK) > 0) {
            throw new IllegalArgumentException("lookback must be at most " + MAX_LOOKBACK.toDays()
                    + " days (100 years), not " + lookback);
        }
        if (responseSchoolDays < 0 || responseSchoolDays > MAX_RESPONSE_SCHOOL_DAYS) {
            throw new IllegalArgumentException("responseSchoolDays must be between 0 and " + MAX_RESPONSE_SCHOOL_DAYS
                    + ", not " + responseSchoolDays);
        }
        Objects.requireNonNull(deficitOnly, "deficitOnly must not be null");
        Objects.requireNonNull(oneWayOnly, "oneWayOnly must not be null");
        Objects.requireNonNull(messageOverload, "messageOverload must not be null");
        Objects.requireNonNull(disparity, "disparity must not be null");
        disabledRules = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(disabledRules,
                "disabledRules must not be null")));
    }

    /** The defaults of docs/rules.md: 30 days, 2 school days, 2 concerns, 3 broadcasts, 5 a week, 0.8 / 0.05 / 10. */
    public static Policy defaults() {
        return DEFAULTS;
    }

    public Policy withLookback(Duration value) {
        return new Policy(value, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity, disabledRules);
    }

    public Policy withResponseSchoolDays(int value) {
        return new Policy(lookback, value, deficitOnly, oneWayOnly, messageOverload, disparity, disabledRules);
    }

    public Policy withDeficitOnly(DeficitOnly value) {
        return new Policy(lookback, responseSchoolDays, value, oneWayOnly, messageOverload, disparity, disabledRules);
    }

    public Policy withOneWayOnly(OneWayOnly value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, value, messageOverload, disparity, disabledRules);
    }

    public Policy withMessageOverload(MessageOverload value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, value, disparity, disabledRules);
    }

    public Policy withDisparity(Disparity value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, value, disabledRules);
    }

    /** The same policy with these rules switched off (duplicates dropped, order kept). */
    public Policy withDisabledRules(Collection<String> value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                List.copyOf(value));
    }

    /** @param minConcerns concern contacts (with no positive one) that make a family's contact deficit-only */
    public record DeficitOnly(int minConcerns) {
        public DeficitOnly {
            if (minConcerns < 1 || minConcerns > MAX_COUNT) {
                throw new IllegalArgumentException("deficitOnly.minConcerns must be between 1 and " + MAX_COUNT
                        + ", not " + minConcerns);
            }
        }
    }

    /** @param minBroadcasts broadcasts (with no two-way contact) that make a family's contact one-way only */
    public record OneWayOnly(int minBroadcasts) {
        public OneWayOnly {
            if (minBroadcasts < 1 || minBroadcasts > MAX_COUNT) {
                throw new IllegalArgumentException("oneWayOnly.minBroadcasts must be between 1 and " + MAX_COUNT
                        + ", not " + minBroadcasts);
            }
        }
    }

    /** @param maxBroadcastsPerWeek broadcasts a family may receive in any 7-day span */
    public record MessageOverload(int maxBroadcastsPerWeek) {
        public MessageOverload {
            if (maxBroadcastsPerWeek < 0 || maxBroadcastsPerWeek > MAX_COUNT) {
                throw new IllegalArgumentException("messageOverload.maxBroadcastsPerWeek must be between 0 and "
                        + MAX_COUNT + ", not " + maxBroadcastsPerWeek);
            }
        }
    }

    /**
     * @param ratio        a label is flagged below {@code ratio x} the reference rate (0.8: the four-fifths rule)
     * @param alpha        and only when the one-sided Fisher exact test gives {@code p < alpha}
     * @param minGroupSize labels carried by fewer families are never reported, named or counted
     */
    public record Disparity(double ratio, double alpha, int minGroupSize) {
        public Disparity {
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("disparity.ratio must be in (0, 1], not " + ratio);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("disparity.alpha must be in (0, 1), not " + alpha);
            }
            if (minGroupSize < 1 || minGroupSize > MAX_COUNT) {
                throw new IllegalArgumentException("disparity.minGroupSize must be between 1 and " + MAX_COUNT
                        + ", not " + minGroupSize);
            }
        }

        /**
         * {@link #alpha()} under a name DRL can use: Drools 10.2.0's executable model fails to
         * build (IndexOutOfBoundsException in its lambda post-processor) on any constraint that
         * reads a property named {@code alpha}.
         */
        public double significanceLevel() {
            return alpha;
        }
    }
}
