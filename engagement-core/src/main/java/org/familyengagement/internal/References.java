package org.familyengagement.internal;

import static org.familyengagement.errors.Problem.quote;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Preference;
import org.familyengagement.model.School;
import org.familyengagement.model.Student;

/**
 * The dataset's reference and value checks, in one place: a whole {@code Dataset} runs them over
 * its lists, and a live session over each change, so both give the same problems in the same
 * words. Each check adds its problems with pointers under {@code at}, the JSON pointer of the
 * element checked ({@code /contacts/3}, or {@code ""} for a single element on its own).
 *
 * <p>Also the one definition of what an id may hold ({@link #idProblem}), used by the reader and
 * by the model's constructors alike, and of which characters are unsafe to print
 * ({@link #isUnsafe}).
 *
 * <p>Internal: exported only to the project's own modules.
 */
public final class References {
    /** The longest id, group dimension or group label, in characters (code points). */
    public static final int MAX_ID_LENGTH = 256;

    private static final String AFTER_THIS_REPLY = ", after this reply (";
    private static final String BEFORE_THIS_COMMITMENT = ", before this commitment was made (";

    /** What the checks look ids up in. */
    public interface Index {
        District district();

        /** The family with this id, or {@code null}. */
        Family family(String id);

        boolean hasStaff(String id);

        /** The contact with this id, or {@code null} when there is none (or it could not be read). */
        Contact contact(String id);
    }

    private References() {
    }

    // ---------------------------------------------------------------- ids

    /**
     * Why {@code value} cannot be an id (or a group dimension or label), as the end of a sentence
     * that starts with what it is: "must not be blank", "must not contain U+202E (a bidirectional
     * control)"; {@code null} when it can. An id is 1 to {@value #MAX_ID_LENGTH} characters, not
     * all of them white space or blank-looking (U+00A0, U+3000, U+3164, ...), none of them a
     * control, format (bidirectional controls, zero-width characters), line or paragraph
     * separator, unpaired surrogate or noncharacter, and neither its first nor its last white
     * space. Spaces inside are allowed.
     */
    public static String idProblem(String value) {
        int length = value.length();
        if (length == 0) {
            return "must not be blank";
        }
        // Nearly every id is printable ASCII: decided in one pass, without code points.
        if (length <= MAX_ID_LENGTH && value.charAt(0) != ' ' && value.charAt(length - 1) != ' ') {
            boolean ascii = true;
            for (int i = 0; i < length; i++) {
                char ch = value.charAt(i);
                if (ch < ' ' || ch >= 0x7F) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return null;
            }
        }
        int characters = value.codePointCount(0, length);
        if (characters > MAX_ID_LENGTH) {
            return "must be at most " + MAX_ID_LENGTH + " characters, not " + characters;
        }
        if (value.codePoints().allMatch(References::isBlankLike)) {
            return "must not be blank";
        }
        for (int i = 0; i < length; ) {
            int codePoint = value.codePointAt(i);
            String kind = unsafeKind(codePoint);
            if (kind != null) {
                return "must not contain " + codePointName(codePoint) + " (" + kind + ")";
            }
            i += Character.charCount(codePoint);
        }
        if (isBlankLike(value.codePointAt(0)) || isBlankLike(value.codePointBefore(length))) {
            return "must not start or end with white space";
        }
        return null;
    }

    /** White space, a no-break or other space, or a letter that prints as nothing (a Hangul filler, a blank Braille cell). */
    private static boolean isBlankLike(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800;
    }

