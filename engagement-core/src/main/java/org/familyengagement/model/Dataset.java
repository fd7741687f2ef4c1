package org.familyengagement.model;

import static org.familyengagement.errors.Problem.quote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.IdIndex;
import org.familyengagement.internal.References;
import org.familyengagement.language.LanguageTags;

/**
 * A whole dataset: a district, its staff and families, and the contacts, commitments and
 * meetings between them. Built only when every cross-reference holds; lookups by id are
 * constant time. Build one with {@link #builder} or {@link #of}.
 *
 * <p>Contacts that state no language are given the district's default language.
 *
 * <p>The checks are {@code org.familyengagement.internal.References}', the ones a live session
 * runs too. A dataset with more than {@link InvalidInputException#MAX_PROBLEMS} problems is refused
 * with the first of them and one {@link Problem#notListed} that counts the rest.
 */
public final class Dataset {
    /** The schema version this library writes. */
    public static final int SCHEMA_VERSION = 2;

    /** The schema versions this library reads, oldest first: a version 1 document reads as it always did. */
    public static final List<Integer> READABLE_SCHEMA_VERSIONS = List.of(1, 2);

    /** Problems in the order a dataset document lays them out ({@link #comparePointers}). */
    public static final Comparator<Problem> DOCUMENT_ORDER = Comparator.comparing(Problem::pointer,
            Dataset::comparePointers);

    /**
     * Contacts of one family in time order (ties by id), the order rules rely on. Spelled out rather
     * than chained ({@code comparing(Contact::at).thenComparing(Contact::id)}): reading a district
     * sorts two million contacts with it.
     */
    public static final Comparator<Contact> BY_TIME = (a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    };

    /** Commitments of one family by due time (ties by id). */
    public static final Comparator<Commitment> BY_DUE = Comparator.comparing(Commitment::dueBy)
            .thenComparing(Commitment::id);

    /** Meetings of one family by start time (ties by id). */
    public static final Comparator<Meeting> BY_START = Comparator.comparing(Meeting::at).thenComparing(Meeting::id);

    private final District district;
    private final List<Staff> staff;
    private final List<Family> families;
    private final List<Contact> contacts;
    private final List<Commitment> commitments;
    private final List<Meeting> meetings;
    private final Positions positions;
    /** By family position: each family's lists, built once. */
    private final List<List<Contact>> contactsByFamily;
    private final List<List<Commitment>> commitmentsByFamily;
    private final List<List<Meeting>> meetingsByFamily;

    private Dataset(District district, List<Staff> staff, List<Family> families, List<Contact> contacts,
                    List<Commitment> commitments, List<Meeting> meetings, Positions positions,
                    int[] familyOfContact) {
        this.district = district;
        this.staff = staff;
        this.families = families;
        this.contacts = contacts;
        this.commitments = commitments;
        this.meetings = meetings;
        this.positions = positions;
        this.contactsByFamily = group(contacts, familyOfContact != null ? familyOfContact
                : familyPositions(contacts, Contact::familyId, positions.families), families.size(), BY_TIME);
        this.commitmentsByFamily = group(commitments, familyPositions(commitments, Commitment::familyId,
                positions.families), families.size(), BY_DUE);
        this.meetingsByFamily = group(meetings, familyPositions(meetings, Meeting::familyId, positions.families),
                families.size(), BY_START);
    }

    /**
     * Builds a dataset without meetings (contract v1), checking every cross-reference.
     *
     * @throws InvalidDatasetException listing every problem, with JSON pointers into the
     *                                 document these lists would make
     */
    public static Dataset of(District district, List<Staff> staff, List<Family> families, List<Contact> contacts,
                             List<Commitment> commitments) {
        return of(district, staff, families, contacts, commitments, List.of());
    }

    /**
     * Builds a dataset, checking every cross-reference.
     *
     * @throws InvalidDatasetException listing every problem, with JSON pointers into the
     *                                 document these lists would make
     */
    public static Dataset of(District district, List<Staff> staff, List<Family> families, List<Contact> contacts,
                             List<Commitment> commitments, List<Meeting> meetings) {
        Objects.requireNonNull(district, "district");
        Checks.noNulls(staff, "staff");
        Checks.noNulls(families, "families");
        Checks.noNulls(contacts, "contacts");
        Checks.noNulls(commitments, "commitments");
        Checks.noNulls(meetings, "meetings");
        return assemble(district, staff, families, contacts, commitments, meetings, null);
    }

