package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.familyengagement.errors.Problem;
import org.familyengagement.internal.References;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.School;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;

/**
 * A OneRoster 1.1 or 1.2 CSV bulk file (a zip, or a directory of its CSV files):
 * {@code manifest.csv}, {@code orgs.csv} (schools), {@code users.csv} (students, caregivers with
 * the roles parent, guardian or relative, staff), {@code roles.csv} (1.2: each user's roles and
 * orgs) and, when present, {@code demographics.csv} (equity groups, when the configuration maps
 * them). Families are the students linked through {@code agentSourcedIds} to a shared caregiver.
 * Names, usernames, e-mail addresses and phone numbers are never kept: only whether a caregiver has
 * a phone, an SMS number or an e-mail, as the channels of their preference.
 */
final class OneRosterSource {
    static final String[] SETTINGS = {"file", "familyIdPrefix", "channels", "groups"};
    private static final Set<String> CAREGIVER_ROLES = Set.of("parent", "guardian", "relative");
    private static final Map<String, StaffRole> STAFF_ROLES = Map.ofEntries(
            Map.entry("teacher", StaffRole.TEACHER), Map.entry("counselor", StaffRole.COUNSELOR),
            Map.entry("administrator", StaffRole.ADMINISTRATOR), Map.entry("principal", StaffRole.ADMINISTRATOR),
            Map.entry("districtadministrator", StaffRole.ADMINISTRATOR),
            Map.entry("siteadministrator", StaffRole.ADMINISTRATOR),
            Map.entry("systemadministrator", StaffRole.OTHER), Map.entry("aide", StaffRole.OTHER),
            Map.entry("proctor", StaffRole.OTHER));
    private static final List<String> ROLES = List.of("student", "parent", "guardian", "relative", "teacher", "aide",
            "administrator", "proctor", "counselor", "districtAdministrator", "principal", "siteAdministrator",
            "systemAdministrator");

    private record Group(String dimension, String column, Map<String, String> map, String at) {
    }

    private final Settings settings;
    private final Path file;
    private final String familyIdPrefix;
    private final List<Channel> channels;
    private final List<Group> groups = new ArrayList<>();
    private ContactLogReader.Unjoinable unjoinable = ContactLogReader.Unjoinable.ERROR;

