package org.familyengagement.importer.internal;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.familyengagement.errors.Problem;
import org.familyengagement.importer.internal.XmlRecords.Element;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Restriction;
import org.familyengagement.model.School;
import org.familyengagement.model.Student;

/**
 * Ed-Fi Data Standard 5.2 XML interchanges: {@code InterchangeStudent} (students),
 * {@code InterchangeContact} (contacts and their associations with students: the caregivers) and
 * {@code InterchangeEducationOrgCalendar} (sessions and calendar dates: the school year's start
 * and the days without school). Names, addresses, telephone numbers and e-mail addresses are read
 * by the parser but never kept: only ids, descriptors and flags are.
 *
 * <p>Households: students are in one family when they share a contact they live with
 * ({@code households: LIVES_WITH}, the default) or any contact ({@code ANY_CONTACT}); a family's
 * caregivers are all the contacts associated with its students. docs/import.md has every mapping.
 */
final class EdFiSource {
    static final String[] SETTINGS = {"students", "contacts", "calendar", "schoolYear", "households",
        "familyIdPrefix", "telephoneTypes", "relations", "languages", "languageUses", "restrictions",
        "homeLanguageGroup", "calendarEvents"};

    enum Households { LIVES_WITH, ANY_CONTACT }

    enum DayKind { SCHOOL, NO_SCHOOL }

    /** How a telephone type reaches a family; Fax reaches nobody. */
    static final Map<String, List<Channel>> TELEPHONE_TYPES = new LinkedHashMap<>();
    /** Language uses, most telling first: how a contact's languages are ranked. */
    static final List<String> LANGUAGE_USES = List.of("Correspondence language", "Written language",
            "Home language", "Spoken language", "Dominant language", "Native language", "Other language proficiency",
            "Other");
    static final Map<String, DayKind> CALENDAR_EVENTS = new LinkedHashMap<>();
    /** Relation descriptors whose upper-snake form would read oddly. */
    static final Map<String, String> RELATIONS = Map.of("Father, step", "STEPFATHER", "Mother, step", "STEPMOTHER",
            "Parent, step", "STEPPARENT");

    static {
        TELEPHONE_TYPES.put("Mobile", List.of(Channel.SMS, Channel.PHONE));
        for (String type : List.of("Home", "Work", "Other", "Emergency 1", "Emergency 2", "Unlisted")) {
            TELEPHONE_TYPES.put(type, List.of(Channel.PHONE));
        }
        TELEPHONE_TYPES.put("Fax", List.of());
        for (String event : List.of("Instructional day", "Make-up day", "Student late arrival/early dismissal",
                "Other")) {
            CALENDAR_EVENTS.put(event, DayKind.SCHOOL);
        }
        for (String event : List.of("Holiday", "Non-instructional day", "Teacher only day", "Weather day",
                "Emergency day", "Strike")) {
            CALENDAR_EVENTS.put(event, DayKind.NO_SCHOOL);
        }
    }

    private final Settings settings;
    private final Path students;
    private final Path contacts;
    private final Path calendar;
    private final String schoolYear;
    private final Households households;
    private final String familyIdPrefix;
    private final Map<String, List<Channel>> telephoneTypes;
    private final Map<String, String> relations;
    private final Map<String, String> languages;
    private final List<String> languageUses;
    private final Restriction restrictions;
    private final String homeLanguageGroup;
    private final Map<String, DayKind> calendarEvents;

