package org.familyengagement.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import org.familyengagement.internal.AtomicFiles;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Delivery;
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
 * Writes a {@link Dataset} as the dataset JSON document of the contract (docs/fact-model.md),
 * schema version {@value Dataset#SCHEMA_VERSION}.
 *
 * <pre>{@code
 * DatasetWriter.compact().write(dataset, Path.of("district.json"));
 * String json = DatasetWriter.pretty().toJson(dataset);
 * }</pre>
 *
 * <p>The output is deterministic: the same dataset always gives byte-identical UTF-8, with
 * fields in the contract's order, lists in the dataset's order, sets of enum values in
 * declaration order ({@code MONDAY} first), groups by dimension name, instants as
 * {@link Instant#toString()} ({@code 2026-11-02T22:00:00Z}), and a final line feed.
 * Pretty output indents by two spaces with {@code \n} line ends on every platform.
 * The writer streams: memory use does not grow with the number of contacts.
 *
 * <p><b>What is left out.</b> By default a field is omitted when a reader would restore the
 * same value without it, so that two million contacts stay small:
 * <ul>
 *   <li>always written: {@code schemaVersion}; the five collections (even when empty);
 *       district {@code id}, {@code timeZone}; school {@code id}; staff {@code id}, {@code role},
 *       {@code languages}; family {@code id}, {@code students}, {@code caregivers}; student and
 *       caregiver {@code id}; contact {@code id}, {@code familyId}, {@code at}, {@code direction},
 *       {@code channel}; commitment {@code id}, {@code familyId}, {@code madeAt}, {@code dueBy};
 *       meeting {@code id}, {@code familyId}, {@code kind}, {@code at};</li>
 *   <li>omitted when absent ({@code null}): district {@code name}, {@code schoolYearStart};
 *       school {@code name}; student {@code grade}, {@code schoolId}; caregiver
 *       {@code relationship}, {@code preference}; family {@code preference}; contact
 *       {@code studentId}, {@code staffId}, {@code caregiverId}, {@code schoolId},
 *       {@code broadcastId}, {@code topic}, {@code delivery}, {@code replyTo}; commitment
 *       {@code staffId}, {@code fulfilledBy}; meeting {@code studentId}, {@code caregiverId},
 *       {@code staffId}, {@code schoolId}, {@code status} and its four instants;</li>
 *   <li>omitted when they hold the contract's default: district {@code defaultLanguage}
 *       ({@code en}), {@code weekend} ({@code [SATURDAY, SUNDAY]}), {@code holidays} and
 *       {@code schools} (empty); preference {@code languages}, {@code channels}, {@code optOut},
 *       {@code reachable} (empty) and {@code interpreter} ({@code false}); caregiver
 *       {@code restriction} ({@code NONE}); family {@code groups} (empty); contact {@code mode}
 *       ({@code PERSONAL}), {@code interpretation} ({@code NONE}) and {@code awaitsReply}
 *       ({@code true} on an inbound contact; never written on an outbound one, where the
 *       contract ignores it); meeting {@code offeredTimes} (empty) and {@code interpretation}
 *       ({@code NONE});</li>
 *   <li>written when the source recorded them, even with the default value, so that they read
 *       back as recorded ({@link Contact.Recorded}), and otherwise only when they differ from the
 *       default: contact {@code tone} ({@code NEUTRAL}), {@code language} (the district's
 *       default language) and {@code delivered} ({@code true}). A contact with a
 *       {@code delivery} status has that written instead of {@code delivered}.</li>
 * </ul>
 * A family whose preference is present but empty is written as {@code "preference": {}},
 * which differs from an absent preference. Version 1's {@code interpreted} is never written:
 * {@code interpretation} says more. {@link #includingDefaults()} writes every field, absent ones
 * as {@code null}, except {@code delivered} beside a {@code delivery} status (a reader refuses the
 * two together).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DatasetWriter {
    private static final JsonFactory JSON = JsonFactory.builder()
            // write(dataset, out) flushes but leaves closing the caller's stream to the caller.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Two-space indents and "\n" everywhere, so pretty output does not depend on the platform. */
    private static final DefaultPrettyPrinter PRETTY_PRINTER = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private static final DatasetWriter COMPACT = new DatasetWriter(false, false);
    private static final DatasetWriter PRETTY = new DatasetWriter(true, false);

    private final boolean pretty;
    private final boolean defaults;

    private DatasetWriter(boolean pretty, boolean defaults) {
        this.pretty = pretty;
        this.defaults = defaults;
    }

    /** A writer of compact JSON (no whitespace) that omits default values. */
    public static DatasetWriter compact() {
        return COMPACT;
    }

    /** A writer of indented JSON that omits default values. */
    public static DatasetWriter pretty() {
        return PRETTY;
    }

    /** A writer like this one that also writes every default value, and absent fields as {@code null}. */
    public DatasetWriter includingDefaults() {
        return new DatasetWriter(pretty, true);
    }

    /**
     * Writes the dataset to {@code out} as UTF-8 and flushes it; the stream is left open.
     *
     * @throws IOException when the stream fails
     */
    public void write(Dataset dataset, OutputStream out) throws IOException {
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(out, "out must not be null");
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            if (pretty) {
                generator.setPrettyPrinter(PRETTY_PRINTER.createInstance());
            }
            new Emitter(generator, dataset.district(), defaults).dataset(dataset);
            generator.writeRaw('\n');
        }
        out.flush();
    }

    /**
     * Writes the dataset to a file, replacing any file already there in one step: it is written to
     * a temporary file in the same directory and moved over the old one, so a failed write (a full
     * disk, a file size limit) leaves the old file whole.
     *
     * @throws IOException when the file cannot be written
     */
    public void write(Dataset dataset, Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        AtomicFiles.write(file, out -> write(dataset, out));
    }

    /** The document as UTF-8 bytes. */
    public byte[] toBytes(Dataset dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            write(dataset, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return out.toByteArray();
    }

    /** The document as a string. */
    public String toJson(Dataset dataset) {
        return new String(toBytes(dataset), StandardCharsets.UTF_8);
    }

    /** One document's worth of writing: the generator and the state that speeds it up. */
    private static final class Emitter {
        private static final SerializableString SCHEMA_VERSION = name("schemaVersion");
        private static final SerializableString DISTRICT = name("district");
        private static final SerializableString STAFF = name("staff");
        private static final SerializableString FAMILIES = name("families");
        private static final SerializableString CONTACTS = name("contacts");
        private static final SerializableString COMMITMENTS = name("commitments");
        private static final SerializableString ID = name("id");
        private static final SerializableString NAME = name("name");
        private static final SerializableString TIME_ZONE = name("timeZone");
        private static final SerializableString DEFAULT_LANGUAGE = name("defaultLanguage");
        private static final SerializableString WEEKEND = name("weekend");
        private static final SerializableString HOLIDAYS = name("holidays");
        private static final SerializableString ROLE = name("role");
        private static final SerializableString LANGUAGES = name("languages");
        private static final SerializableString STUDENTS = name("students");
        private static final SerializableString GRADE = name("grade");
        private static final SerializableString SCHOOL_ID = name("schoolId");
        private static final SerializableString CAREGIVERS = name("caregivers");
        private static final SerializableString RELATIONSHIP = name("relationship");
        private static final SerializableString PREFERENCE = name("preference");
        private static final SerializableString CHANNELS = name("channels");
        private static final SerializableString OPT_OUT = name("optOut");
        private static final SerializableString REACHABLE = name("reachable");
        private static final SerializableString DAYS = name("days");
        private static final SerializableString FROM = name("from");
        private static final SerializableString TO = name("to");
        private static final SerializableString INTERPRETER = name("interpreter");
        private static final SerializableString GROUPS = name("groups");
        private static final SerializableString FAMILY_ID = name("familyId");
        private static final SerializableString STUDENT_ID = name("studentId");
        private static final SerializableString STAFF_ID = name("staffId");
        private static final SerializableString AT = name("at");
        private static final SerializableString DIRECTION = name("direction");
        private static final SerializableString CHANNEL = name("channel");
        private static final SerializableString MODE = name("mode");
        private static final SerializableString TONE = name("tone");
        private static final SerializableString LANGUAGE = name("language");
        private static final SerializableString DELIVERED = name("delivered");
        private static final SerializableString AWAITS_REPLY = name("awaitsReply");
        private static final SerializableString REPLY_TO = name("replyTo");
        private static final SerializableString MADE_AT = name("madeAt");
        private static final SerializableString DUE_BY = name("dueBy");
        private static final SerializableString FULFILLED_BY = name("fulfilledBy");
        private static final SerializableString MEETINGS = name("meetings");
        private static final SerializableString SCHOOL_YEAR_START = name("schoolYearStart");
        private static final SerializableString SCHOOLS = name("schools");
        private static final SerializableString RESTRICTION = name("restriction");
        private static final SerializableString CAREGIVER_ID = name("caregiverId");
        private static final SerializableString BROADCAST_ID = name("broadcastId");
        private static final SerializableString TOPIC = name("topic");
        private static final SerializableString INTERPRETATION = name("interpretation");
        private static final SerializableString DELIVERY = name("delivery");
        private static final SerializableString KIND = name("kind");
        private static final SerializableString STATUS = name("status");
        private static final SerializableString OFFERED_TIMES = name("offeredTimes");
        private static final SerializableString NOTICE_SENT_AT = name("noticeSentAt");
        private static final SerializableString INPUT_REQUESTED_AT = name("inputRequestedAt");
        private static final SerializableString INPUT_RECEIVED_AT = name("inputReceivedAt");
        private static final SerializableString DRAFT_SHARED_AT = name("draftSharedAt");

        private static final SerializableString[] DIRECTIONS = names(Direction.values());
        private static final SerializableString[] CHANNEL_NAMES = names(Channel.values());
        private static final SerializableString[] MODES = names(Mode.values());
        private static final SerializableString[] TONES = names(Tone.values());
        private static final SerializableString[] ROLES = names(StaffRole.values());
        private static final SerializableString[] DAY_NAMES = names(DayOfWeek.values());
        private static final SerializableString[] TOPICS = names(Topic.values());
        private static final SerializableString[] INTERPRETATIONS = names(Interpretation.values());
        private static final SerializableString[] DELIVERIES = names(Delivery.values());
        private static final SerializableString[] RESTRICTIONS = names(Restriction.values());
        private static final SerializableString[] MEETING_KINDS = names(MeetingKind.values());
        private static final SerializableString[] MEETING_STATUSES = names(MeetingStatus.values());

        private final JsonGenerator json;
        private final String defaultLanguage;
        private final boolean defaults;
        private final InstantText instants = new InstantText();

        Emitter(JsonGenerator json, District district, boolean defaults) {
            this.json = json;
            this.defaultLanguage = district.defaultLanguage();
            this.defaults = defaults;
        }

        void dataset(Dataset dataset) throws IOException {
            json.writeStartObject();
            json.writeFieldName(SCHEMA_VERSION);
            json.writeNumber(Dataset.SCHEMA_VERSION);
            json.writeFieldName(DISTRICT);
            district(dataset.district());
            json.writeFieldName(STAFF);
            json.writeStartArray();
            for (Staff member : dataset.staff()) {
                staff(member);
            }
            json.writeEndArray();
            json.writeFieldName(FAMILIES);
            json.writeStartArray();
            for (Family family : dataset.families()) {
                family(family);
            }
            json.writeEndArray();
            json.writeFieldName(CONTACTS);
            json.writeStartArray();
            for (Contact contact : dataset.contacts()) {
                contact(contact);
            }
            json.writeEndArray();
            json.writeFieldName(COMMITMENTS);
            json.writeStartArray();
            for (Commitment commitment : dataset.commitments()) {
                commitment(commitment);
            }
            json.writeEndArray();
            json.writeFieldName(MEETINGS);
            json.writeStartArray();
            for (Meeting meeting : dataset.meetings()) {
                meeting(meeting);
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private void district(District district) throws IOException {
            json.writeStartObject();
            string(ID, district.id());
            optionalString(NAME, district.name());
            string(TIME_ZONE, district.timeZone().getId());
            if (defaults || !District.DEFAULT_LANGUAGE.equals(district.defaultLanguage())) {
                string(DEFAULT_LANGUAGE, district.defaultLanguage());
            }
            if (defaults || !district.weekend().equals(District.DEFAULT_WEEKEND)) {
                json.writeFieldName(WEEKEND);
                days(district.weekend());
            }
            if (defaults || !district.holidays().isEmpty()) {
                json.writeFieldName(HOLIDAYS);
                json.writeStartArray();
                for (LocalDate holiday : district.holidays()) { // a SortedSet: in date order
                    json.writeString(holiday.toString());
                }
                json.writeEndArray();
            }
            optionalString(SCHOOL_YEAR_START, district.schoolYearStart() == null ? null
                    : district.schoolYearStart().toString());
            if (defaults || !district.schools().isEmpty()) {
                json.writeFieldName(SCHOOLS);
                json.writeStartArray();
                for (School school : district.schools()) {
                    json.writeStartObject();
                    string(ID, school.id());
                    optionalString(NAME, school.name());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }

        private void staff(Staff member) throws IOException {
            json.writeStartObject();
            string(ID, member.id());
            json.writeFieldName(ROLE);
            json.writeString(ROLES[member.role().ordinal()]);
            json.writeFieldName(LANGUAGES);
            strings(member.languages());
            json.writeEndObject();
        }

        private void family(Family family) throws IOException {
            json.writeStartObject();
            string(ID, family.id());
            json.writeFieldName(STUDENTS);
            json.writeStartArray();
            for (Student student : family.students()) {
                json.writeStartObject();
                string(ID, student.id());
                optionalString(GRADE, student.grade());
                optionalString(SCHOOL_ID, student.schoolId());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName(CAREGIVERS);
            json.writeStartArray();
            for (Caregiver caregiver : family.caregivers()) {
                json.writeStartObject();
                string(ID, caregiver.id());
                optionalString(RELATIONSHIP, caregiver.relationship());
                if (caregiver.preference() != null) {
                    json.writeFieldName(PREFERENCE);
                    preference(caregiver.preference());
                } else if (defaults) {
                    json.writeFieldName(PREFERENCE);
                    json.writeNull();
                }
                if (defaults || caregiver.restriction() != Restriction.NONE) {
                    json.writeFieldName(RESTRICTION);
                    json.writeString(RESTRICTIONS[caregiver.restriction().ordinal()]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            if (family.preference() != null) {
                json.writeFieldName(PREFERENCE);
                preference(family.preference());
            } else if (defaults) {
                json.writeFieldName(PREFERENCE);
                json.writeNull();
            }
            if (defaults || !family.groups().isEmpty()) {
                json.writeFieldName(GROUPS);
                json.writeStartObject();
                // Family keeps its groups in a sorted map: dimensions come out in name order.
                for (Map.Entry<String, String> group : family.groups().entrySet()) {
                    json.writeFieldName(group.getKey());
                    json.writeString(group.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }

        private void preference(Preference preference) throws IOException {
            json.writeStartObject();
            if (defaults || !preference.languages().isEmpty()) {
                json.writeFieldName(LANGUAGES);
                strings(preference.languages());
            }
            if (defaults || !preference.channels().isEmpty()) {
                json.writeFieldName(CHANNELS);
                json.writeStartArray();
                for (Channel channel : preference.channels()) { // ranked: keep the family's order
                    json.writeString(CHANNEL_NAMES[channel.ordinal()]);
                }
                json.writeEndArray();
            }
            if (defaults || !preference.optOut().isEmpty()) {
                json.writeFieldName(OPT_OUT);
                json.writeStartArray();
                for (Channel channel : Channel.values()) { // a set: declaration order, whatever its class
                    if (preference.optOut().contains(channel)) {
                        json.writeString(CHANNEL_NAMES[channel.ordinal()]);
                    }
                }
                json.writeEndArray();
            }
            if (defaults || !preference.reachable().isEmpty()) {
                json.writeFieldName(REACHABLE);
                json.writeStartArray();
                for (ReachableWindow window : preference.reachable()) {
                    json.writeStartObject();
                    json.writeFieldName(DAYS);
                    days(window.days());
                    // LocalTime.toString: "17:00", with seconds only when the time has them.
                    string(FROM, window.from().toString());
                    string(TO, window.to().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (defaults || preference.interpreter()) {
                json.writeFieldName(INTERPRETER);
                json.writeBoolean(preference.interpreter());
            }
            json.writeEndObject();
        }

        private void contact(Contact contact) throws IOException {
            json.writeStartObject();
            string(ID, contact.id());
            string(FAMILY_ID, contact.familyId());
            optionalString(STUDENT_ID, contact.studentId());
            optionalString(STAFF_ID, contact.staffId());
            optionalString(CAREGIVER_ID, contact.caregiverId());
            optionalString(SCHOOL_ID, contact.schoolId());
            optionalString(BROADCAST_ID, contact.broadcastId());
            instant(AT, contact.at());
            json.writeFieldName(DIRECTION);
            json.writeString(DIRECTIONS[contact.direction().ordinal()]);
            json.writeFieldName(CHANNEL);
            json.writeString(CHANNEL_NAMES[contact.channel().ordinal()]);
            if (defaults || contact.mode() != Mode.PERSONAL) {
                json.writeFieldName(MODE);
                json.writeString(MODES[contact.mode().ordinal()]);
            }
            // A value the source recorded is written even when it equals the default, so it reads back as recorded.
            if (defaults || contact.recorded().tone() || contact.tone() != Tone.NEUTRAL) {
                json.writeFieldName(TONE);
                json.writeString(TONES[contact.tone().ordinal()]);
            }
            optionalEnum(TOPIC, TOPICS, contact.topic());
            // A Dataset has already given a contact without a language the district default.
            String language = contact.language() == null ? defaultLanguage : contact.language();
            if (defaults || contact.recorded().language() || !language.equals(defaultLanguage)) {
                string(LANGUAGE, language);
            }
            interpretation(contact.interpretation());
            if (contact.delivery() != null) {
                // delivered follows from it, and a reader refuses the two together.
                json.writeFieldName(DELIVERY);
                json.writeString(DELIVERIES[contact.delivery().ordinal()]);
            } else {
                optionalEnum(DELIVERY, DELIVERIES, null);
                if (defaults || contact.recorded().delivery() || !contact.delivered()) {
                    json.writeFieldName(DELIVERED);
                    json.writeBoolean(contact.delivered());
                }
            }
            if (defaults || (contact.isInbound() && !contact.awaitsReply())) {
                json.writeFieldName(AWAITS_REPLY);
                json.writeBoolean(contact.awaitsReply());
            }
            optionalString(REPLY_TO, contact.replyTo());
            json.writeEndObject();
        }

        private void commitment(Commitment commitment) throws IOException {
            json.writeStartObject();
            string(ID, commitment.id());
            string(FAMILY_ID, commitment.familyId());
            optionalString(STAFF_ID, commitment.staffId());
            instant(MADE_AT, commitment.madeAt());
            instant(DUE_BY, commitment.dueBy());
            optionalString(FULFILLED_BY, commitment.fulfilledBy());
            json.writeEndObject();
        }

        private void meeting(Meeting meeting) throws IOException {
            json.writeStartObject();
            string(ID, meeting.id());
            string(FAMILY_ID, meeting.familyId());
            optionalString(STUDENT_ID, meeting.studentId());
            optionalString(CAREGIVER_ID, meeting.caregiverId());
            optionalString(STAFF_ID, meeting.staffId());
            optionalString(SCHOOL_ID, meeting.schoolId());
            json.writeFieldName(KIND);
            json.writeString(MEETING_KINDS[meeting.kind().ordinal()]);
            instant(AT, meeting.at());
            optionalEnum(STATUS, MEETING_STATUSES, meeting.status());
            if (defaults || !meeting.offeredTimes().isEmpty()) {
                json.writeFieldName(OFFERED_TIMES);
                json.writeStartArray();
                for (Instant offered : meeting.offeredTimes()) {
                    instantValue(offered);
                }
                json.writeEndArray();
            }
            interpretation(meeting.interpretation());
            optionalInstant(NOTICE_SENT_AT, meeting.noticeSentAt());
            optionalInstant(INPUT_REQUESTED_AT, meeting.inputRequestedAt());
            optionalInstant(INPUT_RECEIVED_AT, meeting.inputReceivedAt());
            optionalInstant(DRAFT_SHARED_AT, meeting.draftSharedAt());
            json.writeEndObject();
        }

        private void interpretation(Interpretation interpretation) throws IOException {
            if (defaults || interpretation != Interpretation.NONE) {
                json.writeFieldName(INTERPRETATION);
                json.writeString(INTERPRETATIONS[interpretation.ordinal()]);
            }
        }

        /** Absent values are left out, or written as {@code null} when defaults are wanted. */
        private void optionalEnum(SerializableString field, SerializableString[] names, Enum<?> value)
                throws IOException {
            if (value != null) {
                json.writeFieldName(field);
                json.writeString(names[value.ordinal()]);
            } else if (defaults) {
                json.writeFieldName(field);
                json.writeNull();
            }
        }

        private void optionalInstant(SerializableString field, Instant value) throws IOException {
            if (value != null) {
                instant(field, value);
            } else if (defaults) {
                json.writeFieldName(field);
                json.writeNull();
            }
        }

        private void string(SerializableString field, String value) throws IOException {
            json.writeFieldName(field);
            json.writeString(value);
        }

        /** Absent values are left out, or written as {@code null} when defaults are wanted. */
        private void optionalString(SerializableString field, String value) throws IOException {
            if (value != null) {
                string(field, value);
            } else if (defaults) {
                json.writeFieldName(field);
                json.writeNull();
            }
        }

        private void strings(List<String> values) throws IOException {
            json.writeStartArray();
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        }

        private void days(Set<DayOfWeek> days) throws IOException {
            json.writeStartArray();
            for (DayOfWeek day : DayOfWeek.values()) { // a set: MONDAY first, whatever its class
                if (days.contains(day)) {
                    json.writeString(DAY_NAMES[day.ordinal()]);
                }
            }
            json.writeEndArray();
        }

        private void instant(SerializableString field, Instant value) throws IOException {
            json.writeFieldName(field);
            instantValue(value);
        }

        private void instantValue(Instant value) throws IOException {
            char[] text = instants.format(value);
            if (text == null) {
                json.writeString(value.toString());
            } else {
                json.writeString(text, 0, instants.length());
            }
        }

        private static SerializableString name(String text) {
            return new SerializedString(text);
        }

        private static SerializableString[] names(Enum<?>[] values) {
            SerializableString[] names = new SerializableString[values.length];
            for (Enum<?> value : values) {
                names[value.ordinal()] = new SerializedString(value.name());
            }
            return names;
        }
    }

    /**
     * Formats instants exactly as {@link Instant#toString()} does, several times faster and
     * without garbage: with millions of contacts, {@code Instant.toString()} is most of the cost
     * of writing. Only years 1 to 9999 take this path; the caller falls back to
     * {@code Instant.toString()} for the rest. Contacts come in time order, so the date part
     * is reused while the day stays the same.
     */
    static final class InstantText {
        private static final long MIN_SECOND = LocalDate.of(1, 1, 1).toEpochDay() * 86_400L;
        private static final long MAX_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400L - 1;

        private final char[] text = new char[30]; // yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ
        private long day = Long.MIN_VALUE;
        private int length;

        /** The characters of {@code instant}, valid until the next call, or {@code null} outside years 1-9999. */
        char[] format(Instant instant) {
            long seconds = instant.getEpochSecond();
            if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
                return null;
            }
            long epochDay = Math.floorDiv(seconds, 86_400L);
            int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
            if (epochDay != day) {
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                digits(date.getYear(), 0, 4);
                text[4] = '-';
                digits(date.getMonthValue(), 5, 2);
                text[7] = '-';
                digits(date.getDayOfMonth(), 8, 2);
                text[10] = 'T';
                day = epochDay;
            }
            digits(secondOfDay / 3600, 11, 2);
            text[13] = ':';
            digits(secondOfDay / 60 % 60, 14, 2);
            text[16] = ':';
            digits(secondOfDay % 60, 17, 2);
            int end = 19;
            int nanos = instant.getNano();
            if (nanos != 0) {
                // Like ISO_INSTANT: as many groups of three fraction digits as needed.
                text[end++] = '.';
                if (nanos % 1_000_000 == 0) {
                    digits(nanos / 1_000_000, end, 3);
                    end += 3;
                } else if (nanos % 1_000 == 0) {
                    digits(nanos / 1_000, end, 6);
                    end += 6;
                } else {
                    digits(nanos, end, 9);
                    end += 9;
                }
            }
            text[end++] = 'Z';
            length = end;
            return text;
        }

        /** How many characters the last {@link #format} produced. */
        int length() {
            return length;
        }

        private void digits(int value, int at, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }
    }
}
