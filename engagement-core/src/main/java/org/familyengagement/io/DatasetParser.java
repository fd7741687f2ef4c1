package org.familyengagement.io;

import java.io.CharConversionException;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.Suggestions;
import org.familyengagement.io.JsonWalker.Vocabulary;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;

/**
 * Reads one dataset document (docs/fact-model.md) in a single streaming pass. Used once.
 *
 * <p>What this class checks is the shape of each element: types, enum values, instants, required
 * and unknown fields, repeated keys, time zone, the order of {@code madeAt}/{@code dueBy} and of
 * a window's {@code from}/{@code to}. Cross-references, duplicate ids and language tags are
 * {@link Dataset#problems}' job; both lists are merged so one exception carries everything.
 *
 * <p>An element that cannot be built is kept as a {@code null} placeholder so pointers keep
 * their positions. Where only an element's own values are bad but its id and family are usable
 * (a contact with a malformed {@code at}, say), a stand-in with neutral values is built instead,
 * so its references are still checked and other elements may still refer to it. Stand-ins
 * exist only when a problem was reported, so they can never reach a {@link Dataset}.
 */
final class DatasetParser {
    private enum RootField { SCHEMA_VERSION, DISTRICT, STAFF, FAMILIES, CONTACTS, COMMITMENTS }

    private enum DistrictField { ID, NAME, TIME_ZONE, DEFAULT_LANGUAGE, WEEKEND, HOLIDAYS }

    private enum StaffField { ID, ROLE, LANGUAGES }

    private enum FamilyField { ID, STUDENTS, CAREGIVERS, PREFERENCE, GROUPS }

    private enum StudentField { ID, GRADE, SCHOOL_ID }

    private enum CaregiverField { ID, RELATIONSHIP }

    private enum PreferenceField { LANGUAGES, CHANNELS, OPT_OUT, REACHABLE, INTERPRETER }

    private enum WindowField { DAYS, FROM, TO }

    private enum ContactField {
        ID, FAMILY_ID, STUDENT_ID, STAFF_ID, AT, DIRECTION, CHANNEL, MODE, TONE, LANGUAGE, INTERPRETED, DELIVERED,
        AWAITS_REPLY, REPLY_TO
    }

    private enum CommitmentField { ID, FAMILY_ID, STAFF_ID, MADE_AT, DUE_BY, FULFILLED_BY }

    private static final Fields<RootField> ROOT =
            Fields.of(RootField.class, RootField.SCHEMA_VERSION, RootField.DISTRICT);
    private static final Fields<DistrictField> DISTRICT =
            Fields.of(DistrictField.class, DistrictField.ID, DistrictField.TIME_ZONE);
    private static final Fields<StaffField> STAFF = Fields.of(StaffField.class, StaffField.ID);
    private static final Fields<FamilyField> FAMILY = Fields.of(FamilyField.class, FamilyField.ID);
    private static final Fields<StudentField> STUDENT = Fields.of(StudentField.class, StudentField.ID);
    private static final Fields<CaregiverField> CAREGIVER = Fields.of(CaregiverField.class, CaregiverField.ID);
    private static final Fields<PreferenceField> PREFERENCE = Fields.of(PreferenceField.class);
    private static final Fields<WindowField> WINDOW =
            Fields.of(WindowField.class, WindowField.DAYS, WindowField.FROM, WindowField.TO);
    private static final Fields<ContactField> CONTACT = Fields.of(ContactField.class, ContactField.ID,
            ContactField.FAMILY_ID, ContactField.AT, ContactField.DIRECTION, ContactField.CHANNEL);
    private static final Fields<CommitmentField> COMMITMENT = Fields.of(CommitmentField.class, CommitmentField.ID,
            CommitmentField.FAMILY_ID, CommitmentField.MADE_AT, CommitmentField.DUE_BY);