    private EdFiSource(Settings settings) {
        this.settings = settings;
        this.students = settings.path("students");
        this.contacts = settings.path("contacts");
        this.calendar = settings.path("calendar");
        this.schoolYear = settings.string("schoolYear");
        this.households = settings.enumValue("households", Households.class, Households.LIVES_WITH);
        String prefix = settings.idPrefix("familyIdPrefix");
        this.familyIdPrefix = prefix == null ? "f-" : prefix;
        this.telephoneTypes = new LinkedHashMap<>(TELEPHONE_TYPES);
        for (Map.Entry<String, Node> entry : settings.entries("telephoneTypes").entrySet()) {
            List<Channel> channels = new ArrayList<>();
            Node node = entry.getValue();
            List<Node> items = node instanceof Node.Sequence sequence ? sequence.items() : List.of(node);
            for (Node item : items) {
                String text = settings.scalar(item);
                if (text == null) {
                    continue;
                }
                Channel channel = Enums.find(Channel.class, text);
                if (channel == null) {
                    settings.problems().add(Problems.at(settings.file(), item),
                            Texts.unknown("channel", text, Enums.names(Channel.class)));
                } else {
                    channels.add(channel);
                }
            }
            telephoneTypes.put(entry.getKey(), channels);
        }
        this.relations = new HashMap<>(RELATIONS);
        for (Map.Entry<String, Node> entry : settings.entries("relations").entrySet()) {
            String text = settings.scalar(entry.getValue());
            if (text != null) {
                relations.put(entry.getKey(), text.strip());
            }
        }
        this.languages = new HashMap<>();
        for (Map.Entry<String, Node> entry : settings.entries("languages").entrySet()) {
            String text = settings.scalar(entry.getValue());
            if (text != null && !LanguageTags.isWellFormed(text.strip())) {
                settings.problems().add(Problems.at(settings.file(), entry.getValue()),
                        Problem.quote(text) + " is not a well-formed BCP 47 language tag");
            } else if (text != null) {
                languages.put(entry.getKey(), text.strip());
            }
        }
        List<String> uses = settings.strings("languageUses");
        this.languageUses = uses.isEmpty() ? LANGUAGE_USES : uses;
        this.restrictions = settings.enumValue("restrictions", Restriction.class, Restriction.NO_CONTACT);
        this.homeLanguageGroup = settings.id("homeLanguageGroup");
        this.calendarEvents = new LinkedHashMap<>(CALENDAR_EVENTS);
        calendarEvents.putAll(settings.enumMap("calendarEvents", DayKind.class));
        if (students == null && contacts != null || students != null && contacts == null) {
            settings.missing(students == null ? "students" : "contacts",
                    "a roster from Ed-Fi needs both Student.xml (InterchangeStudent) and Contact.xml (InterchangeContact)");
        }
        if (students == null && contacts == null && calendar == null) {
            settings.missing("students", "students and contacts (the roster), a calendar, or both");
        }
    }

    static EdFiSource read(Settings settings) {
        return settings == null ? null : new EdFiSource(settings);
    }

    boolean hasRoster() {
        return students != null && contacts != null;
    }

    boolean hasCalendar() {
        return calendar != null;
    }

    /** The code value of a descriptor URI: {@code uri://ed-fi.org/RelationDescriptor#Father} is {@code Father}. */
    static String code(String descriptor) {
        if (descriptor == null) {
            return null;
        }
        int hash = descriptor.lastIndexOf('#');
        return (hash >= 0 ? descriptor.substring(hash + 1) : descriptor).strip();
    }

    // ---- the roster ---------------------------------------------------------------------------------

    /** What one Contact element keeps: ids and classifications only. */
    private static final class ContactRecord {
        final String uniqueId;
        final String at;
        final List<String> languages = new ArrayList<>();
        final List<Channel> channels = new ArrayList<>();
        String homeLanguage;

        ContactRecord(String uniqueId, String at) {
            this.uniqueId = uniqueId;
            this.at = at;
        }
    }

    /** One StudentContactAssociation. */
    private record Association(String studentId, String contactId, String relation, boolean primary,
                               boolean livesWith, int priority, boolean restricted) {
    }

