package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.errors.Problem;
import org.familyengagement.internal.References;
import org.familyengagement.importer.internal.LogMapping.Field;
import org.familyengagement.importer.internal.LogMapping.FieldSpec;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
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
 *
 * <p>Two million rows are its business, so a row allocates little: a cell that names a roster id is
 * looked up straight from the reader's characters and the contact shares the roster's string; an
 * enum, boolean or language cell is converted once per distinct value; a school or broadcast id is
 * one string per distinct value. Each contact's own references are checked here, once, and the
 * contact goes to the sink with its family's position ({@link ContactSink#addChecked}), so the
 * dataset does not check them again.
 */
final class ContactLogReader {
    /** What to do with a row that names a family, student, caregiver or staff member the roster lacks. */
    enum Unjoinable { ERROR, SKIP }

    /** Distinct values a field remembers the conversion of, at most: past them, each cell is converted. */
    private static final int MAX_REMEMBERED = 4096;

    private final Path file;
    private final java.time.ZoneId zone;
    private final District district;
    /** The district's default language, which contacts without one get; {@code null} when it is not well-formed. */
    private final String defaultLanguage;
    private final String name;
    private final LogMapping mapping;
    private final Roster roster;
    private final boolean staffFromLogs;
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
        /** Raw cells whose conversion is remembered, each with its position in {@link #remembered}. */
        private final IdLookup cells = new IdLookup();
        private final List<Object> remembered = new ArrayList<>();

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

        /** The remembered conversion of the cell in the reader's record, or {@link #UNKNOWN}. */
        Object recall(CsvReader csv) {
            int index = indexes[0];
            int slot = cells.slot(csv.chars(), csv.start(index), csv.end(index));
            return slot < 0 ? UNKNOWN : remembered.get(cells.value(slot));
        }

