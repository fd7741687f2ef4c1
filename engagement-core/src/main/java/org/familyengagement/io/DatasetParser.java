package org.familyengagement.io;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.DatasetAssembly;
import org.familyengagement.internal.References;
import org.familyengagement.internal.Suggestions;
import org.familyengagement.io.JsonWalker.Vocabulary;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Restriction;
import org.familyengagement.model.School;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;

/**
 * Reads one dataset document (docs/fact-model.md), schema version 1 or 2, in a single streaming
 * pass. Used once.
 *
 * <p>What this class checks is the shape of each element: types, enum values, instants, ids,
 * required and unknown fields, repeated keys, time zone, fields that need a later schema
 * version, and the values of one element that contradict each other ({@code madeAt}/{@code dueBy},
 * a window's {@code from}/{@code to}, {@code broadcastId} on a personal contact, both
 * {@code delivered} and {@code delivery}). Cross-references, duplicate ids and language tags are
 * {@link References}' job (through {@link Dataset#problems}); both lists are merged so one
 * exception carries everything.
 *
 * <p>Both versions read into the same model: a version 1 document is a version 2 document that
 * uses none of the new fields, except that {@code interpreted: true} reads as
 * {@link Interpretation#QUALIFIED}. A version 2 field in a version 1 document is read and checked
 * like any other, and reported as needing version 2, wherever {@code schemaVersion} stands.
 *
 * <p>An element that cannot be built is kept as a {@code null} placeholder so pointers keep
 * their positions. Where only an element's own values are bad but its id and family are usable
 * (a contact with a malformed {@code at}, say), a stand-in with neutral values is built instead,
 * so its references are still checked and other elements may still refer to it. Stand-ins
 * exist only when a problem was reported, so they can never reach a {@link Dataset}; what the
 * reference checks would say about a stand-in's made-up values is left out.
 *
 * <p>Once {@link JsonWalker#isFull() full} of problems, the reader goes on to the end of the
 * document counting problems, but keeps no more elements and checks no references.
 */
final class DatasetParser {
    private enum RootField { SCHEMA_VERSION, DISTRICT, STAFF, FAMILIES, CONTACTS, COMMITMENTS, MEETINGS }

    private enum DistrictField { ID, NAME, TIME_ZONE, DEFAULT_LANGUAGE, WEEKEND, HOLIDAYS, SCHOOL_YEAR_START, SCHOOLS }

    private enum SchoolField { ID, NAME }

    private enum StaffField { ID, ROLE, LANGUAGES }

    private enum FamilyField { ID, STUDENTS, CAREGIVERS, PREFERENCE, GROUPS }

    private enum StudentField { ID, GRADE, SCHOOL_ID }

    private enum CaregiverField { ID, RELATIONSHIP, PREFERENCE, RESTRICTION }

    private enum PreferenceField { LANGUAGES, CHANNELS, OPT_OUT, REACHABLE, INTERPRETER }

    private enum WindowField { DAYS, FROM, TO }

    /** Version 1's fields first, in their order: a version 1 document is told of them as it always was. */
    private enum ContactField {
        ID, FAMILY_ID, STUDENT_ID, STAFF_ID, AT, DIRECTION, CHANNEL, MODE, TONE, LANGUAGE, INTERPRETED, DELIVERED,
        AWAITS_REPLY, REPLY_TO, CAREGIVER_ID, SCHOOL_ID, BROADCAST_ID, TOPIC, INTERPRETATION, DELIVERY
    }

    private enum CommitmentField { ID, FAMILY_ID, STAFF_ID, MADE_AT, DUE_BY, FULFILLED_BY }

    private enum MeetingField {
        ID, FAMILY_ID, STUDENT_ID, CAREGIVER_ID, STAFF_ID, SCHOOL_ID, KIND, AT, STATUS, OFFERED_TIMES, INTERPRETATION,
        NOTICE_SENT_AT, INPUT_REQUESTED_AT, INPUT_RECEIVED_AT, DRAFT_SHARED_AT
    }

