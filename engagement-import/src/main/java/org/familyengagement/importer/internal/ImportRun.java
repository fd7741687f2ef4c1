package org.familyengagement.importer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.importer.ImportResult;
import org.familyengagement.importer.InvalidImportException;
import org.familyengagement.internal.DatasetAssembly;
import org.familyengagement.internal.References;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.School;

/**
 * One import: reads the configuration, then the district, the calendar, the roster and the
 * contact sources in that order, and checks the dataset they make. Every problem of the
 * configuration is reported before any source is read; every problem of the sources is reported
 * before the dataset is checked.
 */
public final class ImportRun {
    static final String[] TOP = {"district", "edFi", "oneRoster", "database", "contactLogs", "unjoinable",
        "staffFromLogs"};

    private final Path config;
    private final Problems problems = new Problems();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    private ImportRun(Path config) {
        this.config = config;
    }

    /**
     * Imports what {@code config} describes.
     *
     * @throws InvalidImportException listing every problem, each with its place
     * @throws IOException            when a source cannot be read for a reason that is not its content
     */
    public static ImportResult run(Path config) throws IOException {
        return new ImportRun(config).run();
    }

    private ImportResult run() throws IOException {
        String source = Problems.name(config);
        Node root = YamlTree.read(config, "import configuration", problems);
        problems.throwIfAny(source);
        Settings settings = Settings.of(config, root, problems, TOP);
        if (settings == null) {
            problems.throwIfAny(source);
        }

        // 1. The configuration, all of it, before any source is read.
        Settings districtSettings = settings.nested("district", "id", "name", "timeZone", "defaultLanguage", "weekend",
                "holidays", "schoolYearStart", "fromDataset");
        JdbcSource database = settings.has("database")
                ? JdbcSource.read(settings.nested("database", JdbcSource.SETTINGS)) : null;
        if (districtSettings == null && (database == null || !database.hasDistrict())) {
            settings.missing("district", "the district's id and timeZone (or fromDataset: a dataset document, or a "
                    + "district query of the database)");
        }
        if (districtSettings != null && database != null && database.hasDistrict()) {
            settings.problem("district", "the district comes from the database's district query; give one or the other");
        }
        EdFiSource edFi = settings.has("edFi") ? EdFiSource.read(settings.nested("edFi", EdFiSource.SETTINGS)) : null;
        OneRosterSource oneRoster = settings.has("oneRoster")
                ? OneRosterSource.read(settings.nested("oneRoster", OneRosterSource.SETTINGS)) : null;
        int rosters = (edFi != null && edFi.hasRoster() ? 1 : 0) + (oneRoster != null ? 1 : 0)
                + (database != null && database.hasRoster() ? 1 : 0);
        if (rosters == 0) {
            problems.add(Problems.at(config, root), "no roster: give edFi (students and contacts), oneRoster, or the "
                    + "database's families query");
        } else if (rosters > 1) {
            problems.add(Problems.at(config, root), "more than one roster (edFi, oneRoster, database): families come "
                    + "from one of them");
        }
        ContactLogReader.Unjoinable unjoinable = settings.enumValue("unjoinable", ContactLogReader.Unjoinable.class,
                ContactLogReader.Unjoinable.ERROR);
        boolean staffFromLogs = Boolean.TRUE.equals(settings.bool("staffFromLogs", false));
        List<LogSource> logs = new ArrayList<>();
        for (Node node : settings.list("contactLogs")) {
            LogSource log = LogSource.read(Settings.of(config, node, problems, LogSource.SETTINGS), logs.size());
            if (log != null) {
                logs.add(log);
            }
        }
        for (int i = 0; i < logs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (logs.get(i).name.equals(logs.get(j).name)) {
                    problems.add(logs.get(i).at, "two contact logs are named " + Problem.quote(logs.get(i).name)
                            + "; names make the ids of their contacts, so each needs its own");
                }
            }
        }
        if (edFi != null) {
            edFi.unjoinable(unjoinable);
        }
        if (oneRoster != null) {
            oneRoster.unjoinable(unjoinable);
        }
        if (database != null) {
            database.unjoinable(unjoinable);
        }
        DistrictSpec districtSpec = districtSettings == null ? null : DistrictSpec.read(districtSettings);
        // A district written in the configuration is checked now, with the rest of it.
        District inline = districtSpec != null && districtSpec.fromDataset() == null
                ? districtSpec.district(problems) : null;
        Map<LogSource, LogMapping> mappings = new LinkedHashMap<>();
        for (LogSource log : logs) {
            LogMapping mapping = log.mapping(problems);
            if (mapping != null) {
                mappings.put(log, mapping);
            }
        }
        problems.throwIfAny(source);