        /** Remembers a cell's conversion, which must depend on the cell alone and have found no problem. */
        void remember(String cell, Object value) {
            if (remembered.size() < MAX_REMEMBERED) {
                cells.put(cell, remembered.size());
                remembered.add(value);
            }
        }
    }

    /** {@link Bound#recall}'s "not remembered". */
    private static final Object UNKNOWN = new Object();

    /** @param district the district the contacts are judged in: its zone, schools and default language */
    ContactLogReader(Path file, District district, String name, LogMapping mapping, Roster roster,
                     boolean staffFromLogs, Unjoinable unjoinable, Problems problems, ContactSink sink) {
        this.file = file;
        this.zone = district.timeZone();
        this.district = district;
        this.defaultLanguage = LanguageTags.isWellFormed(district.defaultLanguage()) ? district.defaultLanguage() : null;
        this.name = name;
        this.mapping = mapping;
        this.roster = roster;
        this.staffFromLogs = staffFromLogs;
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
        try (Reader reader = new DecodingReader(in, mapping.charset);
             CsvReader parser = new CsvReader(reader, mapping.delimiter)) {
            csv = parser;
            if (!parser.next()) {
                problems.add(Problems.at(file, 1, 0), "the file is empty; expected a header row naming the columns");
                return 0;
            }
            List<String> header = new ArrayList<>(parser.size());
            for (int i = 0; i < parser.size(); i++) {
                header.add(parser.get(i));
            }
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
            Bound[] byField = new Bound[Field.values().length];
            bound.forEach((field, b) -> byField[field.ordinal()] = b);
            long line = parser.lineNumber();
            int rows = 0;
            while (parser.next()) {
                // A row's line is where it starts (a quoted cell may span lines): as Commons CSV counted it.
                long start = line + 1;
                line = parser.lineNumber();
                rows++;
                row(start, byField, bound, skipIndexes, header.size(), source);
            }
            if (rows == 0) {
                problems.add(Problems.at(file, 2, 0), "the file has a header but no rows");
            }
        } catch (DecodingReader.BadEncoding e) {
            problems.add(Problems.at(file, e.line, e.column), String.format(Locale.ROOT,
                    "the file is not %s text: byte 0x%02X cannot be decoded; save it as %s, or set csv.encoding in "
                            + "the mapping to the encoding it was saved in (such as windows-1252)",
                    mapping.charset.name(), e.badByte, mapping.charset.name()));
        } catch (IOException cause) {
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
        } finally {
            csv = null;
        }
        return sink.contacts.size() - before;
    }

    /** The CSV reader's reason (Commons CSV's words), which names the line, without an excerpt of the text around it. */
    private static String csvReason(IOException e) {
        String message = Texts.firstLine(e.getMessage());
        int excerpt = message.indexOf(" around ");
        return excerpt > 0 ? message.substring(0, excerpt) : message;
    }

    private Map<Field, Bound> bind(List<String> header) {
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

    private int[] skipIndexes(List<String> header) {
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

    /** The record being read. */
    private CsvReader csv;
    private int rowProblems;
    private boolean rowUnjoinable;
    private long rowLine;
    /** Set by {@link #rosterId}: the slot the cell was found at in the roster's lookup, or -1. */
    private int foundSlot;

    private void row(long line, Bound[] byField, Map<Field, Bound> bound, int[] skipIndexes, int width, int source) {
        rowProblems = 0;
        rowUnjoinable = false;
        rowLine = line;
        int size = csv.size();
        if (size == 1 && csv.get(0).isBlank()) {
            return;
        }
        int i = 0;
        for (List<String> values : mapping.skip.values()) {
            int index = skipIndexes[i++];
            if (index < size && values.contains(fold(csv.get(index)))) {
                skippedByRule++;
                return;
            }
        }
        if (size < width) {
            for (Bound b : bound.values()) {
                for (int index : b.indexes) {
                    if (index >= size) {
                        problem(index, "the row has " + size + (size == 1 ? " field" : " fields")
                                + " and the header " + width + ": no value for column " + (index + 1));
                        return;
                    }
                }
            }
        }
        Instant at = instant(byField[Field.AT.ordinal()]);
        Direction direction = enumValue(byField[Field.DIRECTION.ordinal()], Direction.class);
        Channel channel = enumValue(byField[Field.CHANNEL.ordinal()], Channel.class);
        Mode mode = enumValue(byField[Field.MODE.ordinal()], Mode.class);
        Tone tone = enumValue(byField[Field.TONE.ordinal()], Tone.class);
        Topic topic = enumValue(byField[Field.TOPIC.ordinal()], Topic.class);
        Interpretation interpretation = enumValue(byField[Field.INTERPRETATION.ordinal()], Interpretation.class);
        Delivery delivery = enumValue(byField[Field.DELIVERY.ordinal()], Delivery.class);
        Boolean delivered = bool(byField[Field.DELIVERED.ordinal()]);
        Boolean awaitsReply = bool(byField[Field.AWAITS_REPLY.ordinal()]);
        String language = language(byField[Field.LANGUAGE.ordinal()]);
        Bound idField = byField[Field.ID.ordinal()];
        Bound replyToField = byField[Field.REPLY_TO.ordinal()];
        Bound broadcastField = byField[Field.BROADCAST_ID.ordinal()];
        Bound schoolField = byField[Field.SCHOOL_ID.ordinal()];
        String id = id(idField);
        String replyTo = text(replyToField);
        String broadcastId = pooled(broadcastField);
        String schoolId = pooled(schoolField);

        Bound familyField = byField[Field.FAMILY_ID.ordinal()];
        Bound studentField = byField[Field.STUDENT_ID.ordinal()];
        Bound caregiverField = byField[Field.CAREGIVER_ID.ordinal()];
        Bound staffField = byField[Field.STAFF_ID.ordinal()];
        // A cell found in the roster is one of its ids, so an id already (found: its slot; else -1).
        String familyGiven = rosterId(familyField, roster.familyIds);
        int familySlot = foundSlot;
        String studentId = rosterId(studentField, roster.students);
        int studentSlot = foundSlot;
        String caregiverId = rosterId(caregiverField, roster.caregivers);
        int caregiverSlot = foundSlot;
        String staffGiven = rosterId(staffField, roster.staffIds);
        int staffSlot = foundSlot;
        // Every id the row gives is checked before it joins the roster or makes a contact.
        if (!(isId(idField, id) & isId(replyToField, replyTo) & isId(broadcastField, broadcastId)
                & isId(schoolField, schoolId) & (familySlot >= 0 || isId(familyField, familyGiven))
                & (studentSlot >= 0 || isId(studentField, studentId))
                & (caregiverSlot >= 0 || isId(caregiverField, caregiverId))
                & (staffSlot >= 0 || isId(staffField, staffGiven)))) {
            return;
        }
        int family = join(familyGiven, familySlot, familyField, studentId, studentSlot, studentField, caregiverId,
                caregiverSlot, caregiverField);
        String staffId = null;
        if (staffGiven != null) {
            int slot = staffSlot >= 0 ? staffSlot : roster.staffIds.slot(staffGiven);
            if (slot >= 0) {
                staffId = roster.staffIds.key(slot);
            } else if (staffFromLogs) {
                staffId = roster.addStaff(staffGiven);
            } else {
                unjoinable(staffField, "no staff member " + Problem.quote(staffGiven) + " in the roster");
            }
        }
        if (schoolId != null && district.isUnknownSchool(schoolId)) {
            unjoinable(schoolField, "no school " + Problem.quote(schoolId) + " among the district's schools");
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
        if (rowProblems > 0 || rowUnjoinable || family < 0) {
            return;
        }
        if (id == null) {
            id = name + "-" + line;
            if (!problems.isId(Problems.at(file, rowLine, 0), "id (the log's name and line)", id)) {
                return;
            }
        }
        // What Contact.builder would make of the row; the district's language when the row has none,
        // as the dataset would give it (not recorded).
        boolean deliveryRecorded = delivery != null || delivered != null;
        Contact contact = new Contact(id, roster.families.get(family).id(), studentId, staffId, caregiverId, schoolId,
                mode != null && mode != Mode.PERSONAL ? broadcastId : null, at, direction, channel, mode, tone, topic,
                language != null ? language : defaultLanguage, interpretation, delivery,
                delivery == null && delivered != null ? delivered : true,
                awaitsReply != null ? awaitsReply : direction == Direction.INBOUND, replyTo,
                Contact.Recorded.of(tone != null, language != null, deliveryRecorded));
        // Hashed while it is in the cache: the dataset indexes contact ids.
        id.hashCode();
        if (defaultLanguage != null) {
            sink.addChecked(contact, source, line, family);
        } else {
            sink.add(contact, source, line);
        }
    }

    /**
     * The family a row joins, by position: its familyId, else its student's family, else its
     * caregiver's (when the caregiver is in one family only); a named student or caregiver must
     * belong to it. -1 when it joins none. A {@code ...Slot} is where the cell was found in the
     * roster's lookup, or -1 to look it up.
     */
    private int join(String familyGiven, int familySlot, Bound familyField, String studentId, int studentSlot,
                     Bound studentField, String caregiverId, int caregiverSlot, Bound caregiverField) {
        List<Family> families = roster.families;
        int family = -1;
        if (familyGiven != null) {
            int slot = familySlot >= 0 ? familySlot : roster.familyIds.slot(familyGiven);
            if (slot < 0) {
                unjoinable(familyField, "no family " + Problem.quote(familyGiven) + " in the roster");
                return -1;
            }
            family = roster.familyIds.value(slot);
        }
        if (studentId != null) {
            int slot = studentSlot >= 0 ? studentSlot : roster.students.slot(studentId);
            if (slot < 0) {
                unjoinable(studentField, "no student " + Problem.quote(studentId) + " in the roster");
                return -1;
            }
            int ofStudent = roster.students.value(slot);
            if (family >= 0 && family != ofStudent && !families.get(family).id().equals(families.get(ofStudent).id())) {
                unjoinable(studentField, "student " + Problem.quote(studentId) + " is in family "
                        + Problem.quote(families.get(ofStudent).id()) + ", not " + Problem.quote(families.get(family).id()));
                return -1;
            }
            family = ofStudent;
        }
        if (caregiverId != null) {
            int slot = caregiverSlot >= 0 ? caregiverSlot : roster.caregivers.slot(caregiverId);
            if (slot < 0) {
                unjoinable(caregiverField, "no caregiver " + Problem.quote(caregiverId) + " in the roster");
                return -1;
            }
            int ofCaregiver = roster.caregivers.value(slot);
            if (family >= 0) {
                // By id, as a map of the families would: of two families with one id, the last.
                String familyId = families.get(family).id();
                if (roster.familyById(familyId).caregiver(caregiverId) == null) {
                    unjoinable(caregiverField, "caregiver " + Problem.quote(caregiverId) + " is not a caregiver of family "
                            + Problem.quote(familyId));
                    return -1;
                }
            } else if (ofCaregiver != Roster.SEVERAL) {
                family = ofCaregiver;
            } else {
                problem(caregiverField.indexes[0], "caregiver " + Problem.quote(caregiverId) + " belongs to "
                        + roster.familyCountOfCaregiver.get(caregiverId) + " families; map studentId or familyId too, to say which");
                return -1;
            }
        }
        if (family < 0 && familyGiven == null && studentId == null && caregiverId == null) {
            int column = firstIndex(familyField, studentField, caregiverField);
            problem(column, "no family, student or caregiver: the row's "
                    + String.join(", ", columnNames(familyField, studentField, caregiverField)) + " are empty");
        }
        return family;
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

    /** A raw cell, stripped; {@code null} when empty. */
    private static String cell(String value) {
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

    private String text(Bound b) {
        if (b == null) {
            return null;
        }
        if (b.spec.constant != null) {
            return (String) b.spec.constant;
        }
        return textOf(b, csv.get(b.indexes[0]));
    }

    private static String textOf(Bound b, String raw) {
        String cell = cell(raw);
        if (cell == null) {
            return (String) b.spec.otherwise;
        }
        Object value = mapped(b, cell);
        if (value == LogMapping.NOT_RECORDED) {
            return null;
        }
        return value != null ? (String) value : cell;
    }

    /** {@link #text}, one string per distinct cell: for ids many rows repeat, such as a school or a broadcast. */
    private String pooled(Bound b) {
        if (b == null || b.spec.constant != null) {
            return text(b);
        }
        Object known = b.recall(csv);
        if (known != UNKNOWN) {
            return (String) known;
        }
        String raw = csv.get(b.indexes[0]);
        String value = textOf(b, raw);
        b.remember(raw, value);
        return value;
    }

    /**
     * {@link #text} of a roster id: a cell that is one of {@code ids} as it stands is the roster's
     * own string, and {@link #foundSlot} its slot; otherwise -1 and the text as usual.
     */
    private String rosterId(Bound b, IdLookup ids) {
        foundSlot = -1;
        if (b == null) {
            return null;
        }
        if (b.spec.constant == null && b.exact.isEmpty()) {
            int index = b.indexes[0];
            int start = csv.start(index);
            int end = csv.end(index);
            if (end > start) {
                int slot = ids.slot(csv.chars(), start, end);
                if (slot >= 0) {
                    foundSlot = slot;
                    return ids.key(slot);
                }
            }
        }
        return text(b);
    }

    private String id(Bound b) {
        if (b == null) {
            return null;
        }
        if (b.spec.template == null) {
            String id = text(b);
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
                String value = csv.get(b.indexes[column]).strip();
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

    /** The field's value in the record, converted by {@code kind} once per distinct cell. */
    private Object converted(Bound b) {
        if (b.spec.constant != null) {
            return b.spec.constant;
        }
        Object known = b.recall(csv);
        if (known != UNKNOWN) {
            return known;
        }
        String raw = csv.get(b.indexes[0]);
        int before = rowProblems;
        Object value = switch (b.spec.field.kind) {
            case BOOLEAN -> boolOf(b, raw);
            case LANGUAGE -> languageOf(b, raw);
            default -> enumOf(b, raw, b.spec.field.type);
        };
        if (rowProblems == before) {
            b.remember(raw, value);
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(Bound b, Class<E> type) {
        return b == null ? null : type.cast(converted(b));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumOf(Bound b, String raw, Class type) {
        String cell = cell(raw);
        if (cell == null) {
            return b.spec.otherwise;
        }
        Object value = mapped(b, cell);
        if (value == LogMapping.NOT_RECORDED) {
            return null;
        }
        if (value != null) {
            return value;
        }
        Object constant = Enums.find(type, cell);
        if (constant == null) {
            unknownValue(b, cell, Enums.names(type));
        }
        return constant;
    }

    private Boolean bool(Bound b) {
        return b == null ? null : (Boolean) converted(b);
    }

    private Boolean boolOf(Bound b, String raw) {
        String cell = cell(raw);
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

    private String language(Bound b) {
        return b == null ? null : (String) converted(b);
    }

    private String languageOf(Bound b, String raw) {
        String cell = cell(raw);
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

    private Instant instant(Bound b) {
        if (b == null) {
            return null;
        }
        String text;
        if (b.indexes.length == 1) {
            text = cell(csv.get(b.indexes[0]));
        } else {
            StringBuilder joined = new StringBuilder();
            for (int index : b.indexes) {
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                joined.append(csv.get(index).strip());
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
        // The place is spelled out only for a problem: this runs for every id of every row.
        if (value == null || References.idProblem(value) == null
                || problems.isId(Problems.at(file, rowLine, b.indexes.length == 0 ? 0 : b.indexes[0] + 1L),
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