    Roster roster(District district, Problems problems, Map<String, Integer> counts) {
        Set<String> studentIds = new LinkedHashSet<>();
        Map<String, String> studentAt = new HashMap<>();
        Map<String, String> studentByRef = new HashMap<>();
        XmlRecords.read(students, "InterchangeStudent", problems, element -> {
            if (!element.name.equals("Student")) {
                return;
            }
            String id = element.text("StudentUniqueId");
            if (id == null) {
                problems.add(element.at(students), "a Student without a StudentUniqueId");
                return;
            }
            String at = element.find("StudentUniqueId").at(students);
            if (!problems.isId(at, "StudentUniqueId", id)) {
                return;
            }
            studentAt.putIfAbsent(id, at);
            if (!studentIds.add(id)) {
                problems.add(element.at(students), "a second Student with StudentUniqueId " + Problem.quote(id));
            }
            String ref = element.attributes.get("id");
            if (ref != null) {
                studentByRef.put(ref, id);
            }
        });
        counts.put(Problems.name(students) + " students", studentIds.size());

        Map<String, ContactRecord> contactById = new LinkedHashMap<>();
        Map<String, String> contactByRef = new HashMap<>();
        List<Association> associations = new ArrayList<>();
        Map<Association, String> placeOf = new HashMap<>();
        XmlRecords.read(contacts, "InterchangeContact", problems, element -> {
            switch (element.name) {
                case "Contact" -> {
                    ContactRecord contact = contact(element, problems);
                    if (contact != null) {
                        if (contactById.putIfAbsent(contact.uniqueId, contact) != null) {
                            problems.add(element.at(contacts), "a second Contact with ContactUniqueId "
                                    + Problem.quote(contact.uniqueId));
                        }
                        String ref = element.attributes.get("id");
                        if (ref != null) {
                            contactByRef.put(ref, contact.uniqueId);
                        }
                    }
                }
                case "StudentContactAssociation" -> {
                    Association association = association(element, problems, studentByRef, contactByRef);
                    if (association != null) {
                        associations.add(association);
                        placeOf.put(association, element.at(contacts));
                    }
                }
                default -> {
                    // Person records and others: nothing for the roster.
                }
            }
        });
        counts.put(Problems.name(contacts) + " contacts", contactById.size());
        counts.put(Problems.name(contacts) + " student-contact associations", associations.size());
        if (!problems.isEmpty()) {
            return new Roster(Problems.name(contacts), List.of(), List.of(), List.of());
        }

        // Associations that do not join: an unknown student or contact.
        List<Association> joined = new ArrayList<>();
        for (Association association : associations) {
            String at = placeOf.get(association);
            if (!studentIds.contains(association.studentId)) {
                unjoinable(problems, at, "no Student with StudentUniqueId " + Problem.quote(association.studentId)
                        + " in " + Problems.name(students));
            } else if (!contactById.containsKey(association.contactId)) {
                unjoinable(problems, at, "no Contact with ContactUniqueId " + Problem.quote(association.contactId)
                        + " in " + Problems.name(contacts));
            } else {
                joined.add(association);
            }
        }

        // Households: union of students through the contacts that join them.
        Map<String, String> parent = new HashMap<>();
        for (String student : studentIds) {
            parent.put(student, student);
        }
        Map<String, String> firstStudentOf = new HashMap<>();
        for (Association association : joined) {
            if (households == Households.ANY_CONTACT || association.livesWith) {
                String first = firstStudentOf.putIfAbsent(association.contactId, association.studentId);
                if (first != null) {
                    union(parent, first, association.studentId);
                }
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        for (String student : studentIds) {
            members.computeIfAbsent(find(parent, student), k -> new ArrayList<>()).add(student);
        }
        Map<String, List<Association>> byStudent = new HashMap<>();
        Set<String> associated = new java.util.HashSet<>();
        for (Association association : joined) {
            byStudent.computeIfAbsent(association.studentId, k -> new ArrayList<>()).add(association);
            associated.add(association.contactId);
        }
        List<Family> families = new ArrayList<>();
        for (List<String> household : members.values()) {
            household.sort(Comparator.naturalOrder());
            // Each id is one; the prefix can still make the family's too long.
            if (problems.isId(studentAt.get(household.get(0)), "family id (familyIdPrefix + StudentUniqueId)",
                    familyIdPrefix + household.get(0))) {
                families.add(family(household, byStudent, contactById));
            }
        }
        if (!problems.isEmpty()) {
            return new Roster(Problems.name(contacts), List.of(), List.of(), List.of());
        }
        families.sort(Comparator.comparing(Family::id));
        int unassociated = contactById.size() - associated.size();
        if (unassociated > 0) {
            counts.put(Problems.name(contacts) + " contacts with no student (left out)", unassociated);
        }
        return new Roster(Problems.name(contacts), families, List.of(), List.of());
    }

    private Family family(List<String> household, Map<String, List<Association>> byStudent,
                          Map<String, ContactRecord> contactById) {
        Family.Builder family = Family.builder(familyIdPrefix + household.get(0));
        Map<String, List<Association>> byContact = new LinkedHashMap<>();
        for (String student : household) {
            family.student(new Student(student, null, null));
            for (Association association : byStudent.getOrDefault(student, List.of())) {
                byContact.computeIfAbsent(association.contactId, k -> new ArrayList<>()).add(association);
            }
        }
        List<List<Association>> ranked = new ArrayList<>(byContact.values());
        ranked.sort(Comparator.comparing((List<Association> a) -> !a.stream().anyMatch(Association::primary))
                .thenComparingInt(a -> a.stream().mapToInt(Association::priority).min().orElse(Integer.MAX_VALUE))
                .thenComparing(a -> !a.stream().anyMatch(Association::livesWith))
                .thenComparing(a -> a.get(0).contactId));
        List<String> familyLanguages = new ArrayList<>();
        List<Channel> familyChannels = new ArrayList<>();
        String homeLanguage = null;
        for (List<Association> links : ranked) {
            ContactRecord contact = contactById.get(links.get(0).contactId);
            String relation = links.get(0).relation;
            boolean restricted = links.stream().anyMatch(Association::restricted);
            Preference own = contact.languages.isEmpty() && contact.channels.isEmpty() ? null
                    : Preference.of(contact.languages, contact.channels);
            family.caregiver(new Caregiver(contact.uniqueId, relation == null ? null : relationship(relation), own,
                    restricted ? restrictions : Restriction.NONE));
            for (String language : contact.languages) {
                if (!familyLanguages.contains(language)) {
                    familyLanguages.add(language);
                }
            }
            for (Channel channel : contact.channels) {
                if (!familyChannels.contains(channel)) {
                    familyChannels.add(channel);
                }
            }
            if (homeLanguage == null) {
                homeLanguage = contact.homeLanguage;
            }
        }
        if (!familyLanguages.isEmpty() || !familyChannels.isEmpty()) {
            family.preference(Preference.of(familyLanguages, familyChannels));
        }
        if (homeLanguageGroup != null && homeLanguage != null) {
            family.group(homeLanguageGroup, homeLanguage);
        }
        return family.build();
    }

    private String relationship(String code) {
        String mapped = relations.get(code);
        return mapped != null ? mapped : Texts.upperSnake(code);
    }

    private ContactRecord contact(Element element, Problems problems) {
        String id = element.text("ContactUniqueId");
        if (id == null) {
            problems.add(element.at(contacts), "a Contact without a ContactUniqueId");
            return null;
        }
        if (!problems.isId(element.find("ContactUniqueId").at(contacts), "ContactUniqueId", id)) {
            return null;
        }
        ContactRecord contact = new ContactRecord(id, element.at(contacts));
        // Telephones by their order of priority (unranked last), then e-mail, primary first.
        List<Element> telephones = new ArrayList<>(element.all("Telephone"));
        telephones.sort(Comparator.comparingInt(t -> integer(t.text("OrderOfPriority"), Integer.MAX_VALUE)));
        for (Element telephone : telephones) {
            String type = code(telephone.text("TelephoneNumberType"));
            if (type == null) {
                problems.add(telephone.at(contacts), "a Telephone without a TelephoneNumberType");
                continue;
            }
            List<Channel> channels = telephoneTypes.get(type);
            if (channels == null) {
                problems.add(telephone.find("TelephoneNumberType").at(contacts),
                        Texts.unknown("TelephoneNumberType", type, telephoneTypes.keySet())
                                + "; map it under edFi.telephoneTypes");
                continue;
            }
            String texting = telephone.text("TextMessageCapabilityIndicator");
            for (Channel channel : channels) {
                if (channel == Channel.SMS && "false".equalsIgnoreCase(texting)) {
                    continue;
                }
                add(contact.channels, channel);
            }
            if ("true".equalsIgnoreCase(texting)) {
                add(contact.channels, Channel.SMS);
            }
        }
        List<Element> emails = new ArrayList<>(element.all("ElectronicMail"));
        emails.sort(Comparator.comparing(e -> !"true".equalsIgnoreCase(e.text("PrimaryEmailAddressIndicator"))));
        if (!emails.isEmpty()) {
            add(contact.channels, Channel.EMAIL);
        }
        List<Element> spoken = new ArrayList<>(element.all("Language"));
        Map<String, Integer> rank = new HashMap<>();
        for (Element language : spoken) {
            String code = code(language.text("Language"));
            if (code == null) {
                problems.add(language.at(contacts), "a Language without a Language descriptor");
                continue;
            }
            String tag = languageTag(code);
            if (tag == null) {
                problems.add(language.find("Language").at(contacts), "unknown Language descriptor "
                        + Problem.quote(code) + ": not an ISO 639 code; map it to a BCP 47 tag under edFi.languages");
                continue;
            }
            int best = languageUses.size();
            for (Element use : language.all("LanguageUse")) {
                String name = code(use.text.strip());
                int at = languageUses.indexOf(name);
                if (at < 0) {
                    problems.add(use.at(contacts), Texts.unknown("LanguageUse", name, languageUses)
                            + "; list it under edFi.languageUses");
                    continue;
                }
                best = Math.min(best, at);
                if (name.equals("Home language") && contact.homeLanguage == null) {
                    contact.homeLanguage = tag;
                }
            }
            rank.merge(tag, best, Math::min);
        }
        List<String> tags = new ArrayList<>(rank.keySet());
        tags.sort(Comparator.comparingInt(rank::get));
        contact.languages.addAll(tags);
        return contact;
    }

    private static void add(List<Channel> channels, Channel channel) {
        if (!channels.contains(channel)) {
            channels.add(channel);
        }
    }

    private Association association(Element element, Problems problems, Map<String, String> studentByRef,
                                    Map<String, String> contactByRef) {
        Element studentReference = element.child("StudentReference");
        Element contactReference = element.child("ContactReference");
        String student = studentReference == null ? null
                : reference(studentReference, studentByRef, "StudentIdentity", "StudentUniqueId");
        String contact = contactReference == null ? null
                : reference(contactReference, contactByRef, "ContactIdentity", "ContactUniqueId");
        if (student == null || contact == null) {
            problems.add(element.at(contacts), "a StudentContactAssociation without a "
                    + (student == null ? "StudentReference" : "ContactReference")
                    + " naming a known element (by ref) or an identity (unique id)");
            return null;
        }
        if (!(isId(studentReference, "StudentIdentity", "StudentUniqueId", student, problems)
                & isId(contactReference, "ContactIdentity", "ContactUniqueId", contact, problems))) {
            return null;
        }
        String restrictionsText = element.text("ContactRestrictions");
        return new Association(student, contact, code(element.text("Relation")),
                "true".equalsIgnoreCase(element.text("PrimaryContactStatus")),
                "true".equalsIgnoreCase(element.text("LivesWith")),
                integer(element.text("ContactPriority"), Integer.MAX_VALUE),
                restrictionsText != null && !restrictionsText.isBlank());
    }

    /** Checks the id a reference gave, placed at its identity's unique id (else at the reference). */
    private boolean isId(Element reference, String identity, String uniqueId, String id, Problems problems) {
        Element given = reference.find(identity, uniqueId);
        return problems.isId((given != null ? given : reference).at(contacts), uniqueId, id);
    }

    /** A reference's unique id: from its identity, else from the element its {@code ref} names. */
    private static String reference(Element reference, Map<String, String> byRef, String identity, String uniqueId) {
        String id = reference.text(identity, uniqueId);
        if (id != null) {
            return id;
        }
        String ref = reference.attributes.get("ref");
        return ref == null ? null : byRef.getOrDefault(ref, ref.isBlank() ? null : "#" + ref);
    }

    private static int integer(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private Unjoin unjoinable = Unjoin.ERROR;

    enum Unjoin { ERROR, SKIP }

    void unjoinable(ContactLogReader.Unjoinable policy) {
        this.unjoinable = policy == ContactLogReader.Unjoinable.SKIP ? Unjoin.SKIP : Unjoin.ERROR;
    }

    private void unjoinable(Problems problems, String at, String message) {
        if (unjoinable == Unjoin.ERROR) {
            problems.add(at, message);
        } else {
            problems.warn(at, message + "; association skipped");
        }
    }

    private static String find(Map<String, String> parent, String node) {
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

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // The smaller id becomes the root: the family is named after its first student either way.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    // ---- languages ------------------------------------------------------------------------------------

    /** ISO 639-2/B codes (which Ed-Fi's LanguageDescriptor uses) whose terminology code differs. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(Map.entry("alb", "sq"),
            Map.entry("arm", "hy"), Map.entry("baq", "eu"), Map.entry("bur", "my"), Map.entry("chi", "zh"),
            Map.entry("cze", "cs"), Map.entry("dut", "nl"), Map.entry("fre", "fr"), Map.entry("geo", "ka"),
            Map.entry("ger", "de"), Map.entry("gre", "el"), Map.entry("ice", "is"), Map.entry("mac", "mk"),
            Map.entry("mao", "mi"), Map.entry("may", "ms"), Map.entry("per", "fa"), Map.entry("rum", "ro"),
            Map.entry("slo", "sk"), Map.entry("tib", "bo"), Map.entry("wel", "cy"));
    private static final Map<String, String> TWO_LETTER = new HashMap<>();

    static {
        for (String language : Locale.getISOLanguages()) {
            try {
                TWO_LETTER.put(new Locale(language).getISO3Language(), language);
            } catch (java.util.MissingResourceException e) {
                // No three-letter code known for it.
            }
        }
    }

    /**
     * The BCP 47 tag of an Ed-Fi language code: the configuration's mapping; else the two-letter
     * code of an ISO 639-2 code ({@code spa} is {@code es}, {@code chi} is {@code zh}); else a
     * three-letter code itself ({@code hmn}); {@code null} for anything else.
     */
    String languageTag(String code) {
        String mapped = languages.get(code);
        if (mapped != null) {
            return mapped;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.length() == 2 && LanguageTags.isWellFormed(lower)) {
            return lower;
        }
        if (lower.length() != 3 || !lower.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
            return null;
        }
        String two = BIBLIOGRAPHIC.getOrDefault(lower, TWO_LETTER.get(lower));
        return two != null ? two : lower;
    }

    // ---- the calendar ---------------------------------------------------------------------------------

    private record Session(String school, String year, String name, LocalDate begin, LocalDate end, int days, String at) {
    }

    /**
     * The district with the calendar's school year start, schools and days without school: the
     * weekdays between one session's end and the next one's start (breaks), and the dates whose
     * calendar events all mean no school. A date is a holiday when it is one at every school of
     * the calendar. A session that counts fewer instructional days than it has school days left is
     * reported as a warning: the calendar lists fewer closures than the school has.
     */
    District calendar(District district, Problems problems, Map<String, Integer> counts) {
        List<Session> sessions = new ArrayList<>();
        Map<String, Map<LocalDate, Boolean>> dates = new TreeMap<>();
        XmlRecords.read(calendar, "InterchangeEducationOrgCalendar", problems, element -> {
            switch (element.name) {
                case "Session" -> {
                    String school = element.text("SchoolReference", "SchoolIdentity", "SchoolId");
                    boolean schoolIsId = school == null || problems.isId(element.find("SchoolReference",
                            "SchoolIdentity", "SchoolId").at(calendar), "SchoolId", school);
                    LocalDate begin = date(element, "BeginDate", problems);
                    LocalDate end = date(element, "EndDate", problems);
                    if (!schoolIsId) {
                        return;
                    }
                    if (school == null || begin == null || end == null) {
                        if (school == null) {
                            problems.add(element.at(calendar), "a Session without a SchoolReference/SchoolIdentity/SchoolId");
                        }
                        return;
                    }
                    if (end.isBefore(begin)) {
                        problems.add(element.at(calendar), "the Session ends (" + end + ") before it begins (" + begin + ")");
                        return;
                    }
                    sessions.add(new Session(school, element.text("SchoolYear"), element.text("SessionName"), begin, end,
                            integer(element.text("TotalInstructionalDays"), -1), element.at(calendar)));
                }
                case "CalendarDate" -> {
                    LocalDate date = date(element, "Date", problems);
                    String school = element.text("CalendarReference", "CalendarIdentity", "SchoolReference",
                            "SchoolIdentity", "SchoolId");
                    if (school != null && !problems.isId(element.find("CalendarReference", "CalendarIdentity",
                            "SchoolReference", "SchoolIdentity", "SchoolId").at(calendar), "SchoolId", school)) {
                        return;
                    }
                    if (date == null || school == null) {
                        if (school == null) {
                            problems.add(element.at(calendar), "a CalendarDate without a CalendarReference naming its school");
                        }
                        return;
                    }
                    boolean school_ = false;
                    for (Element event : element.all("CalendarEvent")) {
                        String code = code(event.text);
                        DayKind kind = calendarEvents.get(code);
                        if (kind == null) {
                            problems.add(event.at(calendar), Texts.unknown("CalendarEvent", code, calendarEvents.keySet())
                                    + "; map it to SCHOOL or NO_SCHOOL under edFi.calendarEvents");
                            return;
                        }
                        school_ |= kind == DayKind.SCHOOL;
                    }
                    dates.computeIfAbsent(school, k -> new TreeMap<>()).put(date, school_);
                }
                default -> {
                    // Calendars and grading periods say nothing about which days have school.
                }
            }
        });
        if (!problems.isEmpty()) {
            return district;
        }
        if (sessions.isEmpty()) {
            problems.add(Problems.name(calendar), "no Session: the calendar has no school year to take");
            return district;
        }
        String year = schoolYear;
        if (year == null) {
            year = sessions.stream().map(Session::year).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(null);
        } else {
            String wanted = year;
            if (sessions.stream().noneMatch(s -> wanted.equals(s.year()))) {
                problems.add(settings.at("schoolYear"), "no Session of school year " + Problem.quote(year) + " in "
                        + Problems.name(calendar) + "; it has " + String.join(", ",
                        new TreeSet<>(sessions.stream().map(Session::year).filter(java.util.Objects::nonNull).toList())));
                return district;
            }
        }
        String chosen = year;
        List<Session> ofYear = sessions.stream().filter(s -> chosen == null || chosen.equals(s.year())).toList();
        Map<String, List<Session>> bySchool = new TreeMap<>();
        for (Session session : ofYear) {
            bySchool.computeIfAbsent(session.school(), k -> new ArrayList<>()).add(session);
        }
        Set<DayOfWeek> weekend = district.weekend();
        Set<LocalDate> common = null;
        LocalDate start = null;
        List<School> schools = new ArrayList<>(district.schools());
        for (Map.Entry<String, List<Session>> entry : bySchool.entrySet()) {
            String school = entry.getKey();
            if (schools.stream().noneMatch(s -> s.id().equals(school))) {
                schools.add(new School(school, null));
            }
            List<Session> list = entry.getValue();
            list.sort(Comparator.comparing(Session::begin));
            Set<LocalDate> closed = new TreeSet<>();
            Map<LocalDate, Boolean> events = dates.getOrDefault(school, Map.of());
            for (int i = 0; i + 1 < list.size(); i++) {
                for (LocalDate day = list.get(i).end().plusDays(1); day.isBefore(list.get(i + 1).begin());
                     day = day.plusDays(1)) {
                    if (!weekend.contains(day.getDayOfWeek())) {
                        closed.add(day);
                    }
                }
            }
            for (Map.Entry<LocalDate, Boolean> event : events.entrySet()) {
                LocalDate day = event.getKey();
                if (!event.getValue() && !weekend.contains(day.getDayOfWeek())
                        && !day.isBefore(list.get(0).begin()) && !day.isAfter(list.get(list.size() - 1).end())) {
                    closed.add(day);
                }
            }
            for (Session session : list) {
                long open = 0;
                for (LocalDate day = session.begin(); !day.isAfter(session.end()); day = day.plusDays(1)) {
                    if (!weekend.contains(day.getDayOfWeek()) && !closed.contains(day)
                            && !district.holidays().contains(day)) {
                        open++;
                    }
                }
                if (session.days() >= 0 && open > session.days()) {
                    problems.warn(session.at(), "the session " + session.begin() + " to " + session.end()
                            + " of school " + Problem.quote(school) + " counts " + session.days() + " instructional days but has " + open
                            + " weekdays without a listed closure; " + (open - session.days())
                            + " days without school are missing from the calendar (add them to district.holidays)");
                }
            }
            if (start == null || list.get(0).begin().isBefore(start)) {
                start = list.get(0).begin();
            }
            if (common == null) {
                common = closed;
            } else {
                common.retainAll(closed);
            }
        }
        Set<LocalDate> holidays = new TreeSet<>(district.holidays());
        holidays.addAll(common);
        counts.put(Problems.name(calendar) + " sessions of " + year, ofYear.size());
        counts.put(Problems.name(calendar) + " days without school", common.size());
        return district.toBuilder()
                .holidays(holidays)
                .schoolYearStart(district.schoolYearStart() != null ? district.schoolYearStart() : start)
                .schools(schools)
                .build();
    }

    private LocalDate date(Element element, String child, Problems problems) {
        String text = element.text(child);
        if (text == null) {
            problems.add(element.at(calendar), "a " + element.name + " without a " + child);
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(element.find(child).at(calendar), Problem.quote(text) + " is not a date YYYY-MM-DD");
            return null;
        }
    }
}
