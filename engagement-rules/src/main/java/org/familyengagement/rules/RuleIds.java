package org.familyengagement.rules;

/**
 * The ids of the built-in rules as constants, for Java callers ({@code builder.disable(RuleIds.MESSAGE_OVERLOAD)},
 * {@code report.findingsOf(RuleIds.UNANSWERED_INPUT)}). The rules' own DRL names are the ids; the
 * engine's {@link RuleCatalog} lists them, and a test checks that these constants name exactly
 * the built-in rules it lists.
 */
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
    public static final String UNTRANSLATED_BROADCAST = "untranslated-broadcast";
    public static final String CHILD_INTERPRETER = "child-interpreter";
    public static final String MEETING_WITHOUT_INTERPRETER = "meeting-without-interpreter";
    public static final String RESTRICTED_CONTACT = "restricted-contact";
    public static final String IEP_INPUT_LATE = "iep-input-late";
    public static final String IEP_DRAFT_LATE = "iep-draft-late";
    public static final String EARLY_CONFERENCE_MISSING = "early-conference-missing";
    public static final String INFLEXIBLE_MEETING_TIMES = "inflexible-meeting-times";
    public static final String NO_PROGRESS_CONTACT = "no-progress-contact";
    public static final String GROUP_STRENGTHS_DISPARITY = "group-strengths-disparity";

    private RuleIds() {
    }
}
