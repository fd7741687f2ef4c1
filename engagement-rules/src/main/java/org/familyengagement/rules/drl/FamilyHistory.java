package org.familyengagement.rules.drl;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.familyengagement.language.LanguageMatch;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Evidence;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Tone;
import org.familyengagement.report.Group;

/**
 * DRL vocabulary: one family with its contacts and commitments, as seen from an
 * {@link EvaluationContext}. The fact the rules match, one per family:
 *
 * <pre>{@code
 * $h : FamilyHistory( !languageMismatches.isEmpty() )          // the question a rule asks, by name
 * then
 *     findings.forFamily(kcontext, $h.familyId()).evidence($h.languageMismatches()).report();
 * }</pre>
 *
 * <p>Each method answers one question a rule asks, in the words of {@code docs/rules.md}; a custom
 * rule can ask the same ones. Holding a family's whole history in one fact, and answering
 * questions about it here, keeps the rule network small: a pack with every contact as its own
 * fact measured 19-29x slower than a plain pass over the data. A custom rule can still look at
 * single contacts with {@code Contact(...) from $h.windowContacts}: correct, but it costs a fact
 * handle per contact, so prefer these methods where one fits.
 *
 * <p>Contacts after {@code asOf} are not part of it: they are outside the evaluation. Lists are
 * in time order, ties by id. Its data never changes (a live session replaces the whole fact
 * when a family's records change); answers are computed once and kept, because a rule asks the
 * same question in its condition and its consequence. That memo is not synchronized: a fact
 * belongs to one session, and a session runs on one thread.
 */
public final class FamilyHistory {
    private static final Duration WEEK = Duration.ofDays(7);

    private final Family family;
    private final EvaluationContext context;
    private final List<Contact> contacts;
    private final List<Contact> windowContacts;
    private final List<Commitment> commitments;
    private final List<Meeting> meetings;
    private final Group[] labels;

    /** Answers computed once: rules ask the same question in a condition and its consequence. */
    private final List<?>[] memo = new List<?>[Memo.values().length];
    private Map<String, List<Contact>> repliesByInput;

    private enum Memo {
        DUE_INPUTS, TWO_WAY_CONCERNS, TWO_WAY_POSITIVES, LANGUAGE_MISMATCHES, CHANNEL_MISMATCHES,
        OUTSIDE_REACHABLE_HOURS, DELIVERED_BROADCASTS, FAILED_ATTEMPTS, DENSEST_BROADCAST_WEEK,
        CHILD_INTERPRETED, MEETINGS_WITHOUT_INTERPRETER, RESTRICTED_CONTACTS, IEP_INPUT_LATE, IEP_DRAFT_LATE,
        INFLEXIBLE_MEETINGS
    }

    /**
     * A family without meetings (a version 1 dataset).
     *
     * @param family      the family
     * @param contacts    its contacts in time order (ties by id); those after {@code asOf} are dropped
     * @param commitments its commitments
     * @param context     the evaluation it is seen from
     */
    public FamilyHistory(Family family, List<Contact> contacts, List<Commitment> commitments,
                         EvaluationContext context) {
        this(family, contacts, commitments, List.of(), context);
    }

    /**
     * @param family      the family
     * @param contacts    its contacts in time order (ties by id); those after {@code asOf} are dropped
     * @param commitments its commitments
     * @param meetings    its meetings by start time (ties by id), those after {@code asOf} included: an
     *                    upcoming IEP meeting is judged by what has been done for it so far
     * @param context     the evaluation it is seen from
     */
    public FamilyHistory(Family family, List<Contact> contacts, List<Commitment> commitments,
                         List<Meeting> meetings, EvaluationContext context) {
        this.family = Objects.requireNonNull(family, "family must not be null");
        this.context = Objects.requireNonNull(context, "context must not be null");
        this.commitments = List.copyOf(commitments);
        this.meetings = List.copyOf(meetings);
        int end = firstAfter(contacts, context.asOf());
        List<Contact> seen = end == contacts.size() ? contacts : contacts.subList(0, end);
        this.contacts = List.copyOf(seen);
        this.windowContacts = this.contacts.subList(firstAfter(this.contacts, context.windowStart()),
                this.contacts.size());
        // A rule tallying by label (hasLabel) asks every family about every label: answer from a small array.
        this.labels = new Group[family.groups().size()];
        int i = 0;
        for (Map.Entry<String, String> group : family.groups().entrySet()) {
            labels[i++] = new Group(group.getKey(), group.getValue());
        }
    }

