package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.familyengagement.language.LanguageMatch;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;

/**
 * The ten rules of "The rule pack, v2" (RULES.md), read straight from their definitions as plain
 * Java over a {@link Dataset}, with the default policy: what the sample district must plant. It
 * shares nothing with the rule pack (which is written elsewhere, in DRL) but the model records,
 * v1's language matcher (which the definitions name) and the Fisher test of Apache Commons
 * Statistics (a maintained library, as RULES.md asks). Each method returns the subjects a rule
 * would report: family ids, meeting ids, broadcast ids or group labels.
 */
final class RulesV2 {
    static final Duration LOOKBACK = Duration.ofDays(30);
    static final int UNTRANSLATED_MIN_FAMILIES = 5;
    static final Duration INPUT_LEAD = Duration.ofDays(30);
    static final Duration DRAFT_LEAD = Duration.ofDays(7);
    static final int CONFERENCE_BY_SCHOOL_DAY = 40;
    static final Duration PROGRESS_PERIOD = Duration.ofDays(42);
    static final double MIN_TOPIC_COVERAGE = 0.5;
    static final double RATIO = 0.8;
    static final double ALPHA = 0.05;
    static final int MIN_GROUP_SIZE = 10;

    private static final FisherExactTest LOWER = FisherExactTest.withDefaults().with(AlternativeHypothesis.LESS_THAN);

    private final Dataset data;
    private final Instant asOf;
    private final Instant windowStart;
    private final ZoneId zone;
    private final Map<String, Family> families = new HashMap<>();

    RulesV2(Dataset data, Instant asOf) {
        this.data = data;
        this.asOf = asOf;
        this.windowStart = asOf.minus(LOOKBACK);
        this.zone = data.district().timeZone();
        for (Family family : data.families()) {
            families.put(family.id(), family);
        }
    }

    // ---- terms ----

    /** {@code (asOf - lookback, asOf]}. */
    boolean inWindow(Instant at) {
        return at.isAfter(windowStart) && !at.isAfter(asOf);
    }

    /** The named caregiver's preference when that caregiver has one, else the family's. */
    Preference effectivePreference(Family family, String caregiverId) {
        if (caregiverId != null) {
            for (Caregiver caregiver : family.caregivers()) {
                if (caregiver.id().equals(caregiverId) && caregiver.preference() != null) {
                    return caregiver.preference();
                }
            }
        }
        return family.preference();
    }

    /** RULES.md v2 "understood": no languages listed, a language match, or an interpretation other than NONE or STUDENT. */
    boolean understood(Contact contact) {
        Preference preference = effectivePreference(families.get(contact.familyId()), contact.caregiverId());
        if (preference == null || preference.languages().isEmpty()) {
            return true;
        }
        String language = contact.language() != null ? contact.language() : data.district().defaultLanguage();
        if (LanguageMatch.instance().matchesAny(preference.languages(), language)) {
            return true;
        }
        Interpretation interpretation = contact.interpretation();
        return interpretation == Interpretation.QUALIFIED || interpretation == Interpretation.BILINGUAL_STAFF
                || interpretation == Interpretation.MACHINE || interpretation == Interpretation.FAMILY_ADULT;
    }

    /** The contract's default: SCHEDULED after asOf, else HELD, when no status is recorded. */
    MeetingStatus status(Meeting meeting) {
        if (meeting.status() != null) {
            return meeting.status();
        }
        return meeting.at().isAfter(asOf) ? MeetingStatus.SCHEDULED : MeetingStatus.HELD;
    }

    /** "Meeting in the window": at in the window and status HELD. */
    boolean meetingInWindow(Meeting meeting) {
        return inWindow(meeting.at()) && status(meeting) == MeetingStatus.HELD;
    }

    boolean isSchoolDay(LocalDate date) {
        District district = data.district();
        return !district.weekend().contains(date.getDayOfWeek()) && !district.holidays().contains(date);
    }

    /** v1's window test: the day is listed and {@code from <= time < to}, in district local time. */
    boolean insideAnyWindow(List<ReachableWindow> windows, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        for (ReachableWindow window : windows) {
            if (window.days().contains(day) && !time.isBefore(window.from()) && time.isBefore(window.to())) {
                return true;
            }
        }
        return false;
    }

    // ---- the rules ----

    /** untranslated-broadcast: broadcast id to the families it did not reach understood (at least five). */
    Map<String, Set<String>> untranslatedBroadcasts() {
        Map<String, Set<String>> notUnderstood = new TreeMap<>();
        for (Contact contact : data.contacts()) {
            if (contact.broadcastId() != null && contact.isDeliveredOutbound() && inWindow(contact.at())
                    && !understood(contact)) {
                notUnderstood.computeIfAbsent(contact.broadcastId(), id -> new TreeSet<>()).add(contact.familyId());
            }
        }
        notUnderstood.values().removeIf(set -> set.size() < UNTRANSLATED_MIN_FAMILIES);
        return notUnderstood;
    }