    /**
     * {@link #of}, for a reader that has already run each contact's own reference checks
     * ({@code References.checkContactReferences}) as it read, and noted each contact's family by
     * its position in {@code families}. Only the reader in this module calls it, through
     * {@code org.familyengagement.internal.DatasetAssembly}.
     */
    private static Dataset assemble(District district, List<Staff> staff, List<Family> families,
                                    List<Contact> contacts, List<Commitment> commitments, List<Meeting> meetings,
                                    int[] familyOfContact) {
        References.CappedProblems problems = new References.CappedProblems();
        Positions positions = check(district, staff, families, contacts, commitments, meetings, problems,
                familyOfContact != null);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems.toList(DOCUMENT_ORDER));
        }
        // A reader that checked the contacts' references gave each a language.
        List<Contact> resolved = contacts;
        if (familyOfContact == null) {
            resolved = new ArrayList<>(contacts.size());
            for (Contact contact : contacts) {
                resolved.add(contact.language() == null ? contact.withLanguage(district.defaultLanguage()) : contact);
            }
        }
        List<Staff> staffCopy = List.copyOf(staff);
        List<Family> familiesCopy = List.copyOf(families);
        List<Commitment> commitmentsCopy = List.copyOf(commitments);
        List<Meeting> meetingsCopy = List.copyOf(meetings);
        // The contacts are the reader's own list, or the copy above: not copied a second time.
        return new Dataset(district, staffCopy, familiesCopy, Collections.unmodifiableList(resolved), commitmentsCopy,
                meetingsCopy, positions.over(staffCopy, familiesCopy, resolved, commitmentsCopy, meetingsCopy),
                familyOfContact);
    }

    static {
        org.familyengagement.internal.DatasetAssembly.register(Dataset::assemble);
    }

    /** Starts a dataset of a district; {@link Builder#build()} checks it as {@link #of} does. */
    public static Builder builder(District district) {
        return new Builder(district);
    }

    /**
     * The cross-reference and value problems of a would-be dataset, in document order.
     * Null entries stand for elements a reader could not build; they are skipped, and the
     * pointers keep the list positions, so a reader can report its own problems and these
     * together. At most {@link InvalidInputException#MAX_PROBLEMS} are listed, then one
     * {@link Problem#notListed} that counts the rest.
     */
    public static List<Problem> problems(District district, List<Staff> staff, List<Family> families,
                                         List<Contact> contacts, List<Commitment> commitments,
                                         List<Meeting> meetings) {
        References.CappedProblems problems = new References.CappedProblems();
        check(district, staff, families, contacts, commitments, meetings, problems, false);
        return problems.toList(DOCUMENT_ORDER);
    }

    /**
     * Where each id first stands in its list: built once, by the checks, and kept as the lookups
     * by id (the lists keep their order), so a 2-million-contact dataset hashes its ids once.
     */
    private record Positions(IdIndex<Staff> staff, IdIndex<Family> families, IdIndex<Contact> contacts,
                             IdIndex<Commitment> commitments, IdIndex<Meeting> meetings) {
        /** The same positions over copies of the lists (same elements, same order). */
        Positions over(List<Staff> staffCopy, List<Family> familiesCopy, List<Contact> contactsCopy,
                       List<Commitment> commitmentsCopy, List<Meeting> meetingsCopy) {
            return new Positions(staff.over(staffCopy), families.over(familiesCopy), contacts.over(contactsCopy),
                    commitments.over(commitmentsCopy), meetings.over(meetingsCopy));
        }
    }

    /**
     * Adds the problems of a would-be dataset to {@code problems}, sorted; returns the id positions.
     *
     * @param contactReferencesChecked each contact's own references were checked as it was read:
     *                                 only its reply remains
     */
    private static Positions check(District district, List<Staff> staff, List<Family> families,
                                   List<Contact> contacts, List<Commitment> commitments, List<Meeting> meetings,
                                   List<Problem> problems, boolean contactReferencesChecked) {
        if (district != null && !LanguageTags.isWellFormed(district.defaultLanguage())) {
            problems.add(new Problem("/district/defaultLanguage",
                    quote(district.defaultLanguage()) + " is not a well-formed BCP 47 language tag"));
        }
        if (district != null) {
            References.checkDistrict(district, problems);
        }
        IdIndex<Staff> staffAt = uniqueIds(staff, Staff::id, "staff", "staff", problems);
        for (int i = 0; i < staff.size(); i++) {
            Staff member = staff.get(i);
            if (member != null) {
                References.checkTags(member.languages(), "/staff/" + i + "/languages", problems);
            }
        }
        IdIndex<Family> familyAt = uniqueIds(families, Family::id, "families", "family", problems);
        District checkedDistrict = district != null ? district : District.of("?", java.time.ZoneOffset.UTC);
        for (int i = 0; i < families.size(); i++) {
            Family family = families.get(i);
            if (family != null) {
                References.checkFamily(family, "/families/" + i, checkedDistrict, problems);
            }
        }
        IdIndex<Contact> contactAt = uniqueIds(contacts, Contact::id, "contacts", "contact", problems);
        References.Index index = new References.Index() {
            @Override
            public District district() {
                return checkedDistrict;
            }

            @Override
            public Family family(String id) {
                return familyAt.get(id);
            }

            @Override
            public boolean hasStaff(String id) {
                return staffAt.contains(id);
            }

            @Override
            public Contact contact(String id) {
                return contactAt.get(id);
            }
        };
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            if (contact == null) {
                continue;
            }
            if (!contactReferencesChecked) {
                References.checkContact(contact, "/contacts/" + i, index, problems);
            } else if (contact.replyTo() != null) {
                References.checkReply(contact, "/contacts/" + i, index, problems);
            }
        }
        IdIndex<Commitment> commitmentAt = uniqueIds(commitments, Commitment::id, "commitments", "commitment",
                problems);
        for (int i = 0; i < commitments.size(); i++) {
            Commitment commitment = commitments.get(i);
            if (commitment != null) {
                References.checkCommitment(commitment, "/commitments/" + i, index, problems);
            }
        }
        IdIndex<Meeting> meetingAt = uniqueIds(meetings, Meeting::id, "meetings", "meeting", problems);
        for (int i = 0; i < meetings.size(); i++) {
            Meeting meeting = meetings.get(i);
            if (meeting != null) {
                References.checkMeeting(meeting, "/meetings/" + i, index, problems);
            }
        }
        problems.sort(DOCUMENT_ORDER);
        return new Positions(staffAt, familyAt, contactAt, commitmentAt, meetingAt);
    }

    public District district() {
        return district;
    }

    public List<Staff> staff() {
        return staff;
    }

    public List<Family> families() {
        return families;
    }

    /** Every contact, in document order. */
    public List<Contact> contacts() {
        return contacts;
    }

    public List<Commitment> commitments() {
        return commitments;
    }

    /** Every meeting, in document order. */
    public List<Meeting> meetings() {
        return meetings;
    }

    public Optional<Family> family(String id) {
        return Optional.ofNullable(positions.families.get(id));
    }

    public Optional<Staff> staffMember(String id) {
        return Optional.ofNullable(positions.staff.get(id));
    }

    public Optional<Contact> contact(String id) {
        return Optional.ofNullable(positions.contacts.get(id));
    }

    public Optional<Commitment> commitment(String id) {
        return Optional.ofNullable(positions.commitments.get(id));
    }

    public Optional<Meeting> meeting(String id) {
        return Optional.ofNullable(positions.meetings.get(id));
    }

    /**
     * The school a contact came from or was addressed to: its own {@code schoolId}, else the
     * school of its student when that has one (the contract's default), else {@code null}.
     */
    public String schoolIdOf(Contact contact) {
        return schoolIdOf(contact.schoolId(), contact.familyId(), contact.studentId());
    }

    /** The school a meeting is at: its own {@code schoolId}, else its student's school, else {@code null}. */
    public String schoolIdOf(Meeting meeting) {
        return schoolIdOf(meeting.schoolId(), meeting.familyId(), meeting.studentId());
    }

    private String schoolIdOf(String schoolId, String familyId, String studentId) {
        if (schoolId != null || studentId == null) {
            return schoolId;
        }
        Student student = family(familyId).map(family -> family.student(studentId)).orElse(null);
        return student == null ? null : student.schoolId();
    }

    /**
     * A partition of this dataset, for judging it in parts (the rule engine's {@code count}): the
     * same district and staff, and these of its families, each with all of its contacts,
     * commitments and meetings.
     *
     * @throws IllegalArgumentException when a family is not this dataset's, or is given twice
     */
    public Dataset partition(Collection<Family> families) {
        List<Family> part = new ArrayList<>(families.size());
        List<Contact> contacts = new ArrayList<>();
        List<Commitment> commitments = new ArrayList<>();
        List<Meeting> meetings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Family family : families) {
            if (!family(family.id()).map(family::equals).orElse(false) || !seen.add(family.id())) {
                throw new IllegalArgumentException("family " + family.id() + " is not this dataset's, or is given twice");
            }
            part.add(family);
            contacts.addAll(contactsOf(family.id()));
            commitments.addAll(commitmentsOf(family.id()));
            meetings.addAll(meetingsOf(family.id()));
        }
        return of(district, staff, part, contacts, commitments, meetings);
    }

    /** A family's contacts in time order (ties by id); empty for an unknown family. */
    public List<Contact> contactsOf(String familyId) {
        return ofFamily(contactsByFamily, familyId);
    }

    /** A family's commitments by due time (ties by id); empty for an unknown family. */
    public List<Commitment> commitmentsOf(String familyId) {
        return ofFamily(commitmentsByFamily, familyId);
    }

    /** A family's meetings by start time (ties by id); empty for an unknown family. */
    public List<Meeting> meetingsOf(String familyId) {
        return ofFamily(meetingsByFamily, familyId);
    }

    private <T> List<T> ofFamily(List<List<T>> byFamily, String familyId) {
        int at = positions.families.positionOf(familyId);
        return at < 0 ? List.of() : byFamily.get(at);
    }

    private static <T> IdIndex<T> uniqueIds(List<T> items, java.util.function.Function<T, String> id,
                                            String collection, String noun, List<Problem> problems) {
        return new IdIndex<>(items, id, (position, first, value) -> problems.add(new Problem(
                "/" + collection + "/" + position + "/id", "duplicate " + noun + " id " + quote(value)
                + " (first at /" + collection + "/" + first + ")")));
    }

    /** The position of each element's family (every family is known: the checks passed). */
    private static <T> int[] familyPositions(List<T> items, java.util.function.Function<T, String> familyOf,
                                             IdIndex<Family> familyAt) {
        int[] positions = new int[items.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = familyAt.positionOf(familyOf.apply(items.get(i)));
        }
        return positions;
    }

    /**
     * Each family's elements, by family position, in {@code order}: counted first, so each
     * family's list is one array of the right size, filled once and sorted once (contacts mostly
     * come in time order: then a single pass).
     */
    private static <T> List<List<T>> group(List<T> items, int[] familyOfItem, int familyCount, Comparator<T> order) {
        int[] counts = new int[familyCount];
        for (int family : familyOfItem) {
            counts[family]++;
        }
        Object[][] arrays = new Object[familyCount][];
        for (int f = 0; f < familyCount; f++) {
            arrays[f] = counts[f] == 0 ? null : new Object[counts[f]];
            counts[f] = 0;
        }
        for (int i = 0; i < familyOfItem.length; i++) {
            int family = familyOfItem[i];
            arrays[family][counts[family]++] = items.get(i);
        }
        return wrapSorted(arrays, order);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<List<T>> wrapSorted(Object[][] arrays, Comparator<T> order) {
        List<T>[] lists = new List[arrays.length];
        for (int f = 0; f < arrays.length; f++) {
            if (arrays[f] == null) {
                lists[f] = List.of();
            } else {
                T[] array = (T[]) arrays[f];
                java.util.Arrays.sort(array, order);
                lists[f] = Collections.unmodifiableList(java.util.Arrays.asList(array));
            }
        }
        return java.util.Arrays.asList(lists);
    }

    private static final List<String> SECTIONS =
            List.of("", "schemaVersion", "district", "staff", "families", "contacts", "commitments", "meetings");

    /**
     * Orders pointers as a dataset document lays them out: sections in contract order,
     * then array positions by number.
     */
    public static int comparePointers(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        if (left.length > 1 && right.length > 1) {
            int c = Integer.compare(section(left[1]), section(right[1]));
            if (c != 0) {
                return c;
            }
        }
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareSegments(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int section(String name) {
        int rank = SECTIONS.indexOf(name);
        return rank < 0 ? SECTIONS.size() : rank;
    }

    private static int compareSegments(String a, String b) {
        boolean numbers = !a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit)
                && b.chars().allMatch(Character::isDigit);
        if (numbers && a.length() < 10 && b.length() < 10) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }

    /** Collects a dataset's lists; {@link #build()} checks them as {@link Dataset#of} does. Not thread-safe. */
    public static final class Builder {
        private final District district;
        private final List<Staff> staff = new ArrayList<>();
        private final List<Family> families = new ArrayList<>();
        private final List<Contact> contacts = new ArrayList<>();
        private final List<Commitment> commitments = new ArrayList<>();
        private final List<Meeting> meetings = new ArrayList<>();

        private Builder(District district) {
            this.district = Objects.requireNonNull(district, "district must not be null");
        }

        public Builder staff(Staff... values) {
            staff.addAll(List.of(values));
            return this;
        }

        public Builder staff(Collection<Staff> values) {
            staff.addAll(values);
            return this;
        }

        public Builder families(Family... values) {
            families.addAll(List.of(values));
            return this;
        }

        public Builder families(Collection<Family> values) {
            families.addAll(values);
            return this;
        }

        public Builder contacts(Contact... values) {
            contacts.addAll(List.of(values));
            return this;
        }

        public Builder contacts(Collection<Contact> values) {
            contacts.addAll(values);
            return this;
        }

        public Builder commitments(Commitment... values) {
            commitments.addAll(List.of(values));
            return this;
        }

        public Builder commitments(Collection<Commitment> values) {
            commitments.addAll(values);
            return this;
        }

        public Builder meetings(Meeting... values) {
            meetings.addAll(List.of(values));
            return this;
        }

        public Builder meetings(Collection<Meeting> values) {
            meetings.addAll(values);
            return this;
        }

        /**
         * The dataset.
         *
         * @throws InvalidDatasetException listing every problem
         */
        public Dataset build() {
            return Dataset.of(district, staff, families, contacts, commitments, meetings);
        }
    }
}