    private static final Fields<RootField> ROOT =
            Fields.of(RootField.class, RootField.SCHEMA_VERSION, RootField.DISTRICT)
                    .addedInVersionTwo(RootField.MEETINGS);
    private static final Fields<DistrictField> DISTRICT =
            Fields.of(DistrictField.class, DistrictField.ID, DistrictField.TIME_ZONE)
                    .addedInVersionTwo(DistrictField.SCHOOL_YEAR_START, DistrictField.SCHOOLS);
    private static final Fields<SchoolField> SCHOOL = Fields.of(SchoolField.class, SchoolField.ID);
    private static final Fields<StaffField> STAFF = Fields.of(StaffField.class, StaffField.ID);
    private static final Fields<FamilyField> FAMILY = Fields.of(FamilyField.class, FamilyField.ID);
    private static final Fields<StudentField> STUDENT = Fields.of(StudentField.class, StudentField.ID);
    private static final Fields<CaregiverField> CAREGIVER = Fields.of(CaregiverField.class, CaregiverField.ID)
            .addedInVersionTwo(CaregiverField.PREFERENCE, CaregiverField.RESTRICTION);
    private static final Fields<PreferenceField> PREFERENCE = Fields.of(PreferenceField.class);
    private static final Fields<WindowField> WINDOW =
            Fields.of(WindowField.class, WindowField.DAYS, WindowField.FROM, WindowField.TO);
    private static final Fields<ContactField> CONTACT = Fields.of(ContactField.class, ContactField.ID,
                    ContactField.FAMILY_ID, ContactField.AT, ContactField.DIRECTION, ContactField.CHANNEL)
            .addedInVersionTwo(ContactField.CAREGIVER_ID, ContactField.SCHOOL_ID, ContactField.BROADCAST_ID,
                    ContactField.TOPIC, ContactField.INTERPRETATION, ContactField.DELIVERY);
    private static final Fields<CommitmentField> COMMITMENT = Fields.of(CommitmentField.class, CommitmentField.ID,
            CommitmentField.FAMILY_ID, CommitmentField.MADE_AT, CommitmentField.DUE_BY);
    private static final Fields<MeetingField> MEETING = Fields.of(MeetingField.class, MeetingField.ID,
            MeetingField.FAMILY_ID, MeetingField.KIND, MeetingField.AT);

    private static final Vocabulary<StaffRole> ROLES = Vocabulary.of(StaffRole.class, "role");
    private static final Vocabulary<Channel> CHANNELS = Vocabulary.of(Channel.class, "channel");
    private static final Vocabulary<Direction> DIRECTIONS = Vocabulary.of(Direction.class, "direction");
    private static final Vocabulary<Mode> MODES = Vocabulary.of(Mode.class, "mode");
    private static final Vocabulary<Tone> TONES = Vocabulary.of(Tone.class, "tone");
    private static final Vocabulary<DayOfWeek> DAYS = Vocabulary.of(DayOfWeek.class, "day");
    private static final Vocabulary<Topic> TOPICS = Vocabulary.of(Topic.class, "topic");
    private static final Vocabulary<Interpretation> INTERPRETATIONS =
            Vocabulary.of(Interpretation.class, "interpretation");
    private static final Vocabulary<Delivery> DELIVERIES = Vocabulary.of(Delivery.class, "delivery");
    private static final Vocabulary<Restriction> RESTRICTIONS = Vocabulary.of(Restriction.class, "restriction");
    private static final Vocabulary<MeetingKind> MEETING_KINDS = Vocabulary.of(MeetingKind.class, "meeting kind");
    private static final Vocabulary<MeetingStatus> MEETING_STATUSES =
            Vocabulary.of(MeetingStatus.class, "meeting status");

