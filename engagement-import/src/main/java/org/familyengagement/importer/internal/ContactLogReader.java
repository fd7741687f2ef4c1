package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.familyengagement.errors.Problem;
import org.familyengagement.importer.internal.LogMapping.Field;
import org.familyengagement.importer.internal.LogMapping.FieldSpec;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;

/**
 * Streams one contact log (CSV, one row per delivery or contact) through its mapping into
 * contacts joined to the roster. Each problem names {@code file:line:column} and the column; the
 * whole file is read, so that every problem is found in one run. Only mapped columns are read: a
 * name, a phone number or a note in another column never leaves the parser.
 */
final class ContactLogReader {
    /** What to do with a row that names a family, student, caregiver or staff member the roster lacks. */
    enum Unjoinable { ERROR, SKIP }

    private final Path file;
    private final java.time.ZoneId zone;
    private final String name;
    private final LogMapping mapping;
    private final Roster roster;
    private final boolean staffFromLogs;
    private final java.util.function.Predicate<String> unknownSchool;
    private final Unjoinable unjoinable;
    private final Problems problems;
    private final ContactSink sink;
    private int skippedUnjoinable;
    private int skippedByRule;

    /** One field bound to the header: the indexes of its columns, and how to convert a cell. */
    private static final class Bound {
        final FieldSpec spec;
        final int[] indexes;
        final Map<String, Object> exact;
        final Map<String, Object> folded;
        final Timestamps timestamps;

        Bound(FieldSpec spec, int[] indexes, java.time.ZoneId zone) {
            this.spec = spec;
            this.indexes = indexes;
            this.timestamps = spec.field == Field.AT ? spec.timestamps(zone) : null;
            this.exact = new HashMap<>(spec.map);
            this.folded = new HashMap<>();
            for (Map.Entry<String, Object> entry : spec.map.entrySet()) {
                folded.put(fold(entry.getKey()), entry.getValue());
            }
        }
    }

    ContactLogReader(Path file, java.time.ZoneId zone, String name, LogMapping mapping, Roster roster, boolean staffFromLogs,
                     java.util.function.Predicate<String> unknownSchool, Unjoinable unjoinable, Problems problems,
                     ContactSink sink) {
        this.file = file;
        this.zone = zone;
        this.name = name;
        this.mapping = mapping;
        this.roster = roster;
        this.staffFromLogs = staffFromLogs;
        this.unknownSchool = unknownSchool;
        this.unjoinable = unjoinable;
        this.problems = problems;
        this.sink = sink;
    }

    int skippedUnjoinable() {
        return skippedUnjoinable;
    }

    int skippedByRule() {
        return skippedByRule;
    }