    /** What makes a code point unfit for an id, or {@code null}. */
    private static String unsafeKind(int codePoint) {
        if (isBidiControl(codePoint)) {
            return "a bidirectional control";
        }
        switch (Character.getType(codePoint)) {
            case Character.CONTROL -> {
                return "a control character";
            }
            case Character.FORMAT -> {
                return "an invisible format character";
            }
            case Character.SURROGATE -> {
                return "half of a surrogate pair";
            }
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                return "a line separator";
            }
            default -> {
                return isNoncharacter(codePoint) ? "a noncharacter" : null;
            }
        }
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF);
    }

    /** {@code U+001B}: how messages name a character without printing it. */
    public static String codePointName(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    // ---------------------------------------------------------------- printing input safely

    /**
     * True for a code point that does not print as itself or changes how what follows prints:
     * a control, a format character (bidirectional controls among them), a line or paragraph
     * separator, a lone surrogate.
     */
    public static boolean isUnsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** Appends {@code text[from, to)}, with every {@link #isUnsafe} character (or lone surrogate) as '?'. */
    public static void appendPrintable(StringBuilder out, CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                char low = text.charAt(i + 1);
                if (isUnsafe(Character.toCodePoint(ch, low))) {
                    out.append('?');
                } else {
                    out.append(ch).append(low);
                }
                i++;
            } else {
                out.append(Character.isSurrogate(ch) || isUnsafe(ch) ? '?' : ch);
            }
        }
    }

    /** {@code text} with every {@link #isUnsafe} character as '?'. */
    public static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < ' ' || ch >= 0x7F) {
                StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
                appendPrintable(out, text, i, text.length());
                return out.toString();
            }
        }
        return text;
    }

    // ---------------------------------------------------------------- collecting problems

    /**
     * A list of problems that keeps the first {@code capacity} and only counts the rest, so a
     * flood of bad input costs bounded memory. Adding never fails.
     */
    public static final class CappedProblems extends AbstractList<Problem> {
        private final List<Problem> kept = new ArrayList<>();
        private final int capacity;
        private long notListed;

        /** A list that keeps {@link InvalidInputException#MAX_PROBLEMS}. */
        public CappedProblems() {
            this(InvalidInputException.MAX_PROBLEMS);
        }

        public CappedProblems(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean add(Problem problem) {
            long count = problem.notListedCount();
            if (count > 0) {
                // Another capped list's tally: its problems were found, just not kept.
                notListed += count;
            } else if (kept.size() < capacity) {
                kept.add(problem);
            } else {
                notListed++;
            }
            return true;
        }

        @Override
        public Problem get(int index) {
            return kept.get(index);
        }

        @Override
        public int size() {
            return kept.size();
        }

        @Override
        public void sort(Comparator<? super Problem> order) {
            kept.sort(order);
        }

        /** True once {@code capacity} problems are kept: the rest are only counted. */
        public boolean isFull() {
            return kept.size() >= capacity;
        }

        /** Counts one problem without keeping it, once full: for a reader that need not even build it. */
        public void countOne() {
            if (kept.size() < capacity) {
                throw new IllegalStateException("a problem is only counted once " + capacity + " are kept");
            }
            notListed++;
        }

        /** How many problems were counted but not kept. */
        public long notListed() {
            return notListed;
        }

        /** The kept problems in {@code order}, then {@link Problem#notListed} when some were only counted. */
        public List<Problem> toList(Comparator<? super Problem> order) {
            List<Problem> list = new ArrayList<>(kept.size() + 1);
            list.addAll(kept);
            list.sort(order);
            if (notListed > 0) {
                list.add(Problem.notListed(notListed));
            }
            return list;
        }
    }

    // ---------------------------------------------------------------- the checks

    /** The district's own values: its schools' ids are unique. */
    public static void checkDistrict(District district, List<Problem> problems) {
        checkUnique(district.schools(), School::id, "/district/schools", "duplicate school id ", "", problems);
    }

    /**
     * A family's own values: its students' and caregivers' ids are unique within it, language
     * tags of its and its caregivers' preferences, its students' schools.
     */
    public static void checkFamily(Family family, String at, District district, List<Problem> problems) {
        checkPreference(family.preference(), at + "/preference", problems);
        checkUnique(family.students(), Student::id, at + "/students", "duplicate student id ", " in this family",
                problems);
        for (int i = 0; i < family.students().size(); i++) {
            Student student = family.students().get(i);
            if (student.schoolId() != null && district.isUnknownSchool(student.schoolId())) {
                problems.add(new Problem(at + "/students/" + i + "/schoolId", noSchool(student.schoolId())));
            }
        }
        checkUnique(family.caregivers(), Caregiver::id, at + "/caregivers", "duplicate caregiver id ",
                " in this family", problems);
        for (int i = 0; i < family.caregivers().size(); i++) {
            checkPreference(family.caregivers().get(i).preference(), at + "/caregivers/" + i + "/preference",
                    problems);
        }
    }

    /**
     * The problem of an id met again in a list: {@code duplicate student id "s-1" in this family
     * (first at /families/0/students/0)}, at the repeated element's {@code id}.
     *
     * @param list  the pointer of the list
     * @param what  the start of the sentence: {@code "duplicate student id "}
     * @param where what follows the id: {@code " in this family"}, or {@code ""}
     */
    public static Problem duplicate(String list, int index, int first, String what, String id, String where) {
        return new Problem(list + "/" + index + "/id", what + quote(id) + where + " (first at " + list + "/" + first + ")");
    }

    private static <T> void checkUnique(List<T> items, Function<T, String> id, String list, String what, String where,
                                        List<Problem> problems) {
        if (items.size() < 2) {
            return;
        }
        if (items.size() <= 16) {
            // A family's few students: no map for them.
            for (int i = 1; i < items.size(); i++) {
                String value = id.apply(items.get(i));
                for (int first = 0; first < i; first++) {
                    if (id.apply(items.get(first)).equals(value)) {
                        problems.add(duplicate(list, i, first, what, value, where));
                        break;
                    }
                }
            }
            return;
        }
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = firstAt.putIfAbsent(id.apply(items.get(i)), i);
            if (first != null) {
                problems.add(duplicate(list, i, first, what, id.apply(items.get(i)), where));
            }
        }
    }

    /** Language tags of a list, each checked; {@code pointer} names the list. */
    public static void checkTags(List<String> tags, String pointer, List<Problem> problems) {
        for (int i = 0; i < tags.size(); i++) {
            if (!LanguageTags.isWellFormed(tags.get(i))) {
                problems.add(new Problem(pointer + "/" + i, notATag(tags.get(i))));
            }
        }
    }

    private static void checkPreference(Preference preference, String at, List<Problem> problems) {
        if (preference != null) {
            checkTags(preference.languages(), at + "/languages", problems);
        }
    }

    /**
     * A contact's references: family, student, staff, caregiver, school, language, and the
     * contact it replies to (an INBOUND one of the same family, not dated after the reply).
     */
    public static void checkContact(Contact contact, String at, Index index, List<Problem> problems) {
        checkContactReferences(contact, at, index, problems);
        checkReply(contact, at, index, problems);
    }

    /**
     * A contact's own references, all but its reply: family, student, caregiver (the family's),
     * staff, school, language. The dataset reader makes the same checks as it reads, from its
     * buffer; a change here must be made there too ({@code DatasetParser.Directory}).
     */
    public static void checkContactReferences(Contact contact, String at, Index index, List<Problem> problems) {
        // Pointers are built only when a problem is found: this runs once per contact.
        Family family = index.family(contact.familyId());
        if (family == null) {
            problems.add(new Problem(at + "/familyId", "no family " + quote(contact.familyId())));
        } else {
            if (contact.studentId() != null && !family.hasStudent(contact.studentId())) {
                problems.add(new Problem(at + "/studentId", noStudent(family, contact.studentId())));
            }
            if (contact.caregiverId() != null && family.caregiver(contact.caregiverId()) == null) {
                problems.add(new Problem(at + "/caregiverId", noCaregiver(family, contact.caregiverId())));
            }
        }
        if (contact.staffId() != null && !index.hasStaff(contact.staffId())) {
            problems.add(new Problem(at + "/staffId", "no staff " + quote(contact.staffId())));
        }
        if (contact.schoolId() != null && index.district().isUnknownSchool(contact.schoolId())) {
            problems.add(new Problem(at + "/schoolId", noSchool(contact.schoolId())));
        }
        if (contact.language() != null && !LanguageTags.isWellFormed(contact.language())) {
            problems.add(new Problem(at + "/language", notATag(contact.language())));
        }
    }

    /** The contact a contact replies to, if any: an INBOUND one of the same family, not dated after the reply. */
    public static void checkReply(Contact contact, String at, Index index, List<Problem> problems) {
        if (contact.replyTo() != null) {
            Contact target = index.contact(contact.replyTo());
            if (contact.isInbound()) {
                problems.add(new Problem(at + "/replyTo", "this contact is INBOUND; only an OUTBOUND contact"
                        + " replies to another"));
            } else if (target == null) {
                problems.add(new Problem(at + "/replyTo", "no contact " + quote(contact.replyTo())));
            } else if (target.isOutbound()) {
                problems.add(new Problem(at + "/replyTo", "contact " + quote(contact.replyTo())
                        + " is OUTBOUND; replyTo must name an INBOUND contact"));
            } else if (!target.familyId().equals(contact.familyId())) {
                problems.add(new Problem(at + "/replyTo", "contact " + quote(contact.replyTo())
                        + " is with family " + quote(target.familyId()) + "; a reply must be to the same family"));
            } else if (contact.at().isBefore(target.at())) {
                problems.add(new Problem(at + "/replyTo", "contact " + quote(contact.replyTo()) + " is dated "
                        + target.at() + AFTER_THIS_REPLY + contact.at() + "); a reply cannot come before the contact"
                        + " it answers"));
            }
        }
    }

    /** A commitment's references: family, staff, and the contact that kept it (same family, not dated before it was made). */
    public static void checkCommitment(Commitment commitment, String at, Index index, List<Problem> problems) {
        if (index.family(commitment.familyId()) == null) {
            problems.add(new Problem(at + "/familyId", "no family " + quote(commitment.familyId())));
        }
        if (commitment.staffId() != null && !index.hasStaff(commitment.staffId())) {
            problems.add(new Problem(at + "/staffId", "no staff " + quote(commitment.staffId())));
        }
        if (commitment.fulfilledBy() != null) {
            Contact fulfilling = index.contact(commitment.fulfilledBy());
            if (fulfilling == null) {
                problems.add(new Problem(at + "/fulfilledBy", "no contact " + quote(commitment.fulfilledBy())));
            } else if (!fulfilling.familyId().equals(commitment.familyId())) {
                problems.add(new Problem(at + "/fulfilledBy", "contact " + quote(commitment.fulfilledBy())
                        + " is with family " + quote(fulfilling.familyId())
                        + "; a commitment is kept by a contact with its own family"));
            } else if (fulfilling.at().isBefore(commitment.madeAt())) {
                problems.add(new Problem(at + "/fulfilledBy", "contact " + quote(commitment.fulfilledBy())
                        + " is dated " + fulfilling.at() + BEFORE_THIS_COMMITMENT + commitment.madeAt()
                        + "); a commitment is kept by a contact made after it"));
            }
        }
    }

    /**
     * What a corrected contact must keep for the elements that name it: the replies to it (it
     * stays an INBOUND contact of its family, not dated after them) and the commitments it
     * fulfils (it stays with their family, not dated before they were made). Pointers are into
     * the corrected contact: {@code /familyId}, {@code /direction}, {@code /at}.
     *
     * @param replies     contacts that may reply to it (those of its old family will do)
     * @param commitments commitments it may fulfil (those of its old family will do)
     */
    public static void checkStillReferable(Contact old, Contact corrected, Iterable<Contact> replies,
                                           Iterable<Commitment> commitments, List<Problem> problems) {
        boolean movesFamily = !old.familyId().equals(corrected.familyId());
        for (Contact reply : replies) {
            if (!old.id().equals(reply.replyTo()) || reply.id().equals(old.id())) {
                continue;
            }
            if (movesFamily || corrected.isOutbound()) {
                problems.add(new Problem(movesFamily ? "/familyId" : "/direction", "contact " + quote(reply.id())
                        + " replies to " + quote(old.id()) + ", which must stay an INBOUND contact of family "
                        + quote(old.familyId())));
            } else if (reply.at().isBefore(corrected.at())) {
                problems.add(new Problem("/at", "contact " + quote(reply.id()) + " replies to " + quote(old.id())
                        + " at " + reply.at() + ", before " + corrected.at() + "; a reply cannot come before the"
                        + " contact it answers"));
            }
        }
        for (Commitment commitment : commitments) {
            if (!old.id().equals(commitment.fulfilledBy())) {
                continue;
            }
            if (movesFamily) {
                problems.add(new Problem("/familyId", "commitment " + quote(commitment.id())
                        + " is fulfilled by " + quote(old.id()) + ", which must stay with family "
                        + quote(old.familyId())));
            } else if (corrected.at().isBefore(commitment.madeAt())) {
                problems.add(new Problem("/at", "commitment " + quote(commitment.id()) + " is fulfilled by "
                        + quote(old.id()) + " and was made at " + commitment.madeAt() + ", after "
                        + corrected.at() + "; a commitment is kept by a contact made after it"));
            }
        }
    }

    /**
     * True for a problem of {@link #checkContact} or {@link #checkCommitment} about the order of
     * two instants (a reply before its question, a commitment kept before it was made). A reader
     * that had to stand in for an unreadable instant leaves these out: the instant is already
     * reported, and the comparison means nothing.
     */
    public static boolean isTimeOrder(Problem problem) {
        return problem.message().contains(AFTER_THIS_REPLY) || problem.message().contains(BEFORE_THIS_COMMITMENT);
    }

    /** A meeting's references: family, student, caregiver, staff, school. */
    public static void checkMeeting(Meeting meeting, String at, Index index, List<Problem> problems) {
        Family family = index.family(meeting.familyId());
        if (family == null) {
            problems.add(new Problem(at + "/familyId", "no family " + quote(meeting.familyId())));
        } else {
            if (meeting.studentId() != null && !family.hasStudent(meeting.studentId())) {
                problems.add(new Problem(at + "/studentId", noStudent(family, meeting.studentId())));
            }
            if (meeting.caregiverId() != null && family.caregiver(meeting.caregiverId()) == null) {
                problems.add(new Problem(at + "/caregiverId", noCaregiver(family, meeting.caregiverId())));
            }
        }
        if (meeting.staffId() != null && !index.hasStaff(meeting.staffId())) {
            problems.add(new Problem(at + "/staffId", "no staff " + quote(meeting.staffId())));
        }
        if (meeting.schoolId() != null && index.district().isUnknownSchool(meeting.schoolId())) {
            problems.add(new Problem(at + "/schoolId", noSchool(meeting.schoolId())));
        }
    }

    private static String noStudent(Family family, String studentId) {
        return "family " + quote(family.id()) + " has no student " + quote(studentId);
    }

    private static String noCaregiver(Family family, String caregiverId) {
        return "family " + quote(family.id()) + " has no caregiver " + quote(caregiverId);
    }

    private static String noSchool(String schoolId) {
        return "no school " + quote(schoolId) + " among the district's schools";
    }

    private static String notATag(String tag) {
        return quote(tag) + " is not a well-formed BCP 47 language tag";
    }
}