    /** The IANA zone ids the JDK knows; the contract accepts these and nothing else. */
    private static final Set<String> ZONE_IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());

    private static final String SUPPORTED_VERSIONS = Dataset.READABLE_SCHEMA_VERSIONS.stream()
            .map(String::valueOf).collect(Collectors.joining(", "));

    private final JsonWalker walker;
    /** Repeated small strings: family, staff, student, school and caregiver ids on contacts, language tags, group labels. */
    private final StringPool pool = new StringPool();

    private District district;
    private List<Staff> staff = List.of();
    private List<Family> families = List.of();
    private List<Contact> contacts = List.of();
    private List<Commitment> commitments = List.of();
    private List<Meeting> meetings = List.of();
    /** The language given to contacts that state none, once the district is read; else Dataset fills it in. */
    private String contactDefaultLanguage;
    /** Ids of contacts dropped for an unusable familyId: references to them are not "dangling". */
    private final Set<String> droppedContactIds = new HashSet<>();
    /** Ids of contacts whose {@code at} is a stand-in, and commitments whose {@code madeAt} is. */
    private final Set<String> undatedContactIds = new HashSet<>();
    private final Set<Commitment> undatedCommitments = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * For a list that lost unusable elements, the document position of each element kept, by the
     * list's pointer: the reference checks count positions in what was kept.
     */
    private final Map<String, int[]> documentPositions = new HashMap<>();
    /**
     * Checks each contact's own references as it is read, when the district, staff and families
     * came first; {@code null} otherwise, and then the dataset checks them.
     */
    private ContactDirectory directory;
    /** A reference of the contact being read that the directory did not find. */
    private boolean referenceNotFound;

    DatasetParser(JsonParser parser) {
        this.walker = new JsonWalker(parser, "JSON");
    }

    /** Reads the document and builds the dataset, or throws with every problem found. */
    Dataset read() throws IOException {
        boolean complete = walker.document("the document is empty; expected a JSON object",
                "the document must be a JSON object", this::root);
        // After a syntax error the parser cannot go on; cross-references of half a document would only mislead.
        if (complete && !walker.hasProblems()) {
            if (directory != null && directory.allChecked()) {
                return DatasetAssembly.assemble(district, staff, families, contacts, commitments, meetings,
                        directory.familyOfContact());
            }
            return Dataset.of(district, staff, families, contacts, commitments, meetings);
        }
        // Once full of problems the lists were no longer kept: their references cannot be checked.
        if (complete && !walker.isFull()) {
            for (Problem problem : Dataset.problems(district, staff, families, contacts, commitments, meetings)) {
                if (problem.notListedCount() > 0) {
                    walker.add(problem);
                } else if (!namesDroppedContact(problem) && !concernsStandIn(problem)) {
                    walker.problemAt(inDocument(problem.pointer()), problem.message());
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
                case CONTACTS -> {
                    if (district != null && contactDefaultLanguage != null) {
                        directory = new ContactDirectory(district, staff, families);
                    }
                    contacts = walker.elements(() -> {
                        Contact contact = contact();
                        if (contact == null && directory != null) {
                            directory.unchecked(); // reported, and the dataset will not be built
                        }
                        return contact;
                    });
                }
                case COMMITMENTS -> commitments = walker.elements(this::commitment);
                case MEETINGS -> meetings = walker.elements(this::meeting);
            }
        }
    }

    private void schemaVersion() throws IOException {
        Integer version = walker.integer();
        if (version != null && Dataset.READABLE_SCHEMA_VERSIONS.contains(version)) {
            walker.schemaVersion(version);
            return;
        }
        if (version != null) {
            walker.problem("unsupported schemaVersion " + version + "; supported versions: " + SUPPORTED_VERSIONS);
        }
        walker.schemaVersion(-1);
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
        LocalDate schoolYearStart = null;
        List<School> schools = List.of();
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
                case SCHOOL_YEAR_START -> schoolYearStart = isNull() ? null : walker.date();
                case SCHOOLS -> schools = keptUnique(walker.elements(this::school), School::id, "duplicate school id ", "");
            }
        }
        if (LanguageTags.isWellFormed(defaultLanguage)) {
            contactDefaultLanguage = defaultLanguage;
        }
        // A missing id or zone is already reported; the stand-ins let the language still be checked.
        return new District(id != null ? id : "?", name, zone != null ? zone : ZoneOffset.UTC, defaultLanguage,
                weekend, holidays, schoolYearStart, schools);
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

    private School school() throws IOException {
        ObjectReader<SchoolField> object = ObjectReader.open(walker, SCHOOL);
        if (object == null) {
            return null;
        }
        String id = null;
        String name = null;
        for (SchoolField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id(pool);
                case NAME -> name = walker.optionalString(null);
            }
        }
        return id == null ? null : new School(id, name);
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
                case STUDENTS -> students = keptUnique(walker.elements(this::student), Student::id,
                        "duplicate student id ", " in this family");
                case CAREGIVERS -> caregivers = keptUnique(walker.elements(this::caregiver), Caregiver::id,
                        "duplicate caregiver id ", " in this family");
                case PREFERENCE -> preference = preference();
                case GROUPS -> groups = groups();
            }
        }
        return id == null ? null : new Family(id, students, caregivers, preference, groups);
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
        Preference preference = null;
        Restriction restriction = Restriction.NONE;
        for (CaregiverField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case RELATIONSHIP -> relationship = walker.optionalString(pool);
                case PREFERENCE -> preference = preference();
                case RESTRICTION -> restriction = orElse(walker.enumValue(RESTRICTIONS), Restriction.NONE);
            }
        }
        return id == null ? null : new Caregiver(id, relationship, preference, restriction);
    }

    /** A family's or caregiver's preference; JSON null, like an absent field, means nothing is recorded. */
    private Preference preference() throws IOException {
        if (isNull()) {
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

    /** {@code dimension -> label}; both follow the rule for ids. */
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
            } else if (walker.checkedId(dimension, "a group dimension") == null) {
                walker.parser().skipChildren();
            } else {
                String label = walker.checkedId(walker.string(pool), "a group label");
                if (label != null) {
                    groups.put(pool.get(dimension), label);
                }
            }
            walker.leave();
        }
        return groups;
    }

    /** Language tags; a value that is not a string is reported and left out. */
    private List<String> languageTags() throws IOException {
        return kept(walker.elements(() -> walker.string(pool)));
    }

    // ---------------------------------------------------------------- contacts, commitments, meetings

    private Contact contact() throws IOException {
        ObjectReader<ContactField> object = ObjectReader.open(walker, CONTACT);
        if (object == null) {
            return null;
        }
        String id = null;
        String familyId = null;
        String studentId = null;
        String staffId = null;
        String caregiverId = null;
        String schoolId = null;
        String broadcastId = null;
        Instant at = null;
        Direction direction = null;
        Channel channel = null;
        Mode mode = Mode.PERSONAL;
        boolean modeUnreadable = false;
        Tone tone = Tone.NEUTRAL;
        Topic topic = null;
        String language = contactDefaultLanguage;
        Boolean interpreted = null;
        Interpretation interpretation = null;
        boolean interpretationGiven = false;
        boolean delivered = true;
        boolean deliveredGiven = false;
        Delivery delivery = null;
        boolean deliveryGiven = false;
        Boolean awaitsReply = null;
        String replyTo = null;
        boolean toneRecorded = false;
        boolean languageRecorded = false;
        // With a directory, ids are looked up as they are read: see ContactDirectory.
        int familyAt = -1;
        Family family = null;
        referenceNotFound = false;
        JsonParser parser = walker.parser();
        for (ContactField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case FAMILY_ID -> {
                    familyAt = directory != null ? directory.family(parser) : -1;
                    family = familyAt >= 0 ? directory.familyAt(familyAt) : null;
                    familyId = family != null ? family.id() : notFound(walker.id(pool));
                }
                case STUDENT_ID -> studentId = orRead(family != null ? ContactDirectory.student(family, parser) : null);
                case STAFF_ID -> staffId = orRead(directory != null ? directory.staffMember(parser) : null);
                case CAREGIVER_ID ->
                        caregiverId = orRead(family != null ? ContactDirectory.caregiver(family, parser) : null);
                case SCHOOL_ID -> schoolId = directory != null && directory.acceptsAnySchool()
                        ? walker.optionalId(pool) : orRead(directory != null ? directory.school(parser) : null);
                case BROADCAST_ID -> broadcastId = walker.optionalId(pool);
                case AT -> at = walker.instant();
                case DIRECTION -> direction = walker.enumValue(DIRECTIONS);
                case CHANNEL -> channel = walker.enumValue(CHANNELS);
                case MODE -> {
                    Mode value = walker.enumValue(MODES);
                    modeUnreadable = value == null;
                    mode = orElse(value, Mode.PERSONAL);
                }
                case TONE -> {
                    tone = orElse(walker.enumValue(TONES), Tone.NEUTRAL);
                    toneRecorded = true;
                }
                case TOPIC -> topic = isNull() ? null : walker.enumValue(TOPICS);
                case LANGUAGE -> {
                    language = orElse(walker.string(pool), contactDefaultLanguage);
                    languageRecorded = true;
                }
                case INTERPRETED -> interpreted = walker.bool();
                case INTERPRETATION -> {
                    interpretationGiven = true;
                    interpretation = walker.enumValue(INTERPRETATIONS);
                }
                case DELIVERED -> {
                    delivered = orElse(walker.bool(), true);
                    deliveredGiven = true;
                }
                case DELIVERY -> {
                    deliveryGiven = !isNull();
                    delivery = deliveryGiven ? walker.enumValue(DELIVERIES) : null;
                }
                case AWAITS_REPLY -> awaitsReply = walker.bool();
                case REPLY_TO -> replyTo = walker.optionalId(null);
            }
        }
        if (object.has(ContactField.INTERPRETED) && interpretationGiven) {
            walker.problemIn("interpreted", "both interpreted and interpretation are given; give interpretation"
                    + " alone (interpreted is how version 1 said QUALIFIED or NONE)");
        }
        if (deliveredGiven && deliveryGiven) {
            walker.problemIn("delivered", "both delivered and delivery are given; give delivery alone (delivered"
                    + " follows from it)");
        }
        if (broadcastId != null && mode == Mode.PERSONAL) {
            if (!modeUnreadable) {
                walker.problemIn("broadcastId", "broadcastId " + JsonWalker.quote(broadcastId) + " is only for"
                        + " BROADCAST or RECIPROCAL contacts, and this contact is PERSONAL");
            }
            broadcastId = null; // a stand-in's: the model holds no broadcast on a personal contact
        }
        if (id == null || familyId == null) {
            if (id != null && !walker.isFull()) {
                droppedContactIds.add(id);
            }
            return null;
        }
        if (direction == null) {
            // Stand-in: an INBOUND direction cannot make another contact's replyTo look wrong; its own
            // replyTo (only an OUTBOUND contact may have one) waits until the direction is fixed.
            direction = Direction.INBOUND;
            replyTo = null;
        }
        if (at == null) {
            if (!walker.isFull()) {
                undatedContactIds.add(id);
            }
            at = JsonWalker.MIN_INSTANT;
        }
        if (interpretation == null) {
            interpretation = interpreted != null && interpreted ? Interpretation.QUALIFIED : Interpretation.NONE;
        }
        Contact contact = new Contact(id, familyId, studentId, staffId, caregiverId, schoolId, broadcastId, at,
                direction, channel != null ? channel : Channel.SMS, mode, tone, topic, language, interpretation,
                delivery, delivered, awaitsReply != null ? awaitsReply : direction == Direction.INBOUND, replyTo,
                Contact.Recorded.of(toneRecorded, languageRecorded, deliveredGiven || deliveryGiven));
        if (directory != null) {
            directory.add(familyAt, contact, !referenceNotFound);
        }
        // Hashed (and the hash kept in the string) while it is in the cache: the dataset indexes contact ids.
        id.hashCode();
        return contact;
    }

    /** {@code found}, the id under the cursor as the directory holds it; when {@code null}, the id read as usual. */
    private String orRead(String found) throws IOException {
        return found != null ? found : notFound(walker.optionalId(pool));
    }

    /** An id the directory did not find (or there is none): the dataset will check the contact's references. */
    private String notFound(String id) {
        if (id != null) {
            referenceNotFound = true;
        }
        return id;
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
        boolean undated = madeAt == null;
        if (madeAt == null) {
            madeAt = dueBy != null ? dueBy : JsonWalker.MIN_INSTANT;
        }
        if (dueBy == null) {
            dueBy = madeAt;
        }
        Commitment commitment = new Commitment(id, familyId, staffId, madeAt, dueBy, fulfilledBy);
        if (undated && !walker.isFull()) {
            undatedCommitments.add(commitment);
        }
        return commitment;
    }

    private Meeting meeting() throws IOException {
        ObjectReader<MeetingField> object = ObjectReader.open(walker, MEETING);
        if (object == null) {
            return null;
        }
        String id = null;
        String familyId = null;
        String studentId = null;
        String caregiverId = null;
        String staffId = null;
        String schoolId = null;
        MeetingKind kind = null;
        Instant at = null;
        MeetingStatus status = null;
        List<Instant> offeredTimes = List.of();
        Interpretation interpretation = Interpretation.NONE;
        Instant noticeSentAt = null;
        Instant inputRequestedAt = null;
        Instant inputReceivedAt = null;
        Instant draftSharedAt = null;
        for (MeetingField field; (field = object.next()) != null; ) {
            switch (field) {
                case ID -> id = walker.id();
                case FAMILY_ID -> familyId = walker.id(pool);
                case STUDENT_ID -> studentId = walker.optionalId(pool);
                case CAREGIVER_ID -> caregiverId = walker.optionalId(pool);
                case STAFF_ID -> staffId = walker.optionalId(pool);
                case SCHOOL_ID -> schoolId = walker.optionalId(pool);
                case KIND -> kind = walker.enumValue(MEETING_KINDS);
                case AT -> at = walker.instant();
                case STATUS -> status = isNull() ? null : walker.enumValue(MEETING_STATUSES);
                case OFFERED_TIMES -> offeredTimes = walker.values(walker::instant);
                case INTERPRETATION -> interpretation = orElse(walker.enumValue(INTERPRETATIONS), Interpretation.NONE);
                case NOTICE_SENT_AT -> noticeSentAt = optionalInstant();
                case INPUT_REQUESTED_AT -> inputRequestedAt = optionalInstant();
                case INPUT_RECEIVED_AT -> inputReceivedAt = optionalInstant();
                case DRAFT_SHARED_AT -> draftSharedAt = optionalInstant();
            }
        }
        if (inputRequestedAt != null && inputReceivedAt != null && inputReceivedAt.isBefore(inputRequestedAt)) {
            walker.problemIn("inputReceivedAt", "the inputReceivedAt (" + inputReceivedAt + ") of meeting "
                    + (id != null ? JsonWalker.quote(id) + " " : "") + "is before its inputRequestedAt ("
                    + inputRequestedAt + "); maybe the two fields are swapped?");
            inputReceivedAt = null;
        }
        if (id == null || familyId == null) {
            return null;
        }
        // Stand-ins for values already reported as missing or malformed.
        return new Meeting(id, familyId, studentId, caregiverId, staffId, schoolId,
                kind != null ? kind : MeetingKind.OTHER, at != null ? at : JsonWalker.MIN_INSTANT, status,
                offeredTimes, interpretation, noticeSentAt, inputRequestedAt, inputReceivedAt, draftSharedAt);
    }

    /** An instant, or {@code null} for JSON null (the field says "none"). */
    private Instant optionalInstant() throws IOException {
        return isNull() ? null : walker.instant();
    }

    private boolean isNull() {
        return walker.parser().currentToken() == JsonToken.VALUE_NULL;
    }

    // ---------------------------------------------------------------- after the reading

    /**
     * {@code elements} without its {@code null} placeholders. When there were any, remembers
     * where the others stand in the document (the list is the walker's current value), so the
     * reference checks' pointers into the list can be given in document positions.
     */
    private <T> List<T> kept(List<T> elements) {
        if (!elements.contains(null)) {
            return elements;
        }
        List<T> kept = new ArrayList<>(elements.size());
        int[] positions = new int[elements.size()];
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) != null) {
                positions[kept.size()] = i;
                kept.add(elements.get(i));
            }
        }
        documentPositions.put(walker.pointer(), java.util.Arrays.copyOf(positions, kept.size()));
        return kept;
    }

    /**
     * {@link #kept} of elements whose ids must be unique in the list: an id met again is a problem
     * here, in document positions, and the repeat is left out (so the reference checks, which
     * would count positions in what was kept, never see it).
     */
    private <T> List<T> keptUnique(List<T> elements, java.util.function.Function<T, String> id, String what,
                                   String where) {
        if (elements.size() < 2) {
            return kept(elements);
        }
        // A family's students and caregivers are a few: a scan, not a map per family.
        Map<String, Integer> firstAt = elements.size() > 8 ? new HashMap<>() : null;
        String list = null;
        for (int i = 0; i < elements.size(); i++) {
            T element = elements.get(i);
            if (element != null) {
                Integer first = firstAt != null ? firstAt.putIfAbsent(id.apply(element), i)
                        : firstEarlier(elements, i, id);
                if (first != null) {
                    list = list != null ? list : walker.pointer();
                    walker.add(References.duplicate(list, i, first, what, id.apply(element), where));
                    elements.set(i, null);
                }
            }
        }
        return kept(elements);
    }

    /** The position of the first element before {@code i} with the same id, if any. */
    private static <T> Integer firstEarlier(List<T> elements, int i, java.util.function.Function<T, String> id) {
        String wanted = id.apply(elements.get(i));
        for (int j = 0; j < i; j++) {
            T earlier = elements.get(j);
            if (earlier != null && id.apply(earlier).equals(wanted)) {
                return j;
            }
        }
        return null;
    }

    /**
     * A pointer of the reference checks, which count positions in the lists as kept, with each
     * position in a list that lost elements replaced by the element's position in the document.
     */
    private String inDocument(String pointer) {
        if (documentPositions.isEmpty()) {
            return pointer;
        }
        String[] segments = pointer.split("/", -1);
        StringBuilder mapped = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            int[] positions = documentPositions.get(mapped.toString());
            String segment = segments[i];
            if (positions != null && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
                    && segment.length() < 10 && Integer.parseInt(segment) < positions.length) {
                segment = Integer.toString(positions[Integer.parseInt(segment)]);
            }
            mapped.append('/').append(segment);
        }
        return mapped.toString();
    }

    /**
     * True for a "no contact" problem of {@link Dataset#problems} about a contact this reader
     * dropped: it exists in the document, and its own problem is already reported.
     */
    private boolean namesDroppedContact(Problem problem) {
        if (droppedContactIds.isEmpty()) {
            return false;
        }
        Object element = elementOf(problem.pointer());
        if (element instanceof Contact contact && problem.pointer().endsWith("/replyTo")) {
            return droppedContactIds.contains(contact.replyTo());
        }
        if (element instanceof Commitment commitment && problem.pointer().endsWith("/fulfilledBy")) {
            return droppedContactIds.contains(commitment.fulfilledBy());
        }
        return false;
    }

    /**
     * True for a problem of the order of two instants where one of them is a stand-in for an
     * instant already reported as missing or malformed.
     */
    private boolean concernsStandIn(Problem problem) {
        if ((undatedContactIds.isEmpty() && undatedCommitments.isEmpty()) || !References.isTimeOrder(problem)) {
            return false;
        }
        Object element = elementOf(problem.pointer());
        if (element instanceof Contact contact) {
            return undatedContactIds.contains(contact.id()) || undatedContactIds.contains(contact.replyTo());
        }
        if (element instanceof Commitment commitment) {
            return undatedCommitments.contains(commitment) || undatedContactIds.contains(commitment.fulfilledBy());
        }
        return false;
    }

    /** The contact or commitment a pointer {@code /contacts/3/…} or {@code /commitments/0/…} is in, or {@code null}. */
    private Object elementOf(String pointer) {
        String[] segments = pointer.split("/");
        if (segments.length != 4 || segments[2].isEmpty() || segments[2].length() > 9
                || !segments[2].chars().allMatch(Character::isDigit)) {
            return null;
        }
        int index = Integer.parseInt(segments[2]);
        if (segments[1].equals("contacts") && index < contacts.size()) {
            return contacts.get(index);
        }
        if (segments[1].equals("commitments") && index < commitments.size()) {
            return commitments.get(index);
        }
        return null;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