    /** child-interpreter: families with a contact or meeting in the window that a student interpreted. */
    Set<String> childInterpreter() {
        Set<String> found = new TreeSet<>();
        for (Contact contact : data.contacts()) {
            if (contact.interpretation() == Interpretation.STUDENT && inWindow(contact.at())) {
                found.add(contact.familyId());
            }
        }
        for (Meeting meeting : data.meetings()) {
            if (meeting.interpretation() == Interpretation.STUDENT && meetingInWindow(meeting)) {
                found.add(meeting.familyId());
            }
        }
        return found;
    }

    /** meeting-without-interpreter: held meetings in the window, interpreter asked for, none professional. */
    Set<String> meetingWithoutInterpreter() {
        Set<String> found = new TreeSet<>();
        for (Meeting meeting : data.meetings()) {
            Preference preference = effectivePreference(families.get(meeting.familyId()), meeting.caregiverId());
            if (meetingInWindow(meeting) && preference != null && preference.interpreter()
                    && meeting.interpretation() != Interpretation.QUALIFIED
                    && meeting.interpretation() != Interpretation.BILINGUAL_STAFF) {
                found.add(meeting.id());
            }
        }
        return found;
    }

    /** restricted-contact: family id to the outbound contacts (window) and meetings (at in window) naming a NO_CONTACT caregiver. */
    Map<String, List<String>> restrictedContact() {
        Set<String> restricted = new HashSet<>();
        for (Family family : data.families()) {
            for (Caregiver caregiver : family.caregivers()) {
                if (caregiver.isNoContact()) {
                    restricted.add(caregiver.id());
                }
            }
        }
        Map<String, List<String>> found = new TreeMap<>();
        for (Contact contact : data.contacts()) {
            if (contact.isOutbound() && inWindow(contact.at()) && restricted.contains(contact.caregiverId())) {
                found.computeIfAbsent(contact.familyId(), id -> new ArrayList<>()).add(contact.id());
            }
        }
        for (Meeting meeting : data.meetings()) {
            if (inWindow(meeting.at()) && restricted.contains(meeting.caregiverId())) {
                found.computeIfAbsent(meeting.familyId(), id -> new ArrayList<>()).add(meeting.id());
            }
        }
        return found;
    }

    /** iep-input-late: IEP meetings judged (recent or upcoming, not cancelled) whose input was absent or late. */
    Set<String> iepInputLate() {
        return iepLate(INPUT_LEAD, true);
    }

    /** iep-draft-late: the same window test with the draft lead. */
    Set<String> iepDraftLate() {
        return iepLate(DRAFT_LEAD, false);
    }

    /** The IEP meetings the lead's window test judges (recent or upcoming, not cancelled, due by asOf). */
    List<Meeting> iepJudged(Duration lead) {
        List<Meeting> judged = new ArrayList<>();
        for (Meeting meeting : data.meetings()) {
            if (meeting.kind() == MeetingKind.IEP && status(meeting) != MeetingStatus.CANCELLED
                    && meeting.at().isAfter(windowStart) && !meeting.at().minus(lead).isAfter(asOf)) {
                judged.add(meeting);
            }
        }
        return judged;
    }

    private Set<String> iepLate(Duration lead, boolean input) {
        Set<String> found = new TreeSet<>();
        for (Meeting meeting : iepJudged(lead)) {
            Instant due = meeting.at().minus(lead);
            Instant done = input ? meeting.inputReceivedAt() : meeting.draftSharedAt();
            if (done == null || done.isAfter(due)) {
                found.add(meeting.id());
            }
        }
        return found;
    }

    /** D: the 40th school day on or after the school year's start (the start itself counts), or null. */
    LocalDate earlyConferenceDeadline() {
        LocalDate start = data.district().schoolYearStart();
        if (start == null) {
            return null;
        }
        LocalDate day = start;
        int count = isSchoolDay(day) ? 1 : 0;
        while (count < CONFERENCE_BY_SCHOOL_DAY) {
            day = day.plusDays(1);
            if (isSchoolDay(day)) {
                count++;
            }
        }
        return day;
    }

    /** early-conference-missing: families with students and no conference (not cancelled) by the end of D; empty when the rule does not judge. */
    Set<String> earlyConferenceMissing() {
        LocalDate deadline = earlyConferenceDeadline();
        if (deadline == null || deadline.plusDays(1).atStartOfDay(zone).toInstant().isAfter(asOf)) {
            return Set.of();
        }
        Set<String> found = new TreeSet<>();
        for (Family family : data.families()) {
            if (family.students().isEmpty()) {
                continue;
            }
            boolean early = false;
            for (Meeting meeting : data.meetingsOf(family.id())) {
                if (meeting.kind() == MeetingKind.CONFERENCE && status(meeting) != MeetingStatus.CANCELLED
                        && !LocalDate.ofInstant(meeting.at(), zone).isAfter(deadline)) {
                    early = true;
                }
            }
            if (!early) {
                found.add(family.id());
            }
        }
        return found;
    }