    /** Reads the whole file; returns the number of contacts it gave. */
    int read() {
        ContactSink.Source origin = new ContactSink.Source(file, name, false);
        int source = sink.source(origin);
        int before = sink.contacts.size();
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                problems.add(Problems.name(file), "is a directory, not a CSV file");
                return 0;
            }
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            problems.add(Problems.name(file), "no such file");
            return 0;
        } catch (IOException e) {
            problems.add(Problems.name(file), "cannot be read: " + Texts.reason(e));
            return 0;
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(mapping.delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        try (Reader reader = new DecodingReader(in, mapping.charset);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(Problems.at(file, 1, 0), "the file is empty; expected a header row naming the columns");
                return 0;
            }
            CSVRecord header = records.next();
            Map<Field, Bound> bound = bind(header);
            if (bound != null) {
                for (Bound b : bound.values()) {
                    if (b.indexes.length > 0) {
                        origin.columns.put(b.spec.field.camel(), b.indexes[0] + 1);
                    }
                }
            }
            int[] skipIndexes = skipIndexes(header);
            if (bound == null || skipIndexes == null) {
                return 0;
            }
            long line = parser.getCurrentLineNumber();
            int rows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                // A row's line is where it starts; a quoted cell may span lines.
                rows++;
                row(record, start, bound, skipIndexes, header.size(), source);
            }
            if (rows == 0) {
                problems.add(Problems.at(file, 2, 0), "the file has a header but no rows");
            }
        } catch (DecodingReader.BadEncoding e) {
            problems.add(Problems.at(file, e.line, e.column), String.format(Locale.ROOT,
                    "the file is not %s text: byte 0x%02X cannot be decoded; save it as %s, or set csv.encoding in "
                            + "the mapping to the encoding it was saved in (such as windows-1252)",
                    mapping.charset.name(), e.badByte, mapping.charset.name()));
        } catch (UncheckedIOException | IOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            if (cause instanceof DecodingReader.BadEncoding bad) {
                problems.add(Problems.at(file, bad.line, bad.column), String.format(Locale.ROOT,
                        "the file is not %s text: byte 0x%02X cannot be decoded; save it as %s, or set csv.encoding "
                                + "in the mapping to the encoding it was saved in (such as windows-1252)",
                        mapping.charset.name(), bad.badByte, mapping.charset.name()));
            } else {
                problems.add(Problems.name(file), "malformed CSV: " + csvReason(cause));
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(Problems.name(file), "malformed CSV: " + Texts.firstLine(e.getMessage()));
        }
        return sink.contacts.size() - before;
    }

    /** Commons CSV's reason, which names the line, without the excerpt of the text around it. */
    private static String csvReason(IOException e) {
        String message = Texts.firstLine(e.getMessage());
        int excerpt = message.indexOf(" around ");
        return excerpt > 0 ? message.substring(0, excerpt) : message;
    }

    private Map<Field, Bound> bind(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            names.add(column);
            Integer first = columns.putIfAbsent(column, i);
            if (first != null && !column.isEmpty()) {
                problems.add(Problems.at(file, 1, i + 1), "the column " + Problem.quote(column)
                        + " appears twice in the header (columns " + (first + 1) + " and " + (i + 1) + ")");
                ok = false;
            }
        }
        Map<Field, Bound> bound = new EnumMap<>(Field.class);
        for (FieldSpec spec : mapping.fields.values()) {
            int[] indexes = new int[spec.columns.size()];
            for (int i = 0; i < indexes.length; i++) {
                String wanted = spec.columns.get(i);
                Integer index = columns.get(wanted);
                if (index == null) {
                    problems.add(Problems.at(file, 1, 0), "no column " + Problem.quote(wanted) + " for "
                            + spec.field.camel() + " (mapping " + Problems.at(mapping.file, spec.node) + ")"
                            + Texts.didYouMean(wanted, names) + "; the header has: " + String.join(", ", quoted(names)));
                    ok = false;
                } else {
                    indexes[i] = index;
                }
            }
            bound.put(spec.field, new Bound(spec, indexes, zone));
        }
        return ok ? bound : null;
    }

    private int[] skipIndexes(CSVRecord header) {
        List<String> names = new ArrayList<>();
        for (String column : header) {
            names.add(column.strip());
        }
        int[] indexes = new int[mapping.skip.size()];
        int i = 0;
        boolean ok = true;
        for (String column : mapping.skip.keySet()) {
            indexes[i] = names.indexOf(column);
            if (indexes[i] < 0) {
                problems.add(Problems.at(file, 1, 0), "no column " + Problem.quote(column) + " for skip (mapping "
                        + Problems.name(mapping.file) + ")" + Texts.didYouMean(column, names));
                ok = false;
            }
            i++;
        }
        return ok ? indexes : null;
    }

    private static List<String> quoted(List<String> names) {
        List<String> quoted = new ArrayList<>(names.size());
        for (String name : names) {
            quoted.add(Problem.quote(name));
        }
        return quoted;
    }

    // ---- one row ----------------------------------------------------------------------------------

    private int rowProblems;
    private boolean rowUnjoinable;
    private long rowLine;

    private void row(CSVRecord record, long line, Map<Field, Bound> bound, int[] skipIndexes, int width, int source) {
        rowProblems = 0;
        rowUnjoinable = false;
        rowLine = line;
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        int i = 0;
        for (List<String> values : mapping.skip.values()) {
            int index = skipIndexes[i++];
            if (index < record.size() && values.contains(fold(record.get(index)))) {
                skippedByRule++;
                return;
            }
        }
        if (record.size() < width) {
            for (Bound b : bound.values()) {
                for (int index : b.indexes) {
                    if (index >= record.size()) {
                        problem(index, "the row has " + record.size() + (record.size() == 1 ? " field" : " fields")
                                + " and the header " + width + ": no value for column " + (index + 1));
                        return;
                    }
                }
            }
        }
        Instant at = instant(record, bound.get(Field.AT));
        Direction direction = enumValue(record, bound.get(Field.DIRECTION), Direction.class);
        Channel channel = enumValue(record, bound.get(Field.CHANNEL), Channel.class);
        Mode mode = enumValue(record, bound.get(Field.MODE), Mode.class);
        Tone tone = enumValue(record, bound.get(Field.TONE), Tone.class);
        Topic topic = enumValue(record, bound.get(Field.TOPIC), Topic.class);
        Interpretation interpretation = enumValue(record, bound.get(Field.INTERPRETATION), Interpretation.class);
        Delivery delivery = enumValue(record, bound.get(Field.DELIVERY), Delivery.class);
        Boolean delivered = bool(record, bound.get(Field.DELIVERED));
        Boolean awaitsReply = bool(record, bound.get(Field.AWAITS_REPLY));
        String language = language(record, bound.get(Field.LANGUAGE));
        String id = id(record, bound.get(Field.ID));
        String replyTo = text(record, bound.get(Field.REPLY_TO));
        String broadcastId = text(record, bound.get(Field.BROADCAST_ID));
        String schoolId = text(record, bound.get(Field.SCHOOL_ID));

        Bound familyField = bound.get(Field.FAMILY_ID);
        Bound studentField = bound.get(Field.STUDENT_ID);
        Bound caregiverField = bound.get(Field.CAREGIVER_ID);
        Bound staffField = bound.get(Field.STAFF_ID);
        String familyGiven = text(record, familyField);
        String studentId = text(record, studentField);
        String caregiverId = text(record, caregiverField);
        String staffGiven = text(record, staffField);
        // Every id the row gives is checked before it joins the roster or makes a contact.
        if (!(isId(bound.get(Field.ID), id) & isId(bound.get(Field.REPLY_TO), replyTo)
                & isId(bound.get(Field.BROADCAST_ID), broadcastId) & isId(bound.get(Field.SCHOOL_ID), schoolId)
                & isId(familyField, familyGiven) & isId(studentField, studentId) & isId(caregiverField, caregiverId)
                & isId(staffField, staffGiven))) {
            return;
        }
        String familyId = join(familyGiven, familyField, studentId, studentField, caregiverId, caregiverField);
        String staffId = null;
        if (staffGiven != null) {
            staffId = roster.staff(staffGiven);
            if (staffId == null) {
                if (staffFromLogs) {
                    staffId = roster.addStaff(staffGiven);
                } else {
                    unjoinable(staffField, "no staff member " + Problem.quote(staffGiven) + " in the roster");
                }
            }
        }
        if (schoolId != null && unknownSchool.test(schoolId)) {
            unjoinable(bound.get(Field.SCHOOL_ID), "no school " + Problem.quote(schoolId) + " among the district's schools");
        }
        if (at == null || direction == null || channel == null) {
            if (rowProblems == 0 && !rowUnjoinable) {
                problem(-1, "the row has no at, direction or channel");
            }
        }
        if (rowUnjoinable && rowProblems == 0) {
            skippedUnjoinable++;
            return;
        }
        if (rowProblems > 0 || rowUnjoinable || familyId == null) {
            return;
        }
        if (id == null) {
            id = name + "-" + line;
            if (!problems.isId(Problems.at(file, rowLine, 0), "id (the log's name and line)", id)) {
                return;
            }
        }
        Contact.Builder contact = Contact.builder(id, familyId, at, direction, channel)
                .studentId(studentId)
                .caregiverId(caregiverId)
                .staffId(staffId)
                .schoolId(schoolId)
                .replyTo(replyTo)
                .tone(tone)
                .topic(topic)
                .language(language)
                .interpretation(interpretation);
        if (mode != null) {
            contact.mode(mode);
            // The contract allows a broadcast id only on broadcast and reciprocal contacts.
            if (mode != Mode.PERSONAL) {
                contact.broadcastId(broadcastId);
            }
        }
        if (delivery != null) {
            contact.delivery(delivery);
        } else if (delivered != null) {
            contact.delivered(delivered);
        }
        if (awaitsReply != null) {
            contact.awaitsReply(awaitsReply);
        }
        sink.add(contact.build(), source, line);
    }

    /**
     * The family a row joins: its familyId, else its student's family, else its caregiver's (when
     * the caregiver is in one family only); a named student or caregiver must belong to it.
     */
    private String join(String familyGiven, Bound familyField, String studentId, Bound studentField,
                        String caregiverId, Bound caregiverField) {
        String familyId = null;
        if (familyGiven != null) {
            familyId = roster.family(familyGiven);
            if (familyId == null) {
                unjoinable(familyField, "no family " + Problem.quote(familyGiven) + " in the roster");
                return null;
            }
        }
        if (studentId != null) {
            String ofStudent = roster.familyOfStudent.get(studentId);
            if (ofStudent == null) {
                unjoinable(studentField, "no student " + Problem.quote(studentId) + " in the roster");
                return null;
            }
            if (familyId != null && !familyId.equals(ofStudent)) {
                unjoinable(studentField, "student " + Problem.quote(studentId) + " is in family "
                        + Problem.quote(ofStudent) + ", not " + Problem.quote(familyId));
                return null;
            }
            familyId = ofStudent;
        }
        if (caregiverId != null) {
            Object families = roster.familiesOfCaregiver.get(caregiverId);
            if (families == null) {
                unjoinable(caregiverField, "no caregiver " + Problem.quote(caregiverId) + " in the roster");
                return null;
            }
            if (familyId != null) {
                Family family = roster.familyById.get(familyId);
                Caregiver caregiver = family.caregiver(caregiverId);
                if (caregiver == null) {
                    unjoinable(caregiverField, "caregiver " + Problem.quote(caregiverId) + " is not a caregiver of family "
                            + Problem.quote(familyId));
                    return null;
                }
            } else if (families instanceof String only) {
                familyId = only;
            } else {
                problem(caregiverField.indexes[0], "caregiver " + Problem.quote(caregiverId) + " belongs to "
                        + ((List<?>) families).size() + " families; map studentId or familyId too, to say which");
                return null;
            }
        }
        if (familyId == null && familyGiven == null && studentId == null && caregiverId == null) {
            int column = firstIndex(familyField, studentField, caregiverField);
            problem(column, "no family, student or caregiver: the row's "
                    + String.join(", ", columnNames(familyField, studentField, caregiverField)) + " are empty");
        }
        return familyId;
    }

    private static int firstIndex(Bound... bounds) {
        for (Bound b : bounds) {
            if (b != null && b.indexes.length > 0) {
                return b.indexes[0];
            }
        }
        return -1;
    }

    private static List<String> columnNames(Bound... bounds) {
        List<String> names = new ArrayList<>();
        for (Bound b : bounds) {
            if (b != null) {
                for (String column : b.spec.columns) {
                    names.add(Problem.quote(column));
                }
            }
        }
        return names;
    }

    // ---- cells ------------------------------------------------------------------------------------

    /** The raw cell of a one-column field, stripped; {@code null} for an empty cell. */
    private static String cell(CSVRecord record, Bound b) {
        String value = record.get(b.indexes[0]);
        if (value.isEmpty()) {
            return null;
        }
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (first <= ' ' || last <= ' ') {
            value = value.strip();
            return value.isEmpty() ? null : value;
        }
        return value;
    }

    /** The mapped value of a cell: the map's value, {@link LogMapping#NOT_RECORDED}, or {@code null} when unmapped. */
    private static Object mapped(Bound b, String cell) {
        if (b.exact.isEmpty()) {
            return null;
        }
        Object value = b.exact.get(cell);
        return value != null ? value : b.folded.get(fold(cell));
    }

    private String text(CSVRecord record, Bound b) {
        if (b == null) {
            return null;
        }
        if (b.spec.constant != null) {
            return (String) b.spec.constant;
        }
        String cell = cell(record, b);
        if (cell == null) {
            return (String) b.spec.otherwise;
        }
        Object value = mapped(b, cell);
        if (value == LogMapping.NOT_RECORDED) {
            return null;
        }
        return value != null ? (String) value : cell;
    }

    private String id(CSVRecord record, Bound b) {
        if (b == null) {
            return null;
        }
        if (b.spec.template == null) {
            String id = text(record, b);
            if (id == null) {
                problem(b.indexes.length > 0 ? b.indexes[0] : -1, "empty id in column "
                        + Problem.quote(b.spec.columns.get(0)));
            }
            return id;
        }
        String template = b.spec.template;
        StringBuilder id = new StringBuilder(template.length() + 16);
        int column = 0;
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch == '{') {
                int close = template.indexOf('}', i);
                String value = record.get(b.indexes[column]).strip();
                id.append(value);
                column++;
                i = close + 1;
            } else {
                id.append(ch);
                i++;
            }
        }
        return id.toString();
    }

    private <E extends Enum<E>> E enumValue(CSVRecord record, Bound b, Class<E> type) {
        if (b == null) {
            return null;
        }
        if (b.spec.constant != null) {
            return type.cast(b.spec.constant);
        }
        String cell = cell(record, b);
        if (cell == null) {
            return type.cast(b.spec.otherwise);
        }
        Object value = mapped(b, cell);
        if (value == LogMapping.NOT_RECORDED) {
            return null;
        }
        if (value != null) {
            return type.cast(value);
        }
        E constant = Enums.find(type, cell);
        if (constant == null) {
            unknownValue(b, cell, Enums.names(type));
        }
        return constant;
    }

    private Boolean bool(CSVRecord record, Bound b) {
        if (b == null) {
            return null;
        }
        if (b.spec.constant != null) {
            return (Boolean) b.spec.constant;
        }
        String cell = cell(record, b);
        if (cell == null) {
            return (Boolean) b.spec.otherwise;
        }
        Object value = mapped(b, cell);
        if (value == LogMapping.NOT_RECORDED) {
            return null;
        }
        if (value != null) {
            return (Boolean) value;
        }
        Boolean parsed = LogMapping.bool(cell);
        if (parsed == null) {
            unknownValue(b, cell, List.of("true", "false", "yes", "no"));
        }
        return parsed;
    }

    private String language(CSVRecord record, Bound b) {
        if (b == null) {
            return null;
        }
        if (b.spec.constant != null) {
            return (String) b.spec.constant;
        }
        String cell = cell(record, b);
        if (cell == null) {
            return (String) b.spec.otherwise;
        }
        Object value = mapped(b, cell);
        if (value == LogMapping.NOT_RECORDED) {
            return null;
        }
        if (value != null) {
            return (String) value;
        }
        if (!b.exact.isEmpty() || !LanguageTags.isWellFormed(cell)) {
            unknownValue(b, cell, List.of());
            return null;
        }
        return cell;
    }

    private Instant instant(CSVRecord record, Bound b) {
        if (b == null) {
            return null;
        }
        String text;
        if (b.indexes.length == 1) {
            text = cell(record, b);
        } else {
            StringBuilder joined = new StringBuilder();
            for (int index : b.indexes) {
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                joined.append(record.get(index).strip());
            }
            text = joined.toString().isBlank() ? null : joined.toString();
        }
        if (text == null) {
            problem(b.indexes[0], "empty " + describe(b) + ": at is required");
            return null;
        }
        Instant at = b.timestamps.parse(text);
        if (at == null) {
            problem(b.indexes[0], Problem.quote(text) + " in " + describe(b) + " is not " + b.timestamps.expected());
        }
        return at;
    }

    private static String describe(Bound b) {
        return b.spec.columns.size() == 1 ? "column " + Problem.quote(b.spec.columns.get(0))
                : "columns " + String.join(" + ", quoted(b.spec.columns));
    }

    private void unknownValue(Bound b, String cell, List<String> allowed) {
        List<String> known = b.spec.map.isEmpty() ? allowed : new ArrayList<>(b.spec.map.keySet());
        String what = b.spec.field.kind == LogMapping.Kind.LANGUAGE && b.spec.map.isEmpty()
                ? Problem.quote(cell) + " in " + describe(b) + " is not a well-formed BCP 47 language tag; map it "
                        + "(map: {Spanish: es}) in the mapping"
                : Texts.unknown("value", cell, known) + " (" + describe(b) + ", for " + b.spec.field.camel() + ")"
                        + (b.spec.map.isEmpty() ? "" : "; add it to the map in " + Problems.at(mapping.file, b.spec.node));
        problem(b.indexes[0], what);
    }

    /** True when {@code value} (absent: {@code null}) can be an id; otherwise a problem at its cell. */
    private boolean isId(Bound b, String value) {
        if (value == null || problems.isId(Problems.at(file, rowLine, b.indexes.length == 0 ? 0 : b.indexes[0] + 1L),
                b.spec.field.camel(), value)) {
            return true;
        }
        rowProblems++;
        return false;
    }

    private void problem(int index, String message) {
        rowProblems++;
        problems.add(Problems.at(file, rowLine, index + 1L), message);
    }

    private void unjoinable(Bound b, String message) {
        rowUnjoinable = true;
        String at = Problems.at(file, rowLine, b == null || b.indexes.length == 0 ? 0 : b.indexes[0] + 1L);
        if (unjoinable == Unjoinable.ERROR) {
            problems.add(at, message);
        } else {
            problems.warn(at, message + "; row skipped");
        }
    }

    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
