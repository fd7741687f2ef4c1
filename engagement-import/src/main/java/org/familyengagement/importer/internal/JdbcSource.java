package org.familyengagement.importer.internal;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.familyengagement.errors.Problem;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
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
 * An SIS database over JDBC: one SQL query per collection, its columns named (by alias) as the
 * contract's fields, case ignored ({@code SELECT log_id AS id, household_id AS familyId ...}).
 * Each result set is read forward, row by row, straight into the model: with auto-commit off and a
 * fetch size, a driver such as PostgreSQL's streams it through a cursor, so memory is bounded by
 * the dataset, never by a copy of a result set. The driver must be on the class path.
 *
 * <p>A list (languages, channels, days, offered times) is an SQL array or a comma-separated text;
 * an instant is a {@code TIMESTAMP WITH TIME ZONE}, a {@code TIMESTAMP} (local time in the
 * district's zone) or ISO-8601 text.
 */
final class JdbcSource {
    static final String[] SETTINGS = {"url", "user", "password", "passwordEnv", "fetchSize", "queries"};

    /** The queries, in the order they run, with their columns: required ones first, marked. */
    enum Query {
        DISTRICT("district", "id!", "name", "timeZone!", "defaultLanguage", "weekend", "schoolYearStart"),
        HOLIDAYS("holidays", "date!"),
        SCHOOLS("schools", "id!", "name"),
        STAFF("staff", "id!", "role", "languages"),
        FAMILIES("families", "id!"),
        STUDENTS("students", "id!", "familyId!", "grade", "schoolId"),
        CAREGIVERS("caregivers", "id!", "familyId!", "relationship", "restriction"),
        PREFERENCES("preferences", "familyId!", "caregiverId", "languages", "channels", "optOut", "interpreter"),
        REACHABLE("reachable", "familyId!", "caregiverId", "days!", "from!", "to!"),
        GROUPS("groups", "familyId!", "dimension!", "label!"),
        CONTACTS("contacts", "id!", "familyId!", "studentId", "staffId", "caregiverId", "schoolId", "broadcastId",
                "at!", "direction!", "channel!", "mode", "tone", "topic", "language", "interpretation", "delivery",
                "delivered", "awaitsReply", "replyTo"),
        COMMITMENTS("commitments", "id!", "familyId!", "staffId", "madeAt!", "dueBy!", "fulfilledBy"),
        MEETINGS("meetings", "id!", "familyId!", "studentId", "caregiverId", "staffId", "schoolId", "kind!", "at!",
                "status", "offeredTimes", "interpretation", "noticeSentAt", "inputRequestedAt", "inputReceivedAt",
                "draftSharedAt");

        final String key;
        final List<String> columns = new ArrayList<>();
        final List<String> required = new ArrayList<>();

        Query(String key, String... columns) {
            this.key = key;
            for (String column : columns) {
                String name = column.endsWith("!") ? column.substring(0, column.length() - 1) : column;
                this.columns.add(name);
                if (column.endsWith("!")) {
                    required.add(name);
                }
            }
        }

        static List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Query query : values()) {
                keys.add(query.key);
            }
            return keys;
        }
    }

    private final Settings settings;
    private final String url;
    private final String user;
    private final String password;
    private final int fetchSize;
    private final Map<Query, String> queries = new LinkedHashMap<>();
    private final Map<Query, String> queryAt = new HashMap<>();
    private Connection connection;
    private ContactLogReader.Unjoinable unjoinable = ContactLogReader.Unjoinable.ERROR;
    private final Map<String, String> staffIds = new HashMap<>();

    private JdbcSource(Settings settings) {
        this.settings = settings;
        String given = settings.required("url", "a JDBC URL such as jdbc:postgresql://localhost/sis");
        Path base = settings.file().toAbsolutePath().getParent();
        this.url = given == null ? null : given.replace("${configDir}",
                base == null ? "." : base.toString().replace('\\', '/'));
        this.user = settings.string("user");
        String literal = settings.string("password");
        String variable = settings.string("passwordEnv");
        if (literal != null && variable != null) {
            settings.problem("passwordEnv", "give password or passwordEnv, not both");
        }
        String fromEnvironment = null;
        if (variable != null) {
            fromEnvironment = System.getenv(variable.strip());
            if (fromEnvironment == null) {
                settings.problem("passwordEnv", "the environment variable " + Problem.quote(variable) + " is not set");
            }
        }
        this.password = literal != null ? literal : fromEnvironment;
        this.fetchSize = settings.integer("fetchSize", 1000, 1, 1_000_000);
        Settings querySettings = settings.nested("queries", Query.keys().toArray(String[]::new));
        if (querySettings == null) {
            settings.missing("queries", "one SQL query per collection: families, students, caregivers, contacts, ...");
        } else {
            for (Query query : Query.values()) {
                String sql = querySettings.string(query.key);
                if (sql != null && !sql.isBlank()) {
                    queries.put(query, sql);
                    queryAt.put(query, querySettings.at(query.key));
                }
            }
            if (queries.containsKey(Query.FAMILIES) != queries.containsKey(Query.STUDENTS)
                    && queries.containsKey(Query.FAMILIES)) {
                querySettings.missing("students", "the roster's students, each with its familyId");
            }
        }
    }

    static JdbcSource read(Settings settings) {
        return settings == null ? null : new JdbcSource(settings);
    }

    boolean hasDistrict() {
        return queries.containsKey(Query.DISTRICT);
    }

    boolean hasRoster() {
        return queries.containsKey(Query.FAMILIES);
    }

    void unjoinable(ContactLogReader.Unjoinable policy) {
        this.unjoinable = policy;
    }

    void open(Problems problems) {
        try {
            connection = DriverManager.getConnection(url, user, password);
            connection.setReadOnly(true);
            // Without a transaction, PostgreSQL's driver reads a whole result set before the first row.
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            String message = Texts.firstLine(e.getMessage());
            problems.add(settings.at("url"), message.startsWith("No suitable driver")
                    ? "no JDBC driver for this URL on the class path; add the database's driver jar"
                    : "cannot connect to the database: " + message);
        }
    }

    void close() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // Read-only work: nothing to keep or lose.
            }
        }
    }

    // ---- reading one query --------------------------------------------------------------------------

    /** One row of a query: its values by field, converted, with problems placed at the row and column. */
    private final class Row {
        final Query query;
        final ResultSet results;
        final int[] index;
        final int[] types;
        final String[] typeNames;
        final Problems problems;
        final ZoneId zone;
        long number;
        int rowProblems;

        Row(Query query, ResultSet results, int[] index, int[] types, String[] typeNames, Problems problems, ZoneId zone) {
            this.query = query;
            this.results = results;
            this.index = index;
            this.types = types;
            this.typeNames = typeNames;
            this.problems = problems;
            this.zone = zone;
        }

        String at(String field) {
            return "database." + query.key + ":" + number + ":" + field;
        }

        void problem(String field, String message) {
            rowProblems++;
            problems.add(at(field), message);
        }

        private int column(String field) {
            return index[query.columns.indexOf(field)];
        }

        boolean has(String field) {
            return column(field) > 0;
        }

        String string(String field) throws SQLException {
            int column = column(field);
            if (column <= 0) {
                return null;
            }
            String value = results.getString(column);
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }

        String required(String field) throws SQLException {
            String value = string(field);
            if (value == null) {
                problem(field, "empty " + field + ": it is required");
            }
            return value;
        }

        /**
         * A field that holds an id: its value, or {@code null} when no id may hold it (a problem
         * of the row, placed at the field), so that no record is built from the row.
         */
        String id(String field) throws SQLException {
            String value = string(field);
            if (value != null && !problems.isId(at(field), field, value)) {
                rowProblems++;
                return null;
            }
            return value;
        }

        /** A required field that holds an id: {@link #required}, then {@link #id}. */
        String requiredId(String field) throws SQLException {
            return required(field) == null ? null : id(field);
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) throws SQLException {
            String text = string(field);
            if (text == null) {
                return null;
            }
            E value = Enums.find(type, text);
            if (value == null) {
                problem(field, Texts.unknown(Enums.noun(type), text, Enums.names(type)));
            }
            return value;
        }

        Boolean bool(String field) throws SQLException {
            int column = column(field);
            if (column <= 0) {
                return null;
            }
            Object value = results.getObject(column);
            if (value == null) {
                return null;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n) {
                return n.intValue() != 0;
            }
            Boolean parsed = LogMapping.bool(value.toString());
            if (parsed == null) {
                problem(field, "expected true or false, found " + Problem.quote(value.toString()));
            }
            return parsed;
        }

        String language(String field) throws SQLException {
            String tag = string(field);
            if (tag != null && !LanguageTags.isWellFormed(tag)) {
                problem(field, Problem.quote(tag) + " is not a well-formed BCP 47 language tag");
                return null;
            }
            return tag;
        }

        Instant instant(String field) throws SQLException {
            int column = column(field);
            if (column <= 0) {
                return null;
            }
            return toInstant(field, objectOf(column));
        }

        private Object objectOf(int column) throws SQLException {
            int type = types[column];
            String name = typeNames[column] == null ? "" : typeNames[column].toLowerCase(Locale.ROOT);
            if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.contains("timestamptz") || name.contains("with time zone")) {
                return results.getObject(column, OffsetDateTime.class);
            }
            if (type == Types.TIMESTAMP) {
                return results.getObject(column, LocalDateTime.class);
            }
            return results.getObject(column);
        }

        Instant toInstant(String field, Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            if (value instanceof LocalDateTime local) {
                return local.atZone(zone).toInstant();
            }
            if (value instanceof java.sql.Timestamp timestamp) {
                return timestamp.toLocalDateTime().atZone(zone).toInstant();
            }
            if (value instanceof Instant instant) {
                return instant;
            }
            if (value instanceof java.time.ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            Instant parsed = Timestamps.of(null, zone).parse(value.toString().strip());
            if (parsed == null) {
                problem(field, Problem.quote(value.toString()) + " is not an instant such as 2026-11-02T16:00:00Z");
            }
            return parsed;
        }

        LocalDate date(String field) throws SQLException {
            int column = column(field);
            if (column <= 0) {
                return null;
            }
            Object value = types[column] == Types.DATE ? results.getObject(column, LocalDate.class) : results.getObject(column);
            if (value == null) {
                return null;
            }
            if (value instanceof LocalDate date) {
                return date;
            }
            try {
                return LocalDate.parse(value.toString().strip());
            } catch (DateTimeParseException e) {
                problem(field, Problem.quote(value.toString()) + " is not a date YYYY-MM-DD");
                return null;
            }
        }

        LocalTime time(String field) throws SQLException {
            int column = column(field);
            Object value = types[column] == Types.TIME ? results.getObject(column, LocalTime.class) : results.getObject(column);
            if (value == null) {
                problem(field, "empty " + field + ": it is required");
                return null;
            }
            if (value instanceof LocalTime time) {
                return time;
            }
            try {
                return LocalTime.parse(value.toString().strip());
            } catch (DateTimeParseException e) {
                problem(field, Problem.quote(value.toString()) + " is not a time of day HH:MM");
                return null;
            }
        }

        /** An SQL array or a comma-separated text, as strings; empty when null. */
        List<Object> list(String field) throws SQLException {
            int column = column(field);
            if (column <= 0) {
                return List.of();
            }
            Object value = results.getObject(column);
            if (value == null) {
                return List.of();
            }
            List<Object> items = new ArrayList<>();
            if (value instanceof Array array) {
                for (Object item : (Object[]) array.getArray()) {
                    if (item != null) {
                        items.add(item);
                    }
                }
                array.free();
            } else if (value instanceof Object[] objects) {
                for (Object item : objects) {
                    if (item != null) {
                        items.add(item);
                    }
                }
            } else {
                for (String item : value.toString().split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return items;
        }

        <E extends Enum<E>> List<E> enums(String field, Class<E> type) throws SQLException {
            List<E> values = new ArrayList<>();
            for (Object item : list(field)) {
                E value = Enums.find(type, item.toString());
                if (value == null) {
                    problem(field, Texts.unknown(Enums.noun(type), item.toString(), Enums.names(type)));
                } else if (!values.contains(value)) {
                    values.add(value);
                }
            }
            return values;
        }

        List<String> languages(String field) throws SQLException {
            List<String> tags = new ArrayList<>();
            for (Object item : list(field)) {
                String tag = item.toString().strip();
                if (!LanguageTags.isWellFormed(tag)) {
                    problem(field, Problem.quote(tag) + " is not a well-formed BCP 47 language tag");
                } else {
                    tags.add(tag);
                }
            }
            return tags;
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(Row row) throws SQLException;
    }

    /** Runs {@code query} (if configured) and hands each row to {@code reader}; returns the row count. */
    private long each(Query query, ZoneId zone, Problems problems, RowReader reader) {
        String sql = queries.get(query);
        if (sql == null) {
            return 0;
        }
        String at = queryAt.get(query);
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            try (ResultSet results = statement.executeQuery(sql)) {
                ResultSetMetaData meta = results.getMetaData();
                int[] index = new int[query.columns.size()];
                int[] types = new int[meta.getColumnCount() + 1];
                String[] typeNames = new String[meta.getColumnCount() + 1];
                boolean ok = true;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String label = meta.getColumnLabel(i);
                    types[i] = meta.getColumnType(i);
                    typeNames[i] = meta.getColumnTypeName(i);
                    int field = -1;
                    for (int f = 0; f < query.columns.size(); f++) {
                        if (query.columns.get(f).equalsIgnoreCase(label)) {
                            field = f;
                        }
                    }
                    if (field < 0) {
                        problems.add(at, "the " + query.key + " query has a column " + Problem.quote(label)
                                + " that is no field of " + query.key + Texts.didYouMean(label, query.columns)
                                + "; name each column as the contract's field (AS familyId); fields: "
                                + String.join(", ", query.columns));
                        ok = false;
                    } else if (index[field] > 0) {
                        problems.add(at, "the " + query.key + " query has two columns named " + query.columns.get(field));
                        ok = false;
                    } else {
                        index[field] = i;
                    }
                }
                for (String required : query.required) {
                    if (index[query.columns.indexOf(required)] == 0) {
                        problems.add(at, "the " + query.key + " query has no column " + required
                                + " (required; name it with AS " + required + ")");
                        ok = false;
                    }
                }
                if (!ok) {
                    return 0;
                }
                Row row = new Row(query, results, index, types, typeNames, problems, zone);
                while (results.next()) {
                    row.number++;
                    row.rowProblems = 0;
                    reader.read(row);
                }
                return row.number;
            }
        } catch (SQLException e) {
            problems.add(at, "the " + query.key + " query failed: " + Texts.firstLine(e.getMessage()));
            return 0;
        }
    }

    // ---- the collections ----------------------------------------------------------------------------

    District district(Problems problems) {
        District[] district = {null};
        Set<LocalDate> holidays = new TreeSet<>();
        long rows = each(Query.DISTRICT, java.time.ZoneOffset.UTC, problems, row -> {
            if (row.number > 1) {
                row.problem("id", "the district query gave more than one row");
                return;
            }
            String id = row.requiredId("id");
            String zoneText = row.required("timeZone");
            ZoneId zone = null;
            if (zoneText != null) {
                try {
                    zone = ZoneId.of(zoneText);
                } catch (java.time.DateTimeException e) {
                    row.problem("timeZone", "unknown time zone " + Problem.quote(zoneText)
                            + Texts.didYouMean(zoneText, ZoneId.getAvailableZoneIds()));
                }
            }
            String language = row.language("defaultLanguage");
            List<DayOfWeek> weekend = row.has("weekend") ? row.enums("weekend", DayOfWeek.class) : null;
            LocalDate start = row.date("schoolYearStart");
            if (id != null && zone != null && row.rowProblems == 0) {
                District.Builder builder = District.builder(id, zone).name(row.string("name")).schoolYearStart(start);
                if (language != null) {
                    builder.defaultLanguage(language);
                }
                if (weekend != null) {
                    builder.weekend(weekend.isEmpty() ? Set.of() : EnumSet.copyOf(weekend));
                }
                district[0] = builder.build();
            }
        });
        if (rows == 0 && problems.isEmpty()) {
            problems.add(queryAt.get(Query.DISTRICT), "the district query gave no row");
        }
        if (district[0] == null) {
            return null;
        }
        each(Query.HOLIDAYS, district[0].timeZone(), problems, row -> {
            LocalDate date = row.date("date");
            if (date != null) {
                holidays.add(date);
            }
        });
        List<School> schools = new ArrayList<>();
        each(Query.SCHOOLS, district[0].timeZone(), problems, row -> {
            String id = row.requiredId("id");
            if (id != null) {
                schools.add(new School(id, row.string("name")));
            }
        });
        District.Builder builder = district[0].toBuilder().holidays(holidays);
        if (!schools.isEmpty()) {
            builder.schools(schools);
        }
        return builder.build();
    }

    /** The roster: staff, families, students, caregivers, preferences, reachable windows, groups. */
    Roster roster(District district, Problems problems, Map<String, Integer> counts) {
        ZoneId zone = district.timeZone();
        List<Staff> staff = new ArrayList<>();
        each(Query.STAFF, zone, problems, row -> {
            String id = row.requiredId("id");
            StaffRole role = row.enumValue("role", StaffRole.class);
            List<String> languages = row.languages("languages");
            if (id != null && row.rowProblems == 0) {
                staff.add(new Staff(id, role, languages));
                staffIds.put(id, id);
            }
        });
        Map<String, Family.Builder> families = new LinkedHashMap<>();
        Map<String, String> familyIds = new HashMap<>();
        each(Query.FAMILIES, zone, problems, row -> {
            String id = row.requiredId("id");
            if (id != null) {
                if (families.putIfAbsent(id, Family.builder(id)) != null) {
                    row.problem("id", "a second family " + Problem.quote(id));
                }
                familyIds.put(id, id);
            }
        });
        Map<String, List<Student>> students = new HashMap<>();
        each(Query.STUDENTS, zone, problems, row -> {
            String id = row.requiredId("id");
            String familyId = family(row, familyIds);
            String schoolId = row.id("schoolId");
            if (id != null && familyId != null && row.rowProblems == 0) {
                students.computeIfAbsent(familyId, k -> new ArrayList<>())
                        .add(new Student(id, row.string("grade"), schoolId));
            }
        });
        Map<String, List<String[]>> caregivers = new HashMap<>();
        Map<String, Restriction> restrictions = new HashMap<>();
        each(Query.CAREGIVERS, zone, problems, row -> {
            String id = row.requiredId("id");
            String familyId = family(row, familyIds);
            Restriction restriction = row.enumValue("restriction", Restriction.class);
            if (id != null && familyId != null && row.rowProblems == 0) {
                caregivers.computeIfAbsent(familyId, k -> new ArrayList<>())
                        .add(new String[] {id, row.string("relationship")});
                restrictions.put(familyId + "\u0000" + id, restriction);
            }
        });
        Map<String, Preference.Builder> preferences = new LinkedHashMap<>();
        each(Query.PREFERENCES, zone, problems, row -> {
            String familyId = family(row, familyIds);
            String caregiverId = row.id("caregiverId");
            List<String> languages = row.languages("languages");
            List<Channel> channels = row.enums("channels", Channel.class);
            List<Channel> optOut = row.enums("optOut", Channel.class);
            Boolean interpreter = row.bool("interpreter");
            if (familyId != null && row.rowProblems == 0) {
                Preference.Builder preference = preferences.computeIfAbsent(familyId + "\u0000"
                        + (caregiverId == null ? "" : caregiverId), k -> Preference.builder());
                preference.languages(languages).channels(channels).optOut(Set.copyOf(optOut))
                        .interpreter(Boolean.TRUE.equals(interpreter));
            }
        });
        each(Query.REACHABLE, zone, problems, row -> {
            String familyId = family(row, familyIds);
            String caregiverId = row.id("caregiverId");
            List<DayOfWeek> days = row.enums("days", DayOfWeek.class);
            LocalTime from = row.time("from");
            LocalTime to = row.time("to");
            if (from != null && to != null && !from.isBefore(to)) {
                row.problem("from", "a reachable window's from (" + from + ") must be before its to (" + to + ")");
            }
            if (familyId != null && row.rowProblems == 0) {
                preferences.computeIfAbsent(familyId + "\u0000" + (caregiverId == null ? "" : caregiverId),
                        k -> Preference.builder()).addReachable(new ReachableWindow(
                        days.isEmpty() ? Set.of() : EnumSet.copyOf(days), from, to));
            }
        });
        Map<String, Map<String, String>> groups = new HashMap<>();
        each(Query.GROUPS, zone, problems, row -> {
            String familyId = family(row, familyIds);
            String dimension = row.requiredId("dimension");
            String label = row.requiredId("label");
            if (familyId != null && dimension != null && label != null && row.rowProblems == 0) {
                groups.computeIfAbsent(familyId, k -> new LinkedHashMap<>()).put(dimension, label);
            }
        });
        List<Family> built = new ArrayList<>();
        for (Map.Entry<String, Family.Builder> entry : families.entrySet()) {
            String id = entry.getKey();
            Family.Builder family = entry.getValue();
            students.getOrDefault(id, List.of()).forEach(family::student);
            for (String[] caregiver : caregivers.getOrDefault(id, List.of())) {
                Preference.Builder own = preferences.remove(id + "\u0000" + caregiver[0]);
                family.caregiver(new Caregiver(caregiver[0], caregiver[1], own == null ? null : own.build(),
                        restrictions.get(id + "\u0000" + caregiver[0])));
            }
            Preference.Builder preference = preferences.remove(id + "\u0000");
            family.preference(preference == null ? null : preference.build());
            groups.getOrDefault(id, Map.of()).forEach(family::group);
            built.add(family.build());
        }
        for (String key : preferences.keySet()) {
            String[] parts = key.split("\u0000", -1);
            unjoinable(problems, queryAt.get(Query.PREFERENCES), "a preference of caregiver "
                    + Problem.quote(parts[1]) + ", who is no caregiver of family " + Problem.quote(parts[0]));
        }
        counts.put("database families", built.size());
        return new Roster("database", built, staff, List.of());
    }

    private String family(Row row, Map<String, String> familyIds) throws SQLException {
        String given = row.requiredId("familyId");
        if (given == null) {
            return null;
        }
        String id = familyIds.get(given);
        if (id == null) {
            unjoinable(problems(row), row.at("familyId"), "no family " + Problem.quote(given) + " in the families query");
            row.rowProblems++;
        }
        return id;
    }

    private static Problems problems(Row row) {
        return row.problems;
    }

    private void unjoinable(Problems problems, String at, String message) {
        if (unjoinable == ContactLogReader.Unjoinable.ERROR) {
            problems.add(at, message);
        } else {
            problems.warn(at, message + "; row skipped");
        }
    }

    /** Checks a row's references against the roster (as a log's rows are); {@code false} when it does not join. */
    private boolean joins(Row row, Roster roster, String familyId, String studentId, String caregiverId,
                          String staffId, String schoolId, District district, boolean staffFromLogs) {
        boolean ok = true;
        String family = roster.family(familyId);
        if (family == null) {
            unjoinable(row.problems, row.at("familyId"), "no family " + Problem.quote(familyId) + " in the roster");
            return false;
        }
        Family known = roster.familyById(family);
        if (studentId != null && !known.hasStudent(studentId)) {
            unjoinable(row.problems, row.at("studentId"), "family " + Problem.quote(familyId) + " has no student "
                    + Problem.quote(studentId));
            ok = false;
        }
        if (caregiverId != null && known.caregiver(caregiverId) == null) {
            unjoinable(row.problems, row.at("caregiverId"), "family " + Problem.quote(familyId) + " has no caregiver "
                    + Problem.quote(caregiverId));
            ok = false;
        }
        if (staffId != null && roster.staff(staffId) == null) {
            if (staffFromLogs) {
                roster.addStaff(staffId);
            } else {
                unjoinable(row.problems, row.at("staffId"), "no staff member " + Problem.quote(staffId) + " in the roster");
                ok = false;
            }
        }
        if (schoolId != null && district.isUnknownSchool(schoolId)) {
            unjoinable(row.problems, row.at("schoolId"), "no school " + Problem.quote(schoolId)
                    + " among the district's schools");
            ok = false;
        }
        return ok;
    }

    void contacts(District district, Roster roster, ContactSink sink, ContactLogReader.Unjoinable policy,
                  boolean staffFromLogs, Problems problems, Map<String, Integer> counts) {
        int source = sink.source(new ContactSink.Source(null, "database.contacts", true));
        long rows = each(Query.CONTACTS, district.timeZone(), problems, row -> {
            String id = row.requiredId("id");
            String familyId = row.requiredId("familyId");
            Instant at = row.instant("at");
            if (at == null && row.rowProblems == 0) {
                row.problem("at", "empty at: it is required");
            }
            Direction direction = row.enumValue("direction", Direction.class);
            Channel channel = row.enumValue("channel", Channel.class);
            if (direction == null && row.string("direction") == null) {
                row.problem("direction", "empty direction: it is required");
            }
            if (channel == null && row.string("channel") == null) {
                row.problem("channel", "empty channel: it is required");
            }
            Mode mode = row.enumValue("mode", Mode.class);
            Tone tone = row.enumValue("tone", Tone.class);
            Topic topic = row.enumValue("topic", Topic.class);
            Interpretation interpretation = row.enumValue("interpretation", Interpretation.class);
            Delivery delivery = row.enumValue("delivery", Delivery.class);
            Boolean delivered = row.bool("delivered");
            Boolean awaitsReply = row.bool("awaitsReply");
            String language = row.language("language");
            String studentId = row.id("studentId");
            String caregiverId = row.id("caregiverId");
            String staffId = row.id("staffId");
            String schoolId = row.id("schoolId");
            String broadcastId = row.id("broadcastId");
            String replyTo = row.id("replyTo");
            if (broadcastId != null && (mode == null || mode == Mode.PERSONAL)) {
                row.problem("broadcastId", "broadcastId " + Problem.quote(broadcastId) + " on a PERSONAL contact;"
                        + " only BROADCAST and RECIPROCAL contacts belong to a broadcast");
            }
            if (delivery != null && delivered != null) {
                row.problem("delivered", "both delivered and delivery; give one (delivery is the finer)");
            }
            if (id == null || familyId == null || row.rowProblems > 0) {
                return;
            }
            if (!joins(row, roster, familyId, studentId, caregiverId, staffId, schoolId, district, staffFromLogs)) {
                return;
            }
            Contact.Builder contact = Contact.builder(id, roster.family(familyId), at, direction, channel)
                    .studentId(studentId).caregiverId(caregiverId)
                    .staffId(staffId == null ? null : roster.staff(staffId)).schoolId(schoolId).broadcastId(broadcastId)
                    .tone(tone).topic(topic).language(language).interpretation(interpretation)
                    .replyTo(replyTo);
            if (mode != null) {
                contact.mode(mode);
            }
            if (delivery != null) {
                contact.delivery(delivery);
            } else if (delivered != null) {
                contact.delivered(delivered);
            }
            if (awaitsReply != null) {
                contact.awaitsReply(awaitsReply);
            }
            sink.add(contact.build(), source, row.number);
        });
        if (queries.containsKey(Query.CONTACTS)) {
            counts.put("database contacts", (int) rows);
        }
    }

    List<Commitment> commitments(District district, Roster roster, ContactLogReader.Unjoinable policy,
                                 Problems problems, Map<String, Integer> counts) {
        List<Commitment> commitments = new ArrayList<>();
        long rows = each(Query.COMMITMENTS, district.timeZone(), problems, row -> {
            String id = row.requiredId("id");
            String familyId = row.requiredId("familyId");
            Instant madeAt = row.instant("madeAt");
            Instant dueBy = row.instant("dueBy");
            String staffId = row.id("staffId");
            String fulfilledBy = row.id("fulfilledBy");
            if (madeAt == null || dueBy == null) {
                if (row.rowProblems == 0) {
                    row.problem(madeAt == null ? "madeAt" : "dueBy", "empty " + (madeAt == null ? "madeAt" : "dueBy")
                            + ": it is required");
                }
                return;
            }
            if (dueBy.isBefore(madeAt)) {
                row.problem("dueBy", "dueBy (" + dueBy + ") is before madeAt (" + madeAt + ")");
            }
            if (id == null || familyId == null || row.rowProblems > 0
                    || !joins(row, roster, familyId, null, null, staffId, null, district, false)) {
                return;
            }
            commitments.add(new Commitment(id, roster.family(familyId), staffId == null ? null : roster.staff(staffId),
                    madeAt, dueBy, fulfilledBy));
        });
        if (queries.containsKey(Query.COMMITMENTS)) {
            counts.put("database commitments", (int) rows);
        }
        return commitments;
    }

    List<Meeting> meetings(District district, Roster roster, ContactLogReader.Unjoinable policy,
                           Problems problems, Map<String, Integer> counts) {
        List<Meeting> meetings = new ArrayList<>();
        long rows = each(Query.MEETINGS, district.timeZone(), problems, row -> {
            String id = row.requiredId("id");
            String familyId = row.requiredId("familyId");
            MeetingKind kind = row.enumValue("kind", MeetingKind.class);
            Instant at = row.instant("at");
            MeetingStatus status = row.enumValue("status", MeetingStatus.class);
            Interpretation interpretation = row.enumValue("interpretation", Interpretation.class);
            List<Instant> offered = new ArrayList<>();
            for (Object item : row.list("offeredTimes")) {
                Instant time = row.toInstant("offeredTimes", item);
                if (time != null) {
                    offered.add(time);
                }
            }
            Instant requested = row.instant("inputRequestedAt");
            Instant received = row.instant("inputReceivedAt");
            if (requested != null && received != null && received.isBefore(requested)) {
                row.problem("inputReceivedAt", "inputReceivedAt (" + received + ") is before inputRequestedAt ("
                        + requested + ")");
            }
            String studentId = row.id("studentId");
            String caregiverId = row.id("caregiverId");
            String staffId = row.id("staffId");
            String schoolId = row.id("schoolId");
            if (kind == null && row.rowProblems == 0) {
                row.problem("kind", "empty kind: it is required");
            }
            if (at == null && row.rowProblems == 0) {
                row.problem("at", "empty at: it is required");
            }
            if (id == null || familyId == null || row.rowProblems > 0
                    || !joins(row, roster, familyId, studentId, caregiverId, staffId, schoolId, district, false)) {
                return;
            }
            meetings.add(Meeting.builder(id, roster.family(familyId), kind, at).studentId(studentId)
                    .caregiverId(caregiverId).staffId(staffId == null ? null : roster.staff(staffId)).schoolId(schoolId)
                    .status(status).offeredTimes(offered).interpretation(interpretation)
                    .noticeSentAt(row.instant("noticeSentAt")).inputRequestedAt(requested).inputReceivedAt(received)
                    .draftSharedAt(row.instant("draftSharedAt")).build());
        });
        if (queries.containsKey(Query.MEETINGS)) {
            counts.put("database meetings", (int) rows);
        }
        return meetings;
    }
}
