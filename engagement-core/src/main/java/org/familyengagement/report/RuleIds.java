package org.familyengagement.report;

import java.util.List;

/** The stable ids of the built-in rules (the contract of RULES.md). */
public final class RuleIds {
    public static final String UNANSWERED_INPUT = "unanswered-input";
    public static final String BROKEN_COMMITMENT = "broken-commitment";
    public static final String DEFICIT_ONLY_CONTACT = "deficit-only-contact";
    public static final String LANGUAGE_MISMATCH = "language-mismatch";
    public static final String CHANNEL_MISMATCH = "channel-mismatch";
    public static final String OUTSIDE_REACHABLE_HOURS = "outside-reachable-hours";
    public static final String PREFERENCE_UNRECORDED = "preference-unrecorded";
    public static final String ONE_WAY_ONLY = "one-way-only";
    public static final String UNREACHED_FAMILY = "unreached-family";
    public static final String MESSAGE_OVERLOAD = "message-overload";
    public static final String GROUP_REACH_DISPARITY = "group-reach-disparity";
    public static final String GROUP_RESPONSE_DISPARITY = "group-response-disparity";

    /** Every built-in id, in the order RULES.md lists them. */
    public static final List<String> BUILT_IN = List.of(UNANSWERED_INPUT, BROKEN_COMMITMENT, DEFICIT_ONLY_CONTACT,
            LANGUAGE_MISMATCH, CHANNEL_MISMATCH, OUTSIDE_REACHABLE_HOURS, PREFERENCE_UNRECORDED, ONE_WAY_ONLY,
            UNREACHED_FAMILY, MESSAGE_OVERLOAD, GROUP_REACH_DISPARITY, GROUP_RESPONSE_DISPARITY);

    private RuleIds() {
    }
}