    public Family family() {
        return family;
    }

    public String familyId() {
        return family.id();
    }

    public EvaluationContext context() {
        return context;
    }

    /** Every contact up to {@code asOf}. */
    public List<Contact> contacts() {
        return contacts;
    }

    /** The contacts in the window {@code (asOf - lookback, asOf]}. */
    public List<Contact> windowContacts() {
        return windowContacts;
    }

    /** Every commitment made to the family, by due time. */
    public List<Commitment> commitments() {
        return commitments;
    }

    /** Every meeting with the family, upcoming ones included, by start time. */
    public List<Meeting> meetings() {
        return meetings;
    }

    /** True when the family has at least one student. */
    public boolean hasStudents() {
        return !family.students().isEmpty();
    }

    /** The family's label in a group dimension, or {@code null}. */
    public String group(String dimension) {
        return family.group(dimension);
    }

    /** True when the family carries this label ({@code homeLanguage = so}). */
    public boolean hasLabel(Group label) {
        for (Group own : labels) {
            if (own.equals(label)) {
                return true;
            }
        }
        return false;
    }

    /** The district-local date of an instant, for messages. */
    public LocalDate localDate(Instant instant) {
        return context.localDate(instant);
    }

    // ---- responsiveness -------------------------------------------------------------------

    /** The reply deadline of an inbound contact: see {@code SchoolCalendar#deadline}. */
    public Instant deadline(Contact input) {
        return context.calendar().deadline(input.at(), context.policy().responseSchoolDays());
    }

    /**
     * Inputs whose reply is due: inbound contacts in the window that await a reply and whose
     * deadline is at or before {@code asOf}.
     */
    public List<Contact> dueInputs() {
        return memo(Memo.DUE_INPUTS, this::computeDueInputs);
    }

    private List<Contact> computeDueInputs() {
        List<Contact> due = new ArrayList<>();
        for (Contact contact : windowContacts) {
            if (contact.awaitsReply() && !deadline(contact).isAfter(context.asOf())) {
                due.add(contact);
            }
        }
        return due;
    }

    /**
     * The first reply to an input up to {@code asOf}, or {@code null}. A reply is a delivered
     * outbound contact whose {@code replyTo} names the input; or, when no contact names the input
     * in {@code replyTo}, a delivered outbound personal contact at or after it. Either must also be
     * {@linkplain #isUnderstood understood} unless the policy sets {@code replies.mustBeUnderstood: false}.
     */
    public Contact firstReply(Contact input) {
        boolean mustBeUnderstood = context.policy().replies().mustBeUnderstood();
        List<Contact> naming = repliesByInput().get(input.id());
        if (naming != null) {
            for (Contact contact : naming) {
                if (contact.isDeliveredOutbound() && (!mustBeUnderstood || isUnderstood(contact))) {
                    return contact;
                }
            }
            return null;
        }
        for (Contact contact : contacts) {
            if (!contact.at().isBefore(input.at()) && contact.isDeliveredOutbound() && contact.isPersonal()
                    && (!mustBeUnderstood || isUnderstood(contact))) {
                return contact;
            }
        }
        return null;
    }

    /** True when the input has a reply at or before {@code asOf}. */
    public boolean isAnswered(Contact input) {
        return firstReply(input) != null;
    }

    /** True when the input's first reply came before its deadline. */
    public boolean isAnsweredOnTime(Contact input) {
        Contact reply = firstReply(input);
        return reply != null && reply.at().isBefore(deadline(input));
    }

    /** School days the family has waited since an input, up to {@code asOf}. */
    public int schoolDaysWaiting(Contact input) {
        return context.calendar().schoolDaysElapsed(input.at(), context.asOf());
    }