    private OneRosterSource(Settings settings) {
        this.settings = settings;
        this.file = settings.path("file");
        if (file == null) {
            settings.missing("file", "the OneRoster bulk zip (or a directory of its CSV files)");
        }
        String prefix = settings.idPrefix("familyIdPrefix");
        this.familyIdPrefix = prefix == null ? "f-" : prefix;
        List<Channel> order = new ArrayList<>();
        for (String text : settings.strings("channels")) {
            Channel channel = Enums.find(Channel.class, text);
            if (channel == null || !(channel == Channel.SMS || channel == Channel.PHONE || channel == Channel.EMAIL)) {
                settings.problem("channels", "the channels of OneRoster contact points are SMS, PHONE and EMAIL, not "
                        + Problem.quote(text));
            } else {
                order.add(channel);
            }
        }
        this.channels = order.isEmpty() ? List.of(Channel.SMS, Channel.PHONE, Channel.EMAIL) : order;
        for (Map.Entry<String, Node> entry : settings.entries("groups").entrySet()) {
            Settings group = Settings.of(settings.file(), entry.getValue(), settings.problems(), "column", "map");
            if (group == null || !settings.problems().isId(Problems.at(settings.file(), entry.getValue()),
                    "group dimension", entry.getKey())) {
                continue;
            }
            String column = group.required("column", "the demographics.csv column that gives the label");
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, Node> label : group.entries("map").entrySet()) {
                String text = group.scalar(label.getValue());
                if (text != null && settings.problems().isId(Problems.at(settings.file(), label.getValue()),
                        "group label", text)) {
                    map.put(label.getKey().toLowerCase(Locale.ROOT), text);
                }
            }
            if (column != null) {
                groups.add(new Group(entry.getKey(), column, map, Problems.at(settings.file(), entry.getValue())));
            }
        }
    }

    static OneRosterSource read(Settings settings) {
        return settings == null ? null : new OneRosterSource(settings);
    }

    void unjoinable(ContactLogReader.Unjoinable policy) {
        this.unjoinable = policy;
    }

    /** The CSV files of the bulk file, by name; opened one at a time. */
    private interface Files_ extends AutoCloseable {
        /** The named table, or {@code null} when the bulk file has none. */
        InputStream open(String name) throws IOException;

        String name(String table);

        @Override
        void close() throws IOException;
    }

    private Files_ open(Problems problems) {
        if (Files.isDirectory(file)) {
            return new Files_() {
                @Override
                public InputStream open(String name) throws IOException {
                    Path table = file.resolve(name);
                    return Files.isRegularFile(table) ? Files.newInputStream(table) : null;
                }

                @Override
                public String name(String table) {
                    return Problems.name(file.resolve(table));
                }

                @Override
                public void close() {
                }
            };
        }
        if (!Files.exists(file)) {
            problems.add(Problems.name(file), "no such file");
            return null;
        }
        try {
            ZipFile zip = new ZipFile(file.toFile());
            return new Files_() {
                @Override
                public InputStream open(String name) throws IOException {
                    ZipEntry entry = zip.getEntry(name);
                    return entry == null ? null : zip.getInputStream(entry);
                }

                @Override
                public String name(String table) {
                    return Problems.name(file) + "!" + table;
                }

                @Override
                public void close() throws IOException {
                    zip.close();
                }
            };
        } catch (ZipException e) {
            problems.add(Problems.name(file), "not a zip file (" + Texts.firstLine(e.getMessage())
                    + "); give the OneRoster bulk zip, or a directory of its CSV files");
            return null;
        } catch (IOException e) {
            problems.add(Problems.name(file), "cannot be read: " + Texts.reason(e));
            return null;
        }
    }

    private static final class User {
        final String id;
        final String role;
        final boolean student;
        final boolean caregiver;
        final long line;
        /** Where its sourcedId is: {@code users.csv:line:column}, spelled out only for a problem. */
        private final String table;
        private final int column;
        final List<String> agents = new ArrayList<>(1);
        final List<Channel> contactPoints = new ArrayList<>(3);
        String grade;
        String org;

        User(String id, String role, long line, String table, int column) {
            this.id = id;
            this.role = role;
            this.student = role.equals("student");
            this.caregiver = CAREGIVER_ROLES.contains(role);
            this.line = line;
            this.table = table;
            this.column = column;
        }

        String at() {
            return table + ":" + line + (column < 0 ? "" : ":" + column);
        }
    }

    /** {@link Problems#isId}, with the cell's place spelled out only for a problem (this runs for every user). */
    private static boolean isId(Problems problems, CsvTable.Row row, String column, String what, String value) {
        return value == null || References.idProblem(value) == null || problems.isId(row.at(column), what, value);
    }

    Roster roster(Problems problems, Map<String, Integer> counts) throws IOException {
        Files_ files = open(problems);
        if (files == null) {
            return empty();
        }
        try (files) {
            // The manifest: a OneRoster bulk file of a version this reads.
            Map<String, String> manifest = new LinkedHashMap<>();
            InputStream manifestIn = files.open("manifest.csv");
            if (manifestIn == null) {
                problems.add(Problems.name(file), "no manifest.csv: not a OneRoster CSV bulk file");
                return empty();
            }
            CsvTable.read(manifestIn, files.name("manifest.csv"), List.of("propertyName", "value"), problems,
                    row -> manifest.put(row.get("propertyName"), row.get("value")));
            String version = manifest.get("oneroster.version");
            if (version != null && !version.equals("1.1") && !version.equals("1.2")) {
                problems.add(files.name("manifest.csv"), "oneroster.version is " + Problem.quote(version)
                        + "; this reads OneRoster 1.1 and 1.2");
            }
            for (String table : List.of("orgs", "users", "roles", "demographics")) {
                String mode = manifest.get("file." + table);
                if ("delta".equalsIgnoreCase(mode)) {
                    problems.add(files.name("manifest.csv"), "file." + table + " is delta; an import needs bulk files"
                            + " (the whole roster), not changes");
                }
            }
            if (!problems.isEmpty()) {
                return empty();
            }

            Map<String, School> schools = new LinkedHashMap<>();
            Map<String, String> orgType = new HashMap<>();
            InputStream orgs = files.open("orgs.csv");
            if (orgs == null) {
                problems.add(files.name("orgs.csv"), "missing: a OneRoster bulk file has orgs.csv");
            } else {
                CsvTable.read(orgs, files.name("orgs.csv"), List.of("sourcedId", "type"), problems, row -> {
                    if ("tobedeleted".equalsIgnoreCase(row.get("status")) || row.get("sourcedId") == null
                            || !isId(problems, row, "sourcedId", "sourcedId", row.get("sourcedId"))) {
                        return;
                    }
                    String type = row.get("type");
                    orgType.put(row.get("sourcedId"), type == null ? "" : type.toLowerCase(Locale.ROOT));
                    if ("school".equalsIgnoreCase(type)) {
                        schools.put(row.get("sourcedId"), new School(row.get("sourcedId"), row.get("name")));
                    }
                });
            }

            // Roles: users.csv's own role column (1.1), else roles.csv (1.2), primary roles first.
            Map<String, String[]> roleOf = new HashMap<>();
            InputStream roles = files.open("roles.csv");
            if (roles != null) {
                CsvTable.read(roles, files.name("roles.csv"), List.of("userSourcedId", "role"), problems, row -> {
                    if ("tobedeleted".equalsIgnoreCase(row.get("status"))) {
                        return;
                    }
                    String user = row.get("userSourcedId");
                    String role = row.get("role");
                    if (user == null || role == null) {
                        return;
                    }
                    if (!ROLES.contains(role)) {
                        problems.add(row.at("role"), Texts.unknown("role", role, ROLES));
                        return;
                    }
                    boolean primary = !"secondary".equalsIgnoreCase(row.get("roleType"));
                    String[] current = roleOf.get(user);
                    if (current == null || primary && "secondary".equals(current[2])) {
                        roleOf.put(user, new String[] {role, row.get("orgSourcedId"), primary ? "primary" : "secondary"});
                    }
                });
            }
            Map<String, User> users = new LinkedHashMap<>();
            InputStream usersIn = files.open("users.csv");
            if (usersIn == null) {
                problems.add(files.name("users.csv"), "missing: a OneRoster bulk file has users.csv");
                return empty();
            }
            boolean[] hasRoleColumn = {false};
            String usersName = files.name("users.csv");
            CsvTable.read(usersIn, usersName, List.of("sourcedId"), problems, row -> {
                if ("tobedeleted".equalsIgnoreCase(row.get("status"))) {
                    return;
                }
                String id = row.get("sourcedId");
                if (id == null) {
                    problems.add(row.at("sourcedId"), "a user without a sourcedId");
                    return;
                }
                if (!isId(problems, row, "sourcedId", "sourcedId", id)) {
                    return;
                }
                String role = row.get("role");
                String org = null;
                if (role != null) {
                    hasRoleColumn[0] = true;
                    String orgs1 = row.get("orgSourcedIds");
                    org = orgs1 == null ? null : orgs1.split(",")[0].strip();
                } else if (roleOf.containsKey(id)) {
                    role = roleOf.get(id)[0];
                    org = roleOf.get(id)[1];
                }
                if (role == null) {
                    problems.add(row.at("sourcedId"), "user " + Problem.quote(id) + " has no role (no role column in "
                            + "users.csv and no row in roles.csv)");
                    return;
                }
                if (!ROLES.contains(role)) {
                    problems.add(row.at("role"), Texts.unknown("role", role, ROLES));
                    return;
                }
                User user = new User(id, role, row.line, usersName, row.column("sourcedId"));
                String primaryOrg = row.get("primaryOrgSourcedId");
                user.org = primaryOrg != null ? primaryOrg : org;
                String grades = row.get("grades");
                user.grade = grades == null ? null : grades.split(",")[0].strip();
                String agents = row.get("agentSourcedIds");
                if (agents != null) {
                    for (String agent : agents.split(",")) {
                        if (!agent.isBlank() && isId(problems, row, "agentSourcedIds", "agentSourcedIds", agent.strip())) {
                            user.agents.add(agent.strip());
                        }
                    }
                }
                for (Channel channel : channels) {
                    String column = switch (channel) {
                        case SMS -> "sms";
                        case PHONE -> "phone";
                        default -> "email";
                    };
                    if (row.get(column) != null) {
                        user.contactPoints.add(channel);
                    }
                }
                if (users.putIfAbsent(id, user) != null) {
                    problems.add(row.at("sourcedId"), "a second user with sourcedId " + Problem.quote(id));
                }
            });
            Map<String, Map<String, String>> demographics = new HashMap<>();
            if (!groups.isEmpty()) {
                InputStream demographicsIn = files.open("demographics.csv");
                if (demographicsIn == null) {
                    problems.add(settings.at("groups"), "groups come from demographics.csv, which "
                            + Problems.name(file) + " does not have");
                } else {
                    List<String> required = new ArrayList<>(List.of("sourcedId"));
                    groups.forEach(g -> required.add(g.column()));
                    CsvTable.read(demographicsIn, files.name("demographics.csv"), required, problems, row -> {
                        Map<String, String> labels = new HashMap<>();
                        for (Group group : groups) {
                            String value = row.get(group.column());
                            if (value != null) {
                                String mapped = group.map().isEmpty() ? value
                                        : group.map().get(value.toLowerCase(Locale.ROOT));
                                if (mapped == null) {
                                    problems.add(row.at(group.column()), Texts.unknown("value", value,
                                            group.map().keySet()) + " for group " + Problem.quote(group.dimension())
                                            + "; add it to groups." + group.dimension() + ".map");
                                } else if (isId(problems, row, group.column(), "group label", mapped)) {
                                    labels.put(group.dimension(), mapped);
                                }
                            }
                        }
                        demographics.put(row.get("sourcedId"), labels);
                    });
                }
            }
            if (!problems.isEmpty()) {
                return empty();
            }
            return assemble(users, schools, orgType, demographics, problems, counts, usersName);
        }
    }

    private Roster assemble(Map<String, User> users, Map<String, School> schools, Map<String, String> orgType,
                            Map<String, Map<String, String>> demographics, Problems problems,
                            Map<String, Integer> counts, String usersName) {
        List<Staff> staff = new ArrayList<>();
        Map<String, String> parent = new HashMap<>();
        List<User> students = new ArrayList<>();
        for (User user : users.values()) {
            if (user.student) {
                students.add(user);
                parent.put(user.id, user.id);
            } else if (!user.caregiver) {
                staff.add(new Staff(user.id, STAFF_ROLES.getOrDefault(user.role.toLowerCase(Locale.ROOT),
                        StaffRole.OTHER), List.of()));
            }
        }
        // Links student <-> caregiver, from either side's agentSourcedIds.
        Map<String, List<String>> caregiversOf = new TreeMap<>();
        for (User user : users.values()) {
            for (String agent : user.agents) {
                User other = users.get(agent);
                if (other == null) {
                    String message = "agentSourcedIds names " + Problem.quote(agent) + ", which is no user in users.csv";
                    if (unjoinable == ContactLogReader.Unjoinable.ERROR) {
                        problems.add(user.at(), message);
                    } else {
                        problems.warn(user.at(), message + "; link skipped");
                    }
                    continue;
                }
                String student = user.student ? user.id : other.student ? other.id : null;
                String caregiver = user.caregiver ? user.id : other.caregiver ? other.id : null;
                if (student != null && caregiver != null) {
                    List<String> list = caregiversOf.computeIfAbsent(student, k -> new ArrayList<>());
                    if (!list.contains(caregiver)) {
                        list.add(caregiver);
                    }
                }
            }
        }
        Map<String, String> firstStudentOf = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : caregiversOf.entrySet()) {
            for (String caregiver : entry.getValue()) {
                String first = firstStudentOf.putIfAbsent(caregiver, entry.getKey());
                if (first != null) {
                    union(parent, first, entry.getKey());
                }
            }
        }
        Map<String, List<User>> households = new TreeMap<>();
        for (User student : students) {
            households.computeIfAbsent(find(parent, student.id), k -> new ArrayList<>()).add(student);
        }
        List<Family> families = new ArrayList<>();
        for (List<User> household : households.values()) {
            household.sort(Comparator.comparing(u -> u.id));
            // Each id is one; the prefix can still make the family's too long.
            String familyId = familyIdPrefix + household.get(0).id;
            if (References.idProblem(familyId) != null
                    && !problems.isId(household.get(0).at(), "family id (familyIdPrefix + sourcedId)", familyId)) {
                continue;
            }
            Family.Builder family = Family.builder(familyId);
            List<String> caregivers = new ArrayList<>();
            Map<String, List<String>> labels = new TreeMap<>();
            for (User student : household) {
                String school = student.org != null && "school".equals(orgType.get(student.org)) ? student.org : null;
                family.student(new Student(student.id, student.grade, school));
                for (String caregiver : caregiversOf.getOrDefault(student.id, List.of())) {
                    if (!caregivers.contains(caregiver)) {
                        caregivers.add(caregiver);
                    }
                }
                for (Map.Entry<String, String> label : demographics.getOrDefault(student.id, Map.of()).entrySet()) {
                    labels.computeIfAbsent(label.getKey(), k -> new ArrayList<>()).add(label.getValue());
                }
            }
            caregivers.sort(Comparator.naturalOrder());
            List<Channel> familyChannels = new ArrayList<>();
            for (String id : caregivers) {
                User caregiver = users.get(id);
                Preference own = caregiver.contactPoints.isEmpty() ? null
                        : Preference.of(List.of(), caregiver.contactPoints);
                family.caregiver(new Caregiver(id, caregiver.role.toUpperCase(Locale.ROOT), own, null));
                for (Channel channel : caregiver.contactPoints) {
                    if (!familyChannels.contains(channel)) {
                        familyChannels.add(channel);
                    }
                }
            }
            familyChannels.sort(Comparator.comparingInt(channels::indexOf));
            if (!familyChannels.isEmpty()) {
                family.preference(Preference.of(List.of(), familyChannels));
            }
            for (Map.Entry<String, List<String>> label : labels.entrySet()) {
                boolean same = label.getValue().stream().distinct().count() == 1;
                family.group(label.getKey(), same ? label.getValue().get(0) : "mixed");
            }
            families.add(family.build());
        }
        families.sort(Comparator.comparing(Family::id));
        long caregiversWithoutStudent = users.values().stream()
                .filter(u -> u.caregiver && !firstStudentOf.containsKey(u.id)).count();
        counts.put(usersName + " students", students.size());
        counts.put(usersName + " caregivers", (int) users.values().stream()
                .filter(u -> u.caregiver).count());
        counts.put(usersName + " staff", staff.size());
        if (caregiversWithoutStudent > 0) {
            counts.put(usersName + " caregivers with no student (left out)", (int) caregiversWithoutStudent);
        }
        return new Roster(Problems.name(file), families, staff, new ArrayList<>(schools.values()));
    }

    private Roster empty() {
        return new Roster(file == null ? "oneRoster" : Problems.name(file), List.of(), List.of(), List.of());
    }

    static String find(Map<String, String> parent, String node) {
        String root = node;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        while (!parent.get(node).equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