        // 2. The district, then the calendar, the roster, the activity.
        District district;
        if (database != null) {
            database.open(problems);
            problems.throwIfAny(source);
        }
        try {
            district = inline != null ? inline : districtSpec != null ? districtSpec.district(problems)
                    : database.district(problems);
            problems.throwIfAny(source);
            if (edFi != null && edFi.hasCalendar()) {
                district = edFi.calendar(district, problems, counts);
            }
            Roster roster;
            if (edFi != null && edFi.hasRoster()) {
                roster = edFi.roster(district, problems, counts);
            } else if (oneRoster != null) {
                roster = oneRoster.roster(problems, counts);
            } else {
                roster = database.roster(district, problems, counts);
            }
            problems.throwIfAny(source);
            district = withSchools(district, roster.schools);
            District judged = district;
            ContactSink sink = new ContactSink();
            List<Commitment> commitments = List.of();
            List<Meeting> meetings = List.of();
            if (database != null) {
                database.contacts(judged, roster, sink, unjoinable, staffFromLogs, problems, counts);
                commitments = database.commitments(judged, roster, unjoinable, problems, counts);
                meetings = database.meetings(judged, roster, unjoinable, problems, counts);
            }
            int skipped = 0;
            for (LogSource log : logs) {
                LogMapping mapping = mappings.get(log);
                ContactLogReader reader = new ContactLogReader(log.file, judged, log.name, mapping, roster,
                        staffFromLogs, unjoinable, problems, sink);
                int read = reader.read();
                counts.put(Problems.name(log.file) + " contacts", read);
                if (reader.skippedByRule() > 0) {
                    counts.put(Problems.name(log.file) + " rows skipped by the mapping", reader.skippedByRule());
                }
                if (reader.skippedUnjoinable() > 0) {
                    counts.put(Problems.name(log.file) + " rows that did not join, skipped", reader.skippedUnjoinable());
                    skipped += reader.skippedUnjoinable();
                }
            }
            problems.throwIfAny(source);

            // 3. The dataset's own checks (duplicate ids, replies, language tags), placed in the sources.
            Dataset dataset = assembled(district, roster, sink, commitments, meetings);
            if (dataset == null) {
                List<Problem> found = Dataset.problems(district, roster.staff, roster.families, sink.contacts,
                        commitments, meetings);
                for (Problem problem : found) {
                    problems.add(locate(problem, sink, roster));
                }
                problems.throwIfAny(source);
                try {
                    dataset = Dataset.of(district, roster.staff, roster.families, sink.contacts, commitments,
                            meetings);
                } catch (InvalidDatasetException e) {
                    throw new InvalidImportException(source, e.problems());
                }
            }
            Map<String, Integer> summary = new LinkedHashMap<>(counts);
            summary.put("families", dataset.families().size());
            summary.put("students", dataset.families().stream().mapToInt(f -> f.students().size()).sum());
            summary.put("caregivers", dataset.families().stream().mapToInt(f -> f.caregivers().size()).sum());
            summary.put("staff", dataset.staff().size());
            summary.put("contacts", dataset.contacts().size());
            summary.put("commitments", dataset.commitments().size());
            summary.put("meetings", dataset.meetings().size());
            if (skipped > 0) {
                summary.put("rows skipped (unjoinable)", skipped);
            }
            return new ImportResult(dataset, problems.warnings(), summary);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * The dataset, when every contact came with its own references checked and its family noted
     * ({@link ContactSink#addChecked}): the dataset then runs every other check (ids unique,
     * replies, the roster's own values) but not those again. {@code null} when some contact did
     * not, or when the dataset has a problem: the full checks then run again and place each
     * problem in the sources.
     */
    private static Dataset assembled(District district, Roster roster, ContactSink sink, List<Commitment> commitments,
                                     List<Meeting> meetings) {
        int[] familyOfContact = sink.familyOfContact();
        if (familyOfContact == null) {
            return null;
        }
        try {
            return DatasetAssembly.assemble(district, roster.staff, roster.families, sink.contacts, commitments,
                    meetings, familyOfContact);
        } catch (InvalidDatasetException e) {
            return null;
        }
    }

    /** The district with the roster's schools added to those it declares. */
    private static District withSchools(District district, List<School> schools) {
        if (schools.isEmpty()) {
            return district;
        }
        Map<String, School> all = new LinkedHashMap<>();
        for (School school : district.schools()) {
            all.put(school.id(), school);
        }
        for (School school : schools) {
            all.putIfAbsent(school.id(), school);
        }
        return district.toBuilder().schools(new ArrayList<>(all.values())).build();
    }

    /** A dataset problem, placed where its element came from: a contact's log line or query row. */
    private static Problem locate(Problem problem, ContactSink sink, Roster roster) {
        String pointer = problem.pointer();
        if (pointer.startsWith("/contacts/")) {
            int end = pointer.indexOf('/', "/contacts/".length());
            String number = pointer.substring("/contacts/".length(), end < 0 ? pointer.length() : end);
            try {
                int index = Integer.parseInt(number);
                ContactSink.Source source = sink.sourceOf(index);
                String field = end < 0 ? "" : pointer.substring(end + 1);
                if (source.rows) {
                    return new Problem(source.name + " row " + sink.lineOf(index)
                            + (field.isEmpty() ? "" : " " + field), problem.message());
                }
                Integer column = source.columns.get(field);
                String at = Problems.at(source.file, sink.lineOf(index), column == null ? 0 : column);
                return new Problem(at, problem.message() + (field.isEmpty() ? "" : " (" + field + ")"));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return new Problem(roster.source + " " + pointer, problem.message());
            }
        }
        return new Problem(roster.source + " " + pointer, problem.message());
    }

    /** The district as the configuration writes it. */
    record DistrictSpec(Settings settings, Path fromDataset) {
        static DistrictSpec read(Settings settings) {
            Path fromDataset = settings.path("fromDataset");
            if (fromDataset != null) {
                for (String key : List.of("id", "name", "timeZone", "defaultLanguage", "weekend", "holidays",
                        "schoolYearStart")) {
                    if (settings.has(key)) {
                        settings.problem(key, "the district comes from " + Problems.name(fromDataset)
                                + " (fromDataset); give one or the other");
                    }
                }
                return new DistrictSpec(settings, fromDataset);
            }
            settings.required("id", "the district's id");
            if (!settings.has("timeZone")) {
                settings.missing("timeZone", "an IANA time zone such as America/Chicago");
            }
            return new DistrictSpec(settings, null);
        }

        District district(Problems problems) throws IOException {
            if (fromDataset != null) {
                try {
                    return DatasetReader.read(fromDataset).district();
                } catch (InvalidDatasetException e) {
                    for (Problem problem : e.problems()) {
                        problems.add(Problems.name(fromDataset) + " " + problem.pointer(), problem.message());
                    }
                    return null;
                } catch (java.nio.file.NoSuchFileException e) {
                    problems.add(settings.at("fromDataset"), "no such file: " + Problems.name(fromDataset));
                    return null;
                }
            }
            String given = settings.string("id");
            // A blank id is reported by read(), as a required setting.
            String id = given == null || given.isBlank() ? null : settings.id("id");
            ZoneId zone = settings.zone("timeZone");
            District.Builder builder = District.builder(id, zone).name(settings.string("name"));
            String language = settings.string("defaultLanguage");
            if (language != null) {
                if (LanguageTags.isWellFormed(language.strip())) {
                    builder.defaultLanguage(language.strip());
                } else {
                    settings.problem("defaultLanguage", Problem.quote(language) + " is not a well-formed BCP 47 language tag");
                }
            }
            if (settings.has("weekend")) {
                Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
                for (Node day : settings.list("weekend")) {
                    String text = settings.scalar(day);
                    DayOfWeek value = text == null ? null : Enums.find(DayOfWeek.class, text);
                    if (value == null && text != null) {
                        problems.add(Problems.at(settings.file(), day), Texts.unknown("day", text, Enums.names(DayOfWeek.class)));
                    } else if (value != null) {
                        weekend.add(value);
                    }
                }
                builder.weekend(weekend);
            }
            Set<LocalDate> holidays = new TreeSet<>();
            for (Node day : settings.list("holidays")) {
                LocalDate date = settings.date(day);
                if (date != null) {
                    holidays.add(date);
                }
            }
            builder.holidays(holidays);
            if (settings.has("schoolYearStart")) {
                builder.schoolYearStart(settings.date(settings.get("schoolYearStart")));
            }
            if (id == null || zone == null) {
                return null;
            }
            return builder.build();
        }
    }

    /** One contact log of the configuration: its file, its mapping, its name. */
    static final class LogSource {
        static final String[] SETTINGS = {"name", "file", "mapping"};
        final String name;
        final Path file;
        final String at;
        private final Settings settings;
        private final Path mappingFile;

        private LogSource(String name, Path file, String at, Settings settings, Path mappingFile) {
            this.name = name;
            this.file = file;
            this.at = at;
            this.settings = settings;
            this.mappingFile = mappingFile;
        }

        static LogSource read(Settings settings, int index) {
            if (settings == null) {
                return null;
            }
            Path file = settings.path("file");
            if (file == null) {
                settings.missing("file", "the CSV file of the log");
            }
            Path mappingFile = null;
            Node mapping = settings.get("mapping");
            if (mapping == null) {
                settings.missing("mapping", "a mapping file, or the mapping itself");
            } else if (mapping instanceof Node.Scalar) {
                mappingFile = settings.path("mapping");
            }
            String name = settings.string("name");
            if (name == null) {
                name = file == null ? "log" + (index + 1) : stem(file);
            } else if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                settings.problem("name", "a log's name makes contact ids: one word, such as notifications");
            } else if (References.idProblem(name) != null) {
                settings.problem("name", "a log's name makes contact ids: " + References.idProblem(name));
            }
            return file == null || mapping == null ? null
                    : new LogSource(name.strip(), file, Problems.at(settings.file(), settings.node()), settings, mappingFile);
        }

        private static String stem(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return (dot > 0 ? name.substring(0, dot) : name).replaceAll("\\s+", "-");
        }

        /** The mapping, read now that the district's zone is known; {@code null} (reported) when unusable. */
        LogMapping mapping(Problems problems) {
            long before = problems.size();
            Settings mapping;
            if (mappingFile != null) {
                Node root = YamlTree.read(mappingFile, "mapping", problems);
                if (root == null) {
                    return null;
                }
                mapping = Settings.of(mappingFile, root, problems, "csv", "fields", "skip");
            } else {
                mapping = Settings.of(settings.file(), settings.get("mapping"), problems, "csv", "fields", "skip");
            }
            if (mapping == null) {
                return null;
            }
            LogMapping read = LogMapping.read(mapping);
            return problems.size() == before ? read : null;
        }
    }
}