    /** Commitments due in the window. */
    public List<Commitment> commitmentsDueInWindow() {
        List<Commitment> due = new ArrayList<>();
        for (Commitment commitment : commitments) {
            if (context.inWindow(commitment.dueBy())) {
                due.add(commitment);
            }
        }
        return due;
    }

    /**
     * True when a commitment was kept by its due time: its {@code fulfilledBy} names a delivered
     * outbound contact at or before {@code dueBy}; or, without {@code fulfilledBy}, a delivered
     * outbound personal contact by the same staff member (any staff when none is named) was made
     * between {@code madeAt} and {@code dueBy}, both included.
     */
    public boolean isKept(Commitment commitment) {
        Contact fulfilling = fulfillingContact(commitment);
        return fulfilling != null && !fulfilling.at().isAfter(commitment.dueBy());
    }

    /** The contact that kept a commitment after its due time (up to {@code asOf}), or {@code null}. */
    public Contact lateFulfilment(Commitment commitment) {
        Contact fulfilling = fulfillingContact(commitment);
        return fulfilling != null && fulfilling.at().isAfter(commitment.dueBy()) ? fulfilling : null;
    }

    private Contact fulfillingContact(Commitment commitment) {
        if (commitment.fulfilledBy() != null) {
            for (Contact contact : contacts) {
                if (contact.id().equals(commitment.fulfilledBy())) {
                    return contact.isDeliveredOutbound() ? contact : null;
                }
            }
            return null;
        }
        for (Contact contact : contacts) {
            if (contact.isDeliveredOutbound() && contact.isPersonal()
                    && !contact.at().isBefore(commitment.madeAt())
                    && (commitment.staffId() == null || commitment.staffId().equals(contact.staffId()))) {
                return contact;
            }
        }
        return null;
    }

    // ---- strengths ------------------------------------------------------------------------

    /** Delivered outbound two-way contacts in the window with tone {@code CONCERN}. */
    public List<Contact> twoWayConcerns() {
        return memo(Memo.TWO_WAY_CONCERNS, this::computeTwoWayConcerns);
    }

    private List<Contact> computeTwoWayConcerns() {
        return twoWayWithTone(Tone.CONCERN);
    }

    /** Delivered outbound two-way contacts in the window with tone {@code POSITIVE}. */
    public List<Contact> twoWayPositives() {
        return memo(Memo.TWO_WAY_POSITIVES, this::computeTwoWayPositives);
    }

    private List<Contact> computeTwoWayPositives() {
        return twoWayWithTone(Tone.POSITIVE);
    }

    private List<Contact> twoWayWithTone(Tone tone) {
        List<Contact> found = new ArrayList<>();
        for (Contact contact : windowContacts) {
            if (contact.isDeliveredOutbound() && contact.isTwoWay() && contact.tone() == tone) {
                found.add(contact);
            }
        }
        return found;
    }

    // ---- access ---------------------------------------------------------------------------

    /** The family's preferred languages; empty when none are recorded. */
    public List<String> preferredLanguages() {
        Preference preference = family.preference();
        return preference == null ? List.of() : preference.languages();
    }

    /**
     * The preference that holds for a contact or meeting with a caregiver: that caregiver's own when
     * it has one, else the family's; {@code null} when neither is recorded.
     */
    public Preference effectivePreference(String caregiverId) {
        return family.preferenceFor(caregiverId);
    }

    /**
     * True when the family understands a contact (RULES.md v2): its effective preference lists no
     * languages, or the contact's language matches one of them, or it was interpreted in a way
     * that makes it understood ({@code QUALIFIED}, {@code BILINGUAL_STAFF}, {@code MACHINE},
     * {@code FAMILY_ADULT}; never {@code STUDENT}).
     */
    public boolean isUnderstood(Contact contact) {
        if (contact.interpretation().makesUnderstood()) {
            return true;
        }
        Preference preference = effectivePreference(contact.caregiverId());
        if (preference == null || preference.languages().isEmpty()) {
            return true;
        }
        String language = contact.language() != null ? contact.language() : context.district().defaultLanguage();
        return LanguageMatch.instance().matchesAny(preference.languages(), language);
    }