    /** inflexible-meeting-times: held meetings in the window whose time and offered times all miss the windows. */
    Set<String> inflexibleMeetingTimes() {
        Set<String> found = new TreeSet<>();
        for (Meeting meeting : data.meetings()) {
            if (!meetingInWindow(meeting) || meeting.offeredTimes().isEmpty()) {
                continue;
            }
            Preference preference = effectivePreference(families.get(meeting.familyId()), meeting.caregiverId());
            if (preference == null || preference.reachable().isEmpty()) {
                continue;
            }
            boolean fits = insideAnyWindow(preference.reachable(), meeting.at());
            for (Instant offered : meeting.offeredTimes()) {
                fits |= insideAnyWindow(preference.reachable(), offered);
            }
            if (!fits) {
                found.add(meeting.id());
            }
        }
        return found;
    }

    /** The delivered outbound personal contacts of the progress period. */
    private boolean inProgressPeriod(Contact contact) {
        return contact.isDeliveredOutbound() && contact.isPersonal()
                && contact.at().isAfter(asOf.minus(PROGRESS_PERIOD)) && !contact.at().isAfter(asOf);
    }

    /** The share of the period's delivered outbound personal contacts that record a topic. */
    double progressTopicCoverage() {
        long all = 0;
        long recorded = 0;
        for (Contact contact : data.contacts()) {
            if (inProgressPeriod(contact)) {
                all++;
                recorded += contact.topic() != null ? 1 : 0;
            }
        }
        return all == 0 ? 0 : recorded / (double) all;
    }

    /** no-progress-contact: families with students and no progress or learning contact in the period; empty when it does not judge. */
    Set<String> noProgressContact() {
        if (progressTopicCoverage() < MIN_TOPIC_COVERAGE) {
            return Set.of();
        }
        Set<String> heard = new HashSet<>();
        for (Contact contact : data.contacts()) {
            if (inProgressPeriod(contact) && (contact.topic() == Topic.PROGRESS || contact.topic() == Topic.LEARNING)) {
                heard.add(contact.familyId());
            }
        }
        Set<String> found = new TreeSet<>();
        for (Family family : data.families()) {
            if (!family.students().isEmpty() && !heard.contains(family.id())) {
                found.add(family.id());
            }
        }
        return found;
    }

    /** One label's strengths rate in a dimension. */
    record GroupRate(String label, int n, int successes) {
        double rate() {
            return successes / (double) n;
        }
    }

    /** A flagged label with v1's metrics. */
    record Flag(String dimension, GroupRate label, GroupRate reference, double ratio, double pValue) {
    }

    /**
     * The strengths rate per label of a dimension, over the families reached by a delivered
     * outbound two-way contact in the window: success = one of those contacts is POSITIVE.
     * Every label with at least one such family, eligible or not.
     */
    Map<String, GroupRate> strengthsRates(String dimension) {
        Map<String, int[]> tally = new TreeMap<>();
        for (Family family : data.families()) {
            String label = family.group(dimension);
            if (label == null) {
                continue;
            }
            boolean reached = false;
            boolean positive = false;
            for (Contact contact : data.contactsOf(family.id())) {
                if (contact.isDeliveredOutbound() && contact.isTwoWay() && inWindow(contact.at())) {
                    reached = true;
                    positive |= contact.tone() == Tone.POSITIVE;
                }
            }
            if (reached) {
                int[] counts = tally.computeIfAbsent(label, l -> new int[2]);
                counts[0]++;
                counts[1] += positive ? 1 : 0;
            }
        }
        Map<String, GroupRate> rates = new TreeMap<>();
        tally.forEach((label, counts) -> rates.put(label, new GroupRate(label, counts[0], counts[1])));
        return rates;
    }

    /**
     * group-strengths-disparity over one dimension: eligible labels (n at least the minimum group
     * size; n counts distinct families), the reference (highest rate, ties alphabetical), and the
     * labels below four fifths of it with a one-sided Fisher p under alpha.
     */
    List<Flag> groupStrengthsDisparity(String dimension) {
        List<GroupRate> eligible = new ArrayList<>();
        for (GroupRate rate : strengthsRates(dimension).values()) {
            if (rate.n() >= MIN_GROUP_SIZE) {
                eligible.add(rate);
            }
        }
        GroupRate reference = null;
        for (GroupRate rate : eligible) { // in label order: the first of equal rates stays
            if (reference == null || rate.rate() > reference.rate()) {
                reference = rate;
            }
        }
        List<Flag> flags = new ArrayList<>();
        if (reference == null || reference.successes() == 0) {
            return flags;
        }
        for (GroupRate rate : eligible) {
            if (rate == reference) {
                continue;
            }
            // rate(L) < 0.8 x rate(ref), exactly: sL * nRef < 0.8 * sRef * nL, in integers as 5 sL nRef < 4 sRef nL.
            boolean below = 5L * rate.successes() * reference.n() < 4L * reference.successes() * rate.n();
            if (!below) {
                continue;
            }
            double p = LOWER.test(new int[][] {
                {rate.successes(), rate.n() - rate.successes()},
                {reference.successes(), reference.n() - reference.successes()}}).getPValue();
            if (p < ALPHA) {
                flags.add(new Flag(dimension, rate, reference, rate.rate() / reference.rate(), p));
            }
        }
        return flags;
    }
}