    private static final Vocabulary<StaffRole> ROLES = Vocabulary.of(StaffRole.class, "role");
    private static final Vocabulary<Channel> CHANNELS = Vocabulary.of(Channel.class, "channel");
    private static final Vocabulary<Direction> DIRECTIONS = Vocabulary.of(Direction.class, "direction");
    private static final Vocabulary<Mode> MODES = Vocabulary.of(Mode.class, "mode");
    private static final Vocabulary<Tone> TONES = Vocabulary.of(Tone.class, "tone");
    private static final Vocabulary<DayOfWeek> DAYS = Vocabulary.of(DayOfWeek.class, "day");

    /** The IANA zone ids the JDK knows; the contract accepts these and nothing else. */
    private static final Set<String> ZONE_IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());


    private final JsonWalker walker;
    /** Repeated small strings: family, staff and student ids on contacts, language tags, group labels. */
    private final StringPool pool = new StringPool();

    private District district;
    private List<Staff> staff = List.of();
    private List<Family> families = List.of();
    private List<Contact> contacts = List.of();
    private List<Commitment> commitments = List.of();
    /** The language given to contacts that state none, once the district is read; else Dataset fills it in. */
    private String contactDefaultLanguage;
    /** Ids of contacts dropped for an unusable familyId: references to them are not "dangling". */
    private final Set<String> droppedContactIds = new HashSet<>();

    DatasetParser(JsonParser parser) {
        this.walker = new JsonWalker(parser, "JSON");
    }

    /** Reads the document and builds the dataset, or throws with every problem found. */
    Dataset read() throws IOException {
        boolean complete = walker.document("the document is empty; expected a JSON object",
                "the document must be a JSON object", this::root);
        // After a syntax error the parser cannot go on; cross-references of half a document would only mislead.
        if (complete && !walker.hasProblems()) {
            return Dataset.of(district, staff, families, contacts, commitments);
        }
        if (complete) {
            for (Problem problem : Dataset.problems(district, staff, families, contacts, commitments, List.of())) {
                if (!namesDroppedContact(problem)) {
                    walker.problemAt(problem.pointer(), problem.message());
                }
            }
        }
        walker.throwIfProblems(InvalidDatasetException::new);
        throw new AssertionError("problems were reported");
    }

    private void root() throws IOException {
        ObjectReader<RootField> object = ObjectReader.open(walker, ROOT);
        for (RootField field; (field = object.next()) != null; ) {
            switch (field) {
                case SCHEMA_VERSION -> schemaVersion();
                case DISTRICT -> district = district();
                case STAFF -> staff = walker.elements(this::staffMember);
                case FAMILIES -> families = walker.elements(this::family);
                case CONTACTS -> contacts = walker.elements(this::contact);
                case COMMITMENTS -> commitments = walker.elements(this::commitment);
            }
        }
    }

    private void schemaVersion() throws IOException {
        Integer version = walker.integer();
        if (version != null && version != Dataset.SCHEMA_VERSION) {
            walker.problem("unsupported schemaVersion " + version + "; supported versions: " + Dataset.SCHEMA_VERSION);
        }
    }

    // ---------------------------------------------------------------- district

    private District district() throws IOException {
        ObjectReader<DistrictField> object = ObjectReader.open(walker, DISTRICT);
        if (object == null) {
            return null;
        }
        String id = null;
        String name = null;
        ZoneId zone = null;
        String defaultLanguage = District.DEFAULT_LANGUAGE;
        Set<DayOfWeek> weekend = District.DEFAULT_WEEKEND;
        SortedSet<LocalDate> holidays = new TreeSet<>();
        for (DistrictField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case NAME -> name = walker.optionalString(null);
                case TIME_ZONE -> zone = timeZone();
                case DEFAULT_LANGUAGE -> {
                    String tag = walker.string(pool);
                    if (tag != null && tag.isBlank()) {
                        walker.problem("\"\" is not a well-formed BCP 47 language tag");
                    } else if (tag != null) {
                        defaultLanguage = tag;
                    }
                }
                case WEEKEND -> {
                    weekend = EnumSet.noneOf(DayOfWeek.class);
                    weekend.addAll(walker.values(() -> walker.enumValue(DAYS)));
                    if (weekend.size() == DayOfWeek.values().length) {
                        walker.problem("a weekend of all seven days leaves no school days");
                    }
                }
                case HOLIDAYS -> holidays.addAll(walker.values(walker::date));
            }
        }
        if (LanguageTags.isWellFormed(defaultLanguage)) {
            contactDefaultLanguage = defaultLanguage;
        }
        // A missing id or zone is already reported; the stand-ins let the language still be checked.
        return new District(id != null ? id : "?", name, zone != null ? zone : ZoneOffset.UTC, defaultLanguage,
                weekend, holidays);
    }

    private ZoneId timeZone() throws IOException {
        String text = walker.string();
        if (text == null) {
            return null;
        }
        if (ZONE_IDS.contains(text)) {
            return ZoneId.of(text);
        }
        String suggestion = Suggestions.closest(text, ZONE_IDS);
        walker.problem(JsonWalker.quote(text) + " is not an IANA time zone id" + (suggestion != null
                ? "; did you mean \"" + suggestion + "\"?"
                : " such as \"America/Chicago\""));
        return null;
    }

    // ---------------------------------------------------------------- staff

    private Staff staffMember() throws IOException {
        ObjectReader<StaffField> object = ObjectReader.open(walker, STAFF);
        if (object == null) {
            return null;
        }
        String id = null;
        StaffRole role = null;
        List<String> languages = List.of();
        for (StaffField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case ROLE -> role = walker.enumValue(ROLES);
                case LANGUAGES -> languages = languageTags();
            }
        }
        return id == null ? null : new Staff(id, role, languages);
    }

    // ---------------------------------------------------------------- families

    private Family family() throws IOException {
        ObjectReader<FamilyField> object = ObjectReader.open(walker, FAMILY);
        if (object == null) {
            return null;
        }
        String id = null;
        List<Student> students = List.of();
        List<Caregiver> caregivers = List.of();
        Preference preference = null;
        Map<String, String> groups = Map.of();
        for (FamilyField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case STUDENTS -> students = students();
                case CAREGIVERS -> caregivers = walker.values(this::caregiver);
                case PREFERENCE -> preference = preference();
                case GROUPS -> groups = groups();
            }
        }
        return id == null ? null : new Family(id, students, caregivers, preference, groups);
    }

    /** The family's students; a student id repeated within the family is a problem. */
    private List<Student> students() throws IOException {
        List<Student> students = new ArrayList<>();
        if (!walker.expectArray()) {
            return students;
        }
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; !JsonWalker.isArrayEnd(walker.next()); i++) {
            walker.enter(i);
            Student student = student();
            walker.leave();
            if (student != null) {
                Integer first = firstAt.putIfAbsent(student.id(), i);
                if (first != null) {
                    String list = walker.pointer();
                    walker.problemAt(list + "/" + i + "/id", "duplicate student id " + JsonWalker.quote(student.id())
                            + " in this family (first at " + list + "/" + first + ")");
                } else {
                    students.add(student);
                }
            }
        }
        return students;
    }

    private Student student() throws IOException {
        ObjectReader<StudentField> object = ObjectReader.open(walker, STUDENT);
        if (object == null) {
            return null;
        }
        String id = null;
        String grade = null;
        String schoolId = null;
        for (StudentField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case GRADE -> grade = walker.optionalString(pool);
                case SCHOOL_ID -> schoolId = walker.optionalId(pool);
            }
        }
        return id == null ? null : new Student(id, grade, schoolId);
    }

    private Caregiver caregiver() throws IOException {
        ObjectReader<CaregiverField> object = ObjectReader.open(walker, CAREGIVER);
        if (object == null) {
            return null;
        }
        String id = null;
        String relationship = null;
        for (CaregiverField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case RELATIONSHIP -> relationship = walker.optionalString(pool);
            }
        }
        return id == null ? null : new Caregiver(id, relationship);
    }

    /** The family's preference; JSON null, like an absent field, means nothing is recorded. */
    private Preference preference() throws IOException {
        if (walker.parser().currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        ObjectReader<PreferenceField> object = ObjectReader.open(walker, PREFERENCE);
        if (object == null) {
            return null;
        }
        List<String> languages = List.of();
        List<Channel> channels = List.of();
        Set<Channel> optOut = Set.of();
        List<ReachableWindow> reachable = List.of();
        boolean interpreter = false;
        for (PreferenceField field; (field = object.next()) != null; ) {
            switch (field) {
                case LANGUAGES -> languages = languageTags();
                case CHANNELS -> channels = walker.values(() -> walker.enumValue(CHANNELS));
                case OPT_OUT -> optOut = Set.copyOf(walker.values(() -> walker.enumValue(CHANNELS)));
                case REACHABLE -> reachable = walker.values(this::window);
                case INTERPRETER -> {
                    Boolean value = walker.bool();
                    interpreter = value != null && value;
                }
            }
        }
        return new Preference(languages, channels, optOut, reachable, interpreter);
    }

    private ReachableWindow window() throws IOException {
        ObjectReader<WindowField> object = ObjectReader.open(walker, WINDOW);
        if (object == null) {
            return null;
        }
        Set<DayOfWeek> days = null;
        LocalTime from = null;
        LocalTime to = null;
        for (WindowField field; (field = object.next()) != null; ) {
            switch (field) {
                case DAYS -> {
                    boolean array = walker.parser().currentToken() == JsonToken.START_ARRAY;
                    List<DayOfWeek> listed = walker.elements(() -> walker.enumValue(DAYS));
                    if (array && listed.isEmpty()) {
                        walker.problem("a reachable window must list at least one day");
                    }
                    listed.removeIf(Objects::isNull);
                    days = listed.isEmpty() ? null : EnumSet.copyOf(listed);
                }
                case FROM -> from = walker.time();
                case TO -> to = walker.time();
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            walker.problemIn("to", "the window ends at " + to + ", not after it starts at " + from
                    + "; a window must end after it starts, on the same day");
            return null;
        }
        return days == null || from == null || to == null ? null : new ReachableWindow(days, from, to);
    }

    /** {@code dimension -> label}; both opaque, non-blank strings. */
    private Map<String, String> groups() throws IOException {
        Map<String, String> groups = new TreeMap<>();
        if (!walker.expectObject()) {
            return groups;
        }
        Set<String> seen = new HashSet<>();
        while (walker.next() == JsonToken.FIELD_NAME) {
            String dimension = walker.parser().currentName();
            walker.enter(dimension);
            walker.next();
            if (!seen.add(dimension)) {
                walker.problem("field " + JsonWalker.quote(dimension) + " appears more than once in this object");
                walker.parser().skipChildren();
            } else if (dimension.isBlank()) {
                walker.problem("a group dimension must not be blank");
                walker.parser().skipChildren();
            } else {
                String label = walker.string(pool);
                if (label != null && label.isBlank()) {
                    walker.problem("a group label must not be blank");
                } else if (label != null) {
                    groups.put(pool.get(dimension), label);
                }
            }
            walker.leave();
        }
        return groups;
    }

    private List<String> languageTags() throws IOException {
        return walker.values(() -> walker.string(pool));
    }

    // ---------------------------------------------------------------- contacts and commitments

    private Contact contact() throws IOException {
        ObjectReader<ContactField> object = ObjectReader.open(walker, CONTACT);
        if (object == null) {
            return null;
        }
        String id = null;
        String familyId = null;
        String studentId = null;
        String staffId = null;
        Instant at = null;
        Direction direction = null;
        Channel channel = null;
        Mode mode = Mode.PERSONAL;
        Tone tone = Tone.NEUTRAL;
        String language = contactDefaultLanguage;
        boolean interpreted = false;
        boolean delivered = true;
        Boolean awaitsReply = null;
        String replyTo = null;
        boolean toneRecorded = false;
        boolean languageRecorded = false;
        boolean deliveryRecorded = false;
        for (ContactField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case FAMILY_ID -> familyId = walker.id(pool);
                case STUDENT_ID -> studentId = walker.optionalId(pool);
                case STAFF_ID -> staffId = walker.optionalId(pool);
                case AT -> at = walker.instant();
                case DIRECTION -> direction = walker.enumValue(DIRECTIONS);
                case CHANNEL -> channel = walker.enumValue(CHANNELS);
                case MODE -> mode = orElse(walker.enumValue(MODES), Mode.PERSONAL);
                case TONE -> {
                    tone = orElse(walker.enumValue(TONES), Tone.NEUTRAL);
                    toneRecorded = true;
                }
                case LANGUAGE -> {
                    language = orElse(walker.string(pool), contactDefaultLanguage);
                    languageRecorded = true;
                }
                case INTERPRETED -> interpreted = orElse(walker.bool(), false);
                case DELIVERED -> {
                    delivered = orElse(walker.bool(), true);
                    deliveryRecorded = true;
                }
                case AWAITS_REPLY -> awaitsReply = walker.bool();
                case REPLY_TO -> replyTo = walker.optionalId(null);
            }
        }
        if (id == null || familyId == null) {
            if (id != null) {
                droppedContactIds.add(id);
            }
            return null;
        }
        if (direction == null) {
            // Stand-in: an INBOUND direction cannot make another contact's replyTo look wrong.
            direction = Direction.INBOUND;
        }
        return new Contact(id, familyId, studentId, staffId, null, null, null, at != null ? at : Instant.EPOCH,
                direction, channel != null ? channel : Channel.SMS, mode, tone, null, language,
                interpreted ? Interpretation.QUALIFIED : Interpretation.NONE, null, delivered,
                awaitsReply != null ? awaitsReply : direction == Direction.INBOUND, replyTo,
                Contact.Recorded.of(toneRecorded, languageRecorded, deliveryRecorded));
    }

    private Commitment commitment() throws IOException {
        ObjectReader<CommitmentField> object = ObjectReader.open(walker, COMMITMENT);
        if (object == null) {
            return null;
        }
        String id = null;
        String familyId = null;
        String staffId = null;
        Instant madeAt = null;
        Instant dueBy = null;
        String fulfilledBy = null;
        for (CommitmentField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case FAMILY_ID -> familyId = walker.id(pool);
                case STAFF_ID -> staffId = walker.optionalId(pool);
                case MADE_AT -> madeAt = walker.instant();
                case DUE_BY -> dueBy = walker.instant();
                case FULFILLED_BY -> fulfilledBy = walker.optionalId(null);
            }
        }
        if (madeAt != null && dueBy != null && dueBy.isBefore(madeAt)) {
            walker.problemIn("dueBy", "the dueBy (" + dueBy + ") of commitment " + (id != null ? JsonWalker.quote(id) + " " : "")
                    + "is before its madeAt (" + madeAt + "); maybe the two fields are swapped?");
            dueBy = madeAt;
        }
        if (id == null || familyId == null) {
            return null;
        }
        // Stand-ins for instants already reported as missing or malformed.
        if (madeAt == null) {
            madeAt = dueBy != null ? dueBy : Instant.EPOCH;
        }
        if (dueBy == null) {
            dueBy = madeAt;
        }
        return new Commitment(id, familyId, staffId, madeAt, dueBy, fulfilledBy);
    }

    /**
     * True for a "no contact" problem of {@link Dataset#problems} about a contact this reader
     * dropped: it exists in the document, and its own problem is already reported.
     */
    private boolean namesDroppedContact(Problem problem) {
        if (droppedContactIds.isEmpty()) {
            return false;
        }
        String[] segments = problem.pointer().split("/");
        if (segments.length != 4) {
            return false;
        }
        int index;
        try {
            index = Integer.parseInt(segments[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (segments[1].equals("contacts") && segments[3].equals("replyTo") && index < contacts.size()) {
            Contact contact = contacts.get(index);
            return contact != null && droppedContactIds.contains(contact.replyTo());
        }
        if (segments[1].equals("commitments") && segments[3].equals("fulfilledBy") && index < commitments.size()) {
            Commitment commitment = commitments.get(index);
            return commitment != null && droppedContactIds.contains(commitment.fulfilledBy());
        }
        return false;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