    /**
     * Delivered outbound contacts in the window (broadcasts included) that the family does not
     * {@linkplain #isUnderstood understand}. Empty when no preference names a language.
     */
    public List<Contact> languageMismatches() {
        return memo(Memo.LANGUAGE_MISMATCHES, this::computeLanguageMismatches);
    }

    private List<Contact> computeLanguageMismatches() {
        List<Contact> found = new ArrayList<>();
        for (Contact contact : windowContacts) {
            if (contact.isDeliveredOutbound() && !isUnderstood(contact)) {
                found.add(contact);
            }
        }
        return found;
    }

    /**
     * Outbound contacts in the window, delivered or not, on a channel the family opted out of;
     * and, when the family lists channels, outbound personal contacts on a messaging channel
     * not in that list.
     */
    public List<Contact> channelMismatches() {
        return memo(Memo.CHANNEL_MISMATCHES, this::computeChannelMismatches);
    }

    private List<Contact> computeChannelMismatches() {
        Preference preference = family.preference();
        List<Contact> found = new ArrayList<>();
        if (preference == null) {
            return found;
        }
        List<Channel> chosen = preference.channels();
        for (Contact contact : windowContacts) {
            if (!contact.isOutbound()) {
                continue;
            }
            boolean refused = preference.optOut().contains(contact.channel());
            boolean unchosen = !chosen.isEmpty() && contact.isPersonal() && contact.channel().isMessaging()
                    && !chosen.contains(contact.channel());
            if (refused || unchosen) {
                found.add(contact);
            }
        }
        return found;
    }

    /**
     * Outbound non-broadcast contacts in the window, delivered or not, on a synchronous channel
     * at a district-local time outside every reachable window the family lists. Empty when it
     * lists none.
     */
    public List<Contact> outsideReachableHours() {
        return memo(Memo.OUTSIDE_REACHABLE_HOURS, this::computeOutsideReachableHours);
    }

    private List<Contact> computeOutsideReachableHours() {
        Preference preference = family.preference();
        List<Contact> found = new ArrayList<>();
        if (preference == null || preference.reachable().isEmpty()) {
            return found;
        }
        for (Contact contact : windowContacts) {
            if (contact.isOutbound() && !contact.isBroadcast() && contact.channel().isSynchronous()
                    && !reachableAt(preference.reachable(), contact.at())) {
                found.add(contact);
            }
        }
        return found;
    }

