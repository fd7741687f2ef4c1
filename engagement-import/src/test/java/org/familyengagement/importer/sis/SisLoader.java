package org.familyengagement.importer.sis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.School;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Student;

/**
 * Fills the SIS schema of {@code examples/data/sis/V1__sis_schema.sql} from a dataset, as
 * portable INSERT statements (one per line, up to 500 rows each) that H2 and PostgreSQL both run.
 * A value the dataset only defaulted (a tone, a language, a delivery not recorded) is written as
 * NULL, so that the database gives back the same dataset. {@link #main} writes the example's
 * {@code examples/data/sis/sample-district.sql.gz}.
 */
public final class SisLoader {
    private static final int BATCH = 500;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private SisLoader() {
    }

    /** Regenerates the example's data: {@code SisLoader examples/data/sample-district.json examples/data/sis/sample-district.sql.gz}. */
    public static void main(String[] args) throws IOException {
        Dataset dataset = DatasetReader.read(Path.of(args[0]));
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(Path.of(args[1]))), StandardCharsets.UTF_8))) {
            statements(dataset, line -> {
                try {
                    out.write(line);
                    out.write(";\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Runs the statements on a connection whose schema is migrated. */
    public static void load(Dataset dataset, Connection connection) throws SQLException {
        List<String> all = new ArrayList<>();
        statements(dataset, all::add);
        try (Statement statement = connection.createStatement()) {
            for (String sql : all) {
                statement.execute(sql);
            }
        }
    }

    /** The INSERT statements, without their terminating semicolons, in dependency order. */
    public static void statements(Dataset dataset, Consumer<String> out) {
        District district = dataset.district();
        StringJoiner weekend = new StringJoiner(",");
        district.weekend().stream().sorted().map(DayOfWeek::name).forEach(weekend::add);
        insert(out, "district", "id, name, time_zone, default_language, school_year_start, weekend",
                List.of(row(text(district.id()), text(district.name()), text(district.timeZone().getId()),
                        text(district.defaultLanguage()), date(district.schoolYearStart()), text(weekend.toString()))));
        List<String> rows = new ArrayList<>();
        for (LocalDate holiday : district.holidays()) {
            rows.add(row(date(holiday)));
        }
        insert(out, "district_holidays", "holiday", rows);
        rows = new ArrayList<>();
        for (School school : district.schools()) {
            rows.add(row(text(school.id()), Integer.toString(rows.size()), text(school.name())));
        }
        insert(out, "schools", "id, position, name", rows);
        rows = new ArrayList<>();
        for (Staff member : dataset.staff()) {
            rows.add(row(text(member.id()), Integer.toString(rows.size()), text(member.role().name()),
                    list(member.languages())));
        }
        insert(out, "staff", "id, position, role, languages", rows);
        List<String> households = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> students = new ArrayList<>();
        List<String> guardians = new ArrayList<>();
        List<String> preferences = new ArrayList<>();
        List<String> reachable = new ArrayList<>();
        int studentPosition = 0;
        for (Family family : dataset.families()) {
            households.add(row(text(family.id()), Integer.toString(households.size())));
            family.groups().forEach((dimension, label) -> groups.add(row(text(family.id()), text(dimension), text(label))));
            for (Student student : family.students()) {
                students.add(row(text(student.id()), text(family.id()), Integer.toString(studentPosition++),
                        text(student.grade()), text(student.schoolId())));
            }
            int position = 0;
            for (Caregiver caregiver : family.caregivers()) {
                guardians.add(row(text(caregiver.id()), text(family.id()), Integer.toString(position++),
                        text(caregiver.relationship()), text(caregiver.restriction().name())));
                preference(family.id(), caregiver.id(), caregiver.preference(), preferences, reachable);
            }
            preference(family.id(), null, family.preference(), preferences, reachable);
        }
        insert(out, "households", "id, position", households);
        insert(out, "household_groups", "household_id, dimension, label", groups);
        insert(out, "students", "id, household_id, position, grade, school_id", students);
        insert(out, "guardians", "id, household_id, position, relationship, restriction", guardians);
        insert(out, "contact_preferences", "household_id, guardian_id, languages, channels, opt_out, interpreter",
                preferences);
        insert(out, "reachable_hours", "household_id, guardian_id, position, days, from_time, to_time", reachable);
        rows = new ArrayList<>();
        for (Contact contact : dataset.contacts()) {
            Contact.Recorded recorded = contact.recorded();
            rows.add(row(text(contact.id()), Integer.toString(rows.size()), text(contact.familyId()),
                    text(contact.studentId()), text(contact.staffId()), text(contact.caregiverId()),
                    text(contact.schoolId()), text(contact.broadcastId()), instant(contact.at()),
                    text(contact.direction().name()), text(contact.channel().name()), text(contact.mode().name()),
                    recorded.tone() ? text(contact.tone().name()) : "NULL",
                    contact.topic() == null ? "NULL" : text(contact.topic().name()),
                    recorded.language() ? text(contact.language()) : "NULL",
                    text(contact.interpretation().name()),
                    contact.delivery() == null ? "NULL" : text(contact.delivery().name()),
                    contact.delivery() == null && recorded.delivery() && contact.isOutbound()
                            ? Boolean.toString(contact.delivered()).toUpperCase() : "NULL",
                    contact.isInbound() ? Boolean.toString(contact.awaitsReply()).toUpperCase() : "NULL",
                    text(contact.replyTo())));
        }
        insert(out, "contact_log", "id, position, household_id, student_id, staff_id, guardian_id, school_id, "
                + "broadcast_id, contacted_at, direction, channel, contact_mode, tone, topic, language, interpretation, "
                + "delivery, delivered, awaits_reply, reply_to", rows);
        rows = new ArrayList<>();
        for (Commitment commitment : dataset.commitments()) {
            rows.add(row(text(commitment.id()), Integer.toString(rows.size()), text(commitment.familyId()),
                    text(commitment.staffId()), instant(commitment.madeAt()), instant(commitment.dueBy()),
                    text(commitment.fulfilledBy())));
        }
        insert(out, "promises", "id, position, household_id, staff_id, made_at, due_by, fulfilled_by", rows);
        rows = new ArrayList<>();
        for (Meeting meeting : dataset.meetings()) {
            StringJoiner offered = new StringJoiner(",");
            meeting.offeredTimes().forEach(t -> offered.add(t.toString()));
            rows.add(row(text(meeting.id()), Integer.toString(rows.size()), text(meeting.familyId()),
                    text(meeting.studentId()), text(meeting.caregiverId()), text(meeting.staffId()),
                    text(meeting.schoolId()), text(meeting.kind().name()), instant(meeting.at()),
                    meeting.status() == null ? "NULL" : text(meeting.status().name()),
                    meeting.offeredTimes().isEmpty() ? "NULL" : text(offered.toString()),
                    text(meeting.interpretation().name()), instant(meeting.noticeSentAt()),
                    instant(meeting.inputRequestedAt()), instant(meeting.inputReceivedAt()),
                    instant(meeting.draftSharedAt())));
        }
        insert(out, "meetings", "id, position, household_id, student_id, guardian_id, staff_id, school_id, kind, "
                + "scheduled_at, status, offered_times, interpretation, notice_sent_at, input_requested_at, "
                + "input_received_at, draft_shared_at", rows);
    }

    private static void preference(String family, String caregiver, Preference preference, List<String> preferences,
                                   List<String> reachable) {
        if (preference == null) {
            return;
        }
        preferences.add(row(text(family), text(caregiver), list(preference.languages()),
                list(preference.channels().stream().map(Enum::name).toList()),
                list(preference.optOut().stream().sorted().map(Enum::name).toList()),
                Boolean.toString(preference.interpreter()).toUpperCase()));
        int position = 0;
        for (ReachableWindow window : preference.reachable()) {
            reachable.add(row(text(family), text(caregiver), Integer.toString(position++),
                    text(String.join(",", window.days().stream().sorted().map(DayOfWeek::name).toList())),
                    time(window.from()), time(window.to())));
        }
    }

    private static void insert(Consumer<String> out, String table, String columns, List<String> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            out.accept("INSERT INTO " + table + " (" + columns + ") VALUES "
                    + String.join(",", rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
    }

    private static String row(String... values) {
        return "(" + String.join(",", values) + ")";
    }

    private static String text(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private static String list(Collection<String> values) {
        return values.isEmpty() ? "NULL" : text(String.join(",", values));
    }

    private static String date(LocalDate value) {
        return value == null ? "NULL" : "DATE '" + value + "'";
    }

    private static String time(LocalTime value) {
        return "TIME '" + value + (value.getSecond() == 0 && value.getNano() == 0 ? ":00" : "") + "'";
    }

    private static String instant(Instant value) {
        return value == null ? "NULL" : "TIMESTAMP WITH TIME ZONE '" + INSTANT.format(value) + "'";
    }
}
