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
 * @param replies            what counts as a reply ({@code unanswered-input}, {@code group-response-disparity})
 * @param iep                leads of {@code iep-input-late} and {@code iep-draft-late}
 * @param conference         the deadline of {@code early-conference-missing}
 * @param progressContact    period and topic coverage of {@code no-progress-contact}
 * @param untranslatedBroadcast threshold of {@code untranslated-broadcast}
 * @param disabledRules      ids of rules that do not run, each once, in the order given (whether they
 *                           exist is checked when an engine is built)
 */
public record Policy(Duration lookback, int responseSchoolDays, DeficitOnly deficitOnly, OneWayOnly oneWayOnly,
                     MessageOverload messageOverload, Disparity disparity, Replies replies, Iep iep,
                     Conference conference, ProgressContact progressContact,
                     UntranslatedBroadcast untranslatedBroadcast, List<String> disabledRules) {

    /**
     * The longest lookback: 100 years, longer than any contact log. Past about a billion years
     * {@code asOf - lookback} is not an instant at all, and an evaluation could only fail.
     * (Declared before {@code DEFAULTS}, whose construction reads it.)
     */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(36_525);

    /** The longest lead or period a v2 threshold may have: a year (366 days). */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    private static final Policy DEFAULTS = new Policy(Duration.ofDays(30), 2, new DeficitOnly(2), new OneWayOnly(3),
            new MessageOverload(5), new Disparity(0.8, 0.05, 10), new Replies(true),
            new Iep(Duration.ofDays(30), Duration.ofDays(7)), new Conference(40),
            new ProgressContact(Duration.ofDays(42), 0.5), new UntranslatedBroadcast(5), List.of());

    public Policy {
        Objects.requireNonNull(lookback, "lookback must not be null");
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback must be positive, not " + lookback);
        }
        if (lookback.compareTo(MAX_LOOKBACK) > 0) {
            throw new IllegalArgumentException("lookback must be at most " + MAX_LOOKBACK.toDays()
                    + " days (100 years), not " + lookback);
        }
        if (responseSchoolDays < 0) {
            throw new IllegalArgumentException("responseSchoolDays must not be negative, not " + responseSchoolDays);
        }
        Objects.requireNonNull(deficitOnly, "deficitOnly must not be null");
        Objects.requireNonNull(oneWayOnly, "oneWayOnly must not be null");
        Objects.requireNonNull(messageOverload, "messageOverload must not be null");
        Objects.requireNonNull(disparity, "disparity must not be null");
        Objects.requireNonNull(replies, "replies must not be null");
        Objects.requireNonNull(iep, "iep must not be null");
        Objects.requireNonNull(conference, "conference must not be null");
        Objects.requireNonNull(progressContact, "progressContact must not be null");
        Objects.requireNonNull(untranslatedBroadcast, "untranslatedBroadcast must not be null");
        disabledRules = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(disabledRules,
                "disabledRules must not be null")));
    }

    /**
     * The defaults of docs/rules.md: 30 days, 2 school days, 2 concerns, 3 broadcasts, 5 a week,
     * 0.8 / 0.05 / 10; replies must be understood; IEP input 30 and draft 7 days ahead; conferences
     * by the 40th school day; progress contact every 42 days, judged at 50% topic coverage;
     * untranslated broadcasts from 5 families.
     */
    public static Policy defaults() {
        return DEFAULTS;
    }

    public Policy withLookback(Duration value) {
        return new Policy(value, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withResponseSchoolDays(int value) {
        return new Policy(lookback, value, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withDeficitOnly(DeficitOnly value) {
        return new Policy(lookback, responseSchoolDays, value, oneWayOnly, messageOverload, disparity,
                replies, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withOneWayOnly(OneWayOnly value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, value, messageOverload, disparity,
                replies, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withMessageOverload(MessageOverload value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, value, disparity,
                replies, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withDisparity(Disparity value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, value,
                replies, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withReplies(Replies value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                value, iep, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withIep(Iep value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, value, conference, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withConference(Conference value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, iep, value, progressContact, untranslatedBroadcast, disabledRules);
    }

    public Policy withProgressContact(ProgressContact value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, iep, conference, value, untranslatedBroadcast, disabledRules);
    }

    public Policy withUntranslatedBroadcast(UntranslatedBroadcast value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, iep, conference, progressContact, value, disabledRules);
    }

    /** The same policy with these rules switched off (duplicates dropped, order kept). */
    public Policy withDisabledRules(Collection<String> value) {
        return new Policy(lookback, responseSchoolDays, deficitOnly, oneWayOnly, messageOverload, disparity,
                replies, iep, conference, progressContact, untranslatedBroadcast, List.copyOf(value));
    }

    /** @param minConcerns concern contacts (with no positive one) that make a family's contact deficit-only */
    public record DeficitOnly(int minConcerns) {
        public DeficitOnly {
            if (minConcerns < 1) {
                throw new IllegalArgumentException("deficitOnly.minConcerns must be at least 1, not " + minConcerns);
            }
        }
    }

    /** @param minBroadcasts broadcasts (with no two-way contact) that make a family's contact one-way only */
    public record OneWayOnly(int minBroadcasts) {
        public OneWayOnly {
            if (minBroadcasts < 1) {
                throw new IllegalArgumentException("oneWayOnly.minBroadcasts must be at least 1, not " + minBroadcasts);
            }
        }
    }

    /** @param maxBroadcastsPerWeek broadcasts a family may receive in any 7-day span */
    public record MessageOverload(int maxBroadcastsPerWeek) {
        public MessageOverload {
            if (maxBroadcastsPerWeek < 0) {
                throw new IllegalArgumentException(
                        "messageOverload.maxBroadcastsPerWeek must not be negative, not " + maxBroadcastsPerWeek);
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
            if (minGroupSize < 1) {
                throw new IllegalArgumentException("disparity.minGroupSize must be at least 1, not " + minGroupSize);
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

    /**
     * @param mustBeUnderstood a reply counts only when the family understands it (RULES.md v2): an
     *                         English answer to a Somali family's question is not an answer
     */
    public record Replies(boolean mustBeUnderstood) {
    }

    /**
     * @param inputLead how long before an IEP meeting the family's input should be back (calendar time)
     * @param draftLead how long before it the draft IEP should be shared
     */
    public record Iep(Duration inputLead, Duration draftLead) {
        public Iep {
            checkPeriod(inputLead, "iep.inputLead");
            checkPeriod(draftLead, "iep.draftLead");
        }
    }

    /**
     * @param bySchoolDay the school day of the year (its start being the first) by which each family
     *                    with a student had a conference
     */
    public record Conference(int bySchoolDay) {
        /** A school year has about 180 school days; 366 leaves room for any calendar. */
        public static final int MAX_SCHOOL_DAY = 366;

        public Conference {
            if (bySchoolDay < 1 || bySchoolDay > MAX_SCHOOL_DAY) {
                throw new IllegalArgumentException("conference.bySchoolDay must be in 1.." + MAX_SCHOOL_DAY + ", not "
                        + bySchoolDay);
            }
        }
    }

    /**
     * @param period           how far back a progress or learning contact counts: {@code (asOf - period, asOf]}
     * @param minTopicCoverage the share of the period's delivered outbound personal contacts that must
     *                         record a topic for the rule to judge at all
     */
    public record ProgressContact(Duration period, double minTopicCoverage) {
        public ProgressContact {
            checkPeriod(period, "progressContact.period");
            if (!(minTopicCoverage >= 0 && minTopicCoverage <= 1)) {
                throw new IllegalArgumentException("progressContact.minTopicCoverage must be in [0, 1], not "
                        + minTopicCoverage);
            }
        }
    }

    /** @param minFamilies distinct families not understanding one broadcast that make it a finding */
    public record UntranslatedBroadcast(int minFamilies) {
        /** More than any district has families. */
        public static final int MAX_FAMILIES = 10_000_000;

        public UntranslatedBroadcast {
            if (minFamilies < 1 || minFamilies > MAX_FAMILIES) {
                throw new IllegalArgumentException("untranslatedBroadcast.minFamilies must be in 1.." + MAX_FAMILIES
                        + ", not " + minFamilies);
            }
        }
    }

    private static void checkPeriod(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        if (value.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_PERIOD.toDays() + " days, not "
                    + value);
        }
    }
}