    private boolean reachableAt(List<ReachableWindow> windows, Instant at) {
        ZonedDateTime local = at.atZone(context.calendar().zone());
        DayOfWeek day = local.getDayOfWeek();
        for (ReachableWindow window : windows) {
            if (window.holds(day, local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }

    // ---- reach ----------------------------------------------------------------------------

    /** Delivered broadcasts in the window. */
    public List<Contact> deliveredBroadcasts() {
        return memo(Memo.DELIVERED_BROADCASTS, this::computeDeliveredBroadcasts);
    }

    private List<Contact> computeDeliveredBroadcasts() {
        List<Contact> found = new ArrayList<>();
        for (Contact contact : windowContacts) {
            if (contact.isDeliveredOutbound() && contact.isBroadcast()) {
                found.add(contact);
            }
        }
        return found;
    }

    /** True when the window holds a delivered outbound two-way contact or an inbound two-way one. */
    public boolean hasTwoWayContact() {
        for (Contact contact : windowContacts) {
            if (contact.isTwoWay() && (contact.isInbound() || contact.delivered())) {
                return true;
            }
        }
        return false;
    }

    /** True when the window holds a delivered outbound contact or an inbound contact. */
    public boolean wasInContact() {
        for (Contact contact : windowContacts) {
            if (contact.isInbound() || contact.delivered()) {
                return true;
            }
        }
        return false;
    }

    /** Outbound contacts in the window that did not reach the family. */
    public List<Contact> failedAttempts() {
        return memo(Memo.FAILED_ATTEMPTS, this::computeFailedAttempts);
    }

    private List<Contact> computeFailedAttempts() {
        List<Contact> found = new ArrayList<>();
        for (Contact contact : windowContacts) {
            if (contact.isOutbound() && !contact.delivered()) {
                found.add(contact);
            }
        }
        return found;
    }

    /**
     * The delivered broadcasts of the densest 7-day span {@code [t, t + 7 days)} that starts at one
     * of the window's delivered broadcasts; the earliest such span on a tie. Empty without broadcasts.
     */
    public List<Contact> densestBroadcastWeek() {
        return memo(Memo.DENSEST_BROADCAST_WEEK, this::computeDensestBroadcastWeek);
    }

    private List<Contact> computeDensestBroadcastWeek() {
        List<Contact> broadcasts = deliveredBroadcasts();
        int bestStart = 0;
        int bestCount = 0;
        int end = 0;
        for (int start = 0; start < broadcasts.size(); start++) {
            Instant limit = broadcasts.get(start).at().plus(WEEK);
            end = Math.max(end, start);
            while (end < broadcasts.size() && broadcasts.get(end).at().isBefore(limit)) {
                end++;
            }
            if (end - start > bestCount) {
                bestCount = end - start;
                bestStart = start;
            }
        }
        return List.copyOf(broadcasts.subList(bestStart, bestStart + bestCount));
    }

    // ---- equity ---------------------------------------------------------------------------

    /** True when a delivered outbound two-way contact reached the family in the window. */
    public boolean isReachedTwoWay() {
        for (Contact contact : windowContacts) {
            if (contact.isDeliveredOutbound() && contact.isTwoWay()) {
                return true;
            }
        }
        return false;
    }

    /** How many of {@link #dueInputs()} were answered on time: what {@code group-response-disparity} counts. */
    public int answeredOnTimeCount() {
        int count = 0;
        for (Contact input : dueInputs()) {
            if (isAnsweredOnTime(input)) {
                count++;
            }
        }
        return count;
    }

    /**
     * True when a delivered outbound two-way contact in the window had tone {@code POSITIVE}: what
     * {@code group-strengths-disparity} counts among the families {@linkplain #isReachedTwoWay reached}.
     */
    public boolean isReachedPositively() {
        return !twoWayPositives().isEmpty();
    }

    // ---- meetings, interpreters, caregivers (v2) ------------------------------------------

    /** A meeting in the window: {@code at} in the window and status {@code HELD} (recorded, or the default once past). */
    public boolean isMeetingInWindow(Meeting meeting) {
        return context.inWindow(meeting.at()) && meeting.statusAsOf(context.asOf()) == MeetingStatus.HELD;
    }

    /**
     * Contacts (either direction) in the window and meetings in the window that a student
     * interpreted: {@code child-interpreter}. Contacts first, then meetings, each in time order.
     */
    public List<Evidence> childInterpreted() {
        return memo(Memo.CHILD_INTERPRETED, this::computeChildInterpreted);
    }

    private List<Evidence> computeChildInterpreted() {
        List<Evidence> found = new ArrayList<>();
        for (Contact contact : windowContacts) {
            if (contact.interpretation() == Interpretation.STUDENT) {
                found.add(contact);
            }
        }
        for (Meeting meeting : meetings) {
            if (meeting.interpretation() == Interpretation.STUDENT && isMeetingInWindow(meeting)) {
                found.add(meeting);
            }
        }
        return found;
    }

    /**
     * Meetings in the window whose effective preference asks for an interpreter and that had no
     * qualified interpreter or bilingual staff: {@code meeting-without-interpreter}.
     */
    public List<Meeting> meetingsWithoutInterpreter() {
        return memo(Memo.MEETINGS_WITHOUT_INTERPRETER, this::computeMeetingsWithoutInterpreter);
    }

    private List<Meeting> computeMeetingsWithoutInterpreter() {
        List<Meeting> found = new ArrayList<>();
        for (Meeting meeting : meetings) {
            Preference preference = effectivePreference(meeting.caregiverId());
            if (preference != null && preference.interpreter() && isMeetingInWindow(meeting)
                    && !meeting.interpretation().isProfessional()) {
                found.add(meeting);
            }
        }
        return found;
    }

    /**
     * Outbound contacts in the window (delivered or not) and meetings with {@code at} in the window
     * (any status) that name a caregiver under a {@code NO_CONTACT} restriction: {@code restricted-contact}.
     */
    public List<Evidence> restrictedContacts() {
        return memo(Memo.RESTRICTED_CONTACTS, this::computeRestrictedContacts);
    }

    private List<Evidence> computeRestrictedContacts() {
        List<Evidence> found = new ArrayList<>();
        if (!hasRestrictedCaregiver()) {
            return found;
        }
        for (Contact contact : windowContacts) {
            if (contact.isOutbound() && isRestricted(contact.caregiverId())) {
                found.add(contact);
            }
        }
        for (Meeting meeting : meetings) {
            if (context.inWindow(meeting.at()) && isRestricted(meeting.caregiverId())) {
                found.add(meeting);
            }
        }
        return found;
    }

    private boolean hasRestrictedCaregiver() {
        for (Caregiver caregiver : family.caregivers()) {
            if (caregiver.isNoContact()) {
                return true;
            }
        }
        return false;
    }

    private boolean isRestricted(String caregiverId) {
        if (caregiverId == null) {
            return false;
        }
        Caregiver caregiver = family.caregiver(caregiverId);
        return caregiver != null && caregiver.isNoContact();
    }

    // ---- partnership (v2) -----------------------------------------------------------------

    /**
     * The IEP meetings a lead judges: not {@code CANCELLED}, {@code at} after the window's start
     * (recent or upcoming), and {@code at - lead <= asOf} (the input or draft is due by now).
     */
    public List<Meeting> iepMeetingsDue(Duration lead) {
        List<Meeting> due = new ArrayList<>();
        for (Meeting meeting : meetings) {
            if (meeting.kind() == MeetingKind.IEP && meeting.statusAsOf(context.asOf()) != MeetingStatus.CANCELLED
                    && meeting.at().isAfter(context.windowStart())
                    && !meeting.at().minus(lead).isAfter(context.asOf())) {
                due.add(meeting);
            }
        }
        return due;
    }

    /** IEP meetings due for input ({@code iep.inputLead}) whose input is absent or came later: {@code iep-input-late}. */
    public List<Meeting> iepInputLate() {
        return memo(Memo.IEP_INPUT_LATE, () -> iepLate(context.policy().iep().inputLead(), true));
    }

    /** IEP meetings due for a draft ({@code iep.draftLead}) whose draft is absent or was shared later: {@code iep-draft-late}. */
    public List<Meeting> iepDraftLate() {
        return memo(Memo.IEP_DRAFT_LATE, () -> iepLate(context.policy().iep().draftLead(), false));
    }

    private List<Meeting> iepLate(Duration lead, boolean input) {
        List<Meeting> late = new ArrayList<>();
        for (Meeting meeting : iepMeetingsDue(lead)) {
            Instant done = input ? meeting.inputReceivedAt() : meeting.draftSharedAt();
            if (done == null || done.isAfter(meeting.at().minus(lead))) {
                late.add(meeting);
            }
        }
        return late;
    }

    /** The day an IEP meeting's input or draft was due: the local date of {@code at - lead}, for messages. */
    public LocalDate dueDate(Meeting meeting, Duration lead) {
        return localDate(meeting.at().minus(lead));
    }

    /**
     * True when the family has a student and no conference (kind {@code CONFERENCE}, not
     * {@code CANCELLED}) on or before the context's {@linkplain EvaluationContext#earlyConferenceDeadline
     * early-conference deadline}: {@code early-conference-missing}. False when there is no deadline.
     */
    public boolean missesEarlyConference() {
        LocalDate deadline = context.earlyConferenceDeadline();
        if (deadline == null || !hasStudents()) {
            return false;
        }
        for (Meeting meeting : meetings) {
            if (meeting.kind() == MeetingKind.CONFERENCE && meeting.statusAsOf(context.asOf()) != MeetingStatus.CANCELLED
                    && !localDate(meeting.at()).isAfter(deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Meetings in the window with offered times recorded, whose effective preference lists
     * reachable windows, where neither the meeting's time nor any offered time falls inside one:
     * {@code inflexible-meeting-times}.
     */
    public List<Meeting> inflexibleMeetings() {
        return memo(Memo.INFLEXIBLE_MEETINGS, this::computeInflexibleMeetings);
    }

    private List<Meeting> computeInflexibleMeetings() {
        List<Meeting> found = new ArrayList<>();
        for (Meeting meeting : meetings) {
            if (meeting.offeredTimes().isEmpty() || !isMeetingInWindow(meeting)) {
                continue;
            }
            Preference preference = effectivePreference(meeting.caregiverId());
            if (preference == null || preference.reachable().isEmpty()) {
                continue;
            }
            boolean fits = reachableAt(preference.reachable(), meeting.at());
            for (Instant offered : meeting.offeredTimes()) {
                fits = fits || reachableAt(preference.reachable(), offered);
            }
            if (!fits) {
                found.add(meeting);
            }
        }
        return found;
    }

    // ---- progress contact (v2) ------------------------------------------------------------

    /** True for a delivered outbound personal contact in {@code (asOf - progressContact.period, asOf]}. */
    private boolean isInProgressPeriod(Contact contact) {
        return contact.isDeliveredOutbound() && contact.isPersonal()
                && contact.at().isAfter(context.progressPeriodStart());
    }

    /**
     * True when a delivered outbound personal contact with topic {@code PROGRESS} or {@code LEARNING}
     * reached the family in {@code (asOf - progressContact.period, asOf]}.
     */
    public boolean hasProgressContact() {
        for (int i = contacts.size() - 1; i >= 0; i--) {
            Contact contact = contacts.get(i);
            if (!contact.at().isAfter(context.progressPeriodStart())) {
                break;
            }
            if (isInProgressPeriod(contact) && contact.topic() != null && contact.topic().isAboutProgress()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code {personal, withTopic}}: the family's delivered outbound personal contacts in the
     * progress period, and how many record a topic; what the district's topic coverage counts.
     */
    public int[] progressPeriodTopicCounts() {
        int personal = 0;
        int withTopic = 0;
        for (int i = contacts.size() - 1; i >= 0; i--) {
            Contact contact = contacts.get(i);
            if (!contact.at().isAfter(context.progressPeriodStart())) {
                break;
            }
            if (isInProgressPeriod(contact)) {
                personal++;
                withTopic += contact.topic() != null ? 1 : 0;
            }
        }
        return new int[] {personal, withTopic};
    }

    private Map<String, List<Contact>> repliesByInput() {
        if (repliesByInput == null) {
            Map<String, List<Contact>> byInput = new HashMap<>();
            for (Contact contact : contacts) {
                if (contact.replyTo() != null) {
                    byInput.computeIfAbsent(contact.replyTo(), k -> new ArrayList<>(1)).add(contact);
                }
            }
            repliesByInput = byInput;
        }
        return repliesByInput;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> memo(Memo key, Supplier<List<T>> compute) {
        List<T> value = (List<T>) memo[key.ordinal()];
        if (value == null) {
            List<T> computed = compute.get();
            // Most families have no such items: share one empty list rather than wrap one per family.
            value = computed.isEmpty() ? List.of() : Collections.unmodifiableList(computed);
            memo[key.ordinal()] = value;
        }
        return value;
    }

    /** Index of the first contact strictly after {@code instant} in a time-ordered list. */
    private static int firstAfter(List<Contact> contacts, Instant instant) {
        int high = contacts.size();
        if (high == 0 || !contacts.get(high - 1).at().isAfter(instant)) {
            return high;   // the usual case for asOf: nothing after it, known from the last contact alone
        }
        int low = 0;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (contacts.get(mid).at().isAfter(instant)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "FamilyHistory[" + family.id() + ", " + contacts.size() + " contacts as of " + context.asOf() + "]";
    }
}
