package org.familyengagement.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Tone;

class SampleDistrictTest {
    private static final Instant AS_OF = Fall2026.AS_OF;
    private static final Instant WINDOW_START = AS_OF.minus(Duration.ofDays(30));

    /** The committed sample's size and seed. */
    private static Dataset sample;

    @BeforeAll
    static void generateSample() {
        sample = Fall2026.sample();
    }

    @Test
    void sameSeedGivesByteIdenticalJson() {
        byte[] first = DatasetWriter.compact().toBytes(SampleDistrict.generate(99, 400));
        byte[] second = DatasetWriter.compact().toBytes(SampleDistrict.generate(99, 400));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void sameSeedGivesEqualDatasetsV2FieldsIncluded() {
        // The bytes above cover what the writer writes; this covers every field of the model.
        Dataset first = SampleDistrict.generate(99, 400);
        Dataset second = SampleDistrict.generate(99, 400);

        assertThat(second.district()).isEqualTo(first.district());
        assertThat(second.families()).isEqualTo(first.families());
        assertThat(second.staff()).isEqualTo(first.staff());
        assertThat(second.contacts()).isEqualTo(first.contacts());
        assertThat(second.commitments()).isEqualTo(first.commitments());
        assertThat(second.meetings()).isEqualTo(first.meetings()).isNotEmpty();
    }

    @Test
    void differentSeedsGiveDifferentDistricts() {
        Dataset one = SampleDistrict.generate(1, 400);
        Dataset two = SampleDistrict.generate(2, 400);

        assertThat(two.contacts()).isNotEqualTo(one.contacts());
        assertThat(two.meetings()).isNotEqualTo(one.meetings());
        assertThat(DatasetWriter.compact().toBytes(two)).isNotEqualTo(DatasetWriter.compact().toBytes(one));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 25, 60})
    void smallDistrictsAreValidForManySeeds(int families) {
        for (long seed = 0; seed < 10; seed++) {
            Dataset dataset = SampleDistrict.generate(seed, families); // Dataset.of validates every reference

            assertThat(dataset.families()).hasSize(families);
            assertThat(dataset.staff()).extracting(Staff::role).contains(StaffRole.TEACHER);
        }
    }

    @Test
    void idsFollowTheSampleConventionsAndAreUnique() {
        assertThat(sample.families()).extracting(Family::id).first().isEqualTo("f-000001");
        assertThat(sample.families()).extracting(Family::id).last().isEqualTo("f-003000");
        assertThat(sample.families()).allSatisfy(family -> {
            assertThat(family.id()).matches("f-\\d{6}");
            assertThat(family.students()).isNotEmpty()
                    .allSatisfy(student -> assertThat(student.id()).matches("s-\\d{7}"));
            assertThat(family.caregivers()).isNotEmpty()
                    .allSatisfy(caregiver -> assertThat(caregiver.id()).matches("c-\\d{7}"));
        });
        assertThat(sample.contacts()).allSatisfy(contact -> assertThat(contact.id()).matches("k-\\d{7}"));
        assertThat(sample.commitments()).allSatisfy(commitment -> assertThat(commitment.id()).matches("m-\\d{6}"));
        assertThat(sample.meetings()).allSatisfy(meeting -> assertThat(meeting.id()).matches("mt-\\d{6}"));
        assertThat(sample.contacts()).extracting(Contact::broadcastId).filteredOn(id -> id != null)
                .allSatisfy(id -> assertThat(id).matches("b-\\d{4}"));
        assertThat(sample.staff()).allSatisfy(member -> assertThat(member.id()).matches("(t-\\d{3,}|(cn|ad|li|of)-\\d{2,})"));
        assertThat(sample.staff()).extracting(Staff::role).contains(StaffRole.values());
        assertThat(sample.contacts().stream().map(Contact::id).distinct().count()).isEqualTo(sample.contacts().size());
    }

    @Test
    void contactsAreInTimeOrderWithIdsInTheSameOrder() {
        List<Contact> contacts = sample.contacts();
        for (int i = 1; i < contacts.size(); i++) {
            assertThat(contacts.get(i).at()).isAfterOrEqualTo(contacts.get(i - 1).at());
            assertThat(contacts.get(i).id()).isGreaterThan(contacts.get(i - 1).id());
        }
    }

    @Test
    void everythingHappensInTheFall2026SemesterBetweenSixAndTen() {
        LocalDate first = SampleDistrict.FALL_2026_FIRST_DAY;
        LocalDate last = SampleDistrict.FALL_2026_LAST_DAY;
        assertThat(sample.contacts()).allSatisfy(contact -> {
            ZonedDateTime local = contact.at().atZone(SampleDistrict.TIME_ZONE);
            assertThat(local.toLocalDate()).isBetween(first, last);
            assertThat(local.getHour()).isBetween(6, 21);
        });
        assertThat(sample.commitments()).allSatisfy(commitment ->
                assertThat(commitment.dueBy()).isAfter(commitment.madeAt()));
    }

    @Test
    void theDistrictIsInChicagoWithTheUsHolidaysOfFall2026() {
        assertThat(sample.district().timeZone()).isEqualTo(SampleDistrict.TIME_ZONE);
        assertThat(sample.district().holidays()).containsExactly(
                LocalDate.parse("2026-09-07"),  // Labor Day
                LocalDate.parse("2026-10-12"),  // Indigenous Peoples' Day
                LocalDate.parse("2026-11-11"),  // Veterans Day
                LocalDate.parse("2026-11-26"),  // Thanksgiving
                LocalDate.parse("2026-11-27"));
    }

    @Test
    void holidaysFollowTheFederalRulesInOtherYears() {
        assertThat(SampleDistrict.holidays(LocalDate.parse("2027-01-04"), LocalDate.parse("2027-12-31")))
                .containsExactly(
                        LocalDate.parse("2027-01-18"),  // MLK Day
                        LocalDate.parse("2027-02-15"),  // Presidents' Day
                        LocalDate.parse("2027-05-31"),  // Memorial Day
                        LocalDate.parse("2027-06-18"),  // Juneteenth on a Saturday, observed Friday
                        LocalDate.parse("2027-07-05"),  // Independence Day on a Sunday, observed Monday
                        LocalDate.parse("2027-09-06"),
                        LocalDate.parse("2027-10-11"),
                        LocalDate.parse("2027-11-11"),
                        LocalDate.parse("2027-11-25"),
                        LocalDate.parse("2027-11-26"),
                        LocalDate.parse("2027-12-24"),  // Christmas on a Saturday, observed Friday
                        LocalDate.parse("2027-12-31")); // so is New Year's Day 2028
    }

    @Test
    void anotherSemesterCanBeGenerated() {
        LocalDate first = LocalDate.parse("2027-01-06");
        LocalDate last = LocalDate.parse("2027-05-28");

        Dataset spring = SampleDistrict.generate(3, 300, first, last);

        assertThat(spring.district().holidays()).contains(LocalDate.parse("2027-01-18"), LocalDate.parse("2027-02-15"));
        assertThat(spring.contacts()).allSatisfy(contact ->
                assertThat(contact.at().atZone(SampleDistrict.TIME_ZONE).toLocalDate()).isBetween(first, last));
        assertThat(spring.contacts().size()).isBetween(300 * 15, 300 * 35);
    }

    @ParameterizedTest
    @CsvSource({"2026-09-01, 2026-09-28", "2027-01-04, 2027-02-12", "2026-08-17, 2027-06-11"})
    void semestersShortOrLongHaveValidMeetingsAndBroadcasts(LocalDate first, LocalDate last) {
        Dataset dataset = SampleDistrict.generate(5, 120, first, last); // Dataset.of checks every reference

        assertThat(dataset.district().schoolYearStart()).isEqualTo(first);
        assertThat(dataset.meetings()).allSatisfy(meeting -> {
            LocalDate day = meeting.at().atZone(SampleDistrict.TIME_ZONE).toLocalDate();
            assertThat(day).isBetween(first, last);
        });
        assertThat(dataset.contacts()).filteredOn(Contact::isBroadcast)
                .allSatisfy(contact -> assertThat(contact.broadcastId()).isNotNull());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SampleDistrict.generate(1, 0))
                .withMessageContaining("families must be at least 1, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> SampleDistrict.generate(1, 10,
                        LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-10")))
                .withMessageContaining("4 weeks to a year");
        assertThatIllegalArgumentException().isThrownBy(() -> SampleDistrict.generate(1, 10,
                        LocalDate.parse("2026-09-01"), LocalDate.parse("2026-08-01")))
                .withMessageContaining("4 weeks to a year");
    }

    @Test
    void aboutTwentyContactsPerFamily() {
        double perFamily = sample.contacts().size() / 3000.0;

        assertThat(perFamily).isBetween(18.0, 24.0);
        assertThat(sample.commitments().size()).isBetween(600, 2500);
    }

    @Test
    void homeLanguagesFollowTheIntendedShares() {
        Map<String, Long> byLanguage = countBy("homeLanguage");

        assertThat(byLanguage.get("en") / 3000.0).isCloseTo(0.71, within(0.01));
        assertThat(byLanguage.get("es") / 3000.0).isCloseTo(0.195, within(0.01));
        assertThat(byLanguage.keySet()).containsExactlyInAnyOrder(
                "en", "es", "vi", "ar", "zh", "hmn", "so", "ht", "pt", "ru", "ur", "ne");
        assertThat(byLanguage.get("so")).as("a Somali community of a few dozen families").isBetween(20L, 50L);
        assertThat(byLanguage.get("ht")).isBetween(15L, 40L);
        // Spanish regional tags and both Chinese scripts appear among the recorded languages.
        Set<String> tags = new HashSet<>();
        for (Family family : sample.families()) {
            if (family.preference() != null) {
                tags.addAll(family.preference().languages());
            }
        }
        assertThat(tags).contains("en", "es", "es-MX", "zh-Hans", "zh-Hant", "so", "ht", "pt-BR", "vi", "ar");
    }

    @Test
    void everyFamilyDeclaresThreeGroupsAndSomeLabelIsTooSmallToReport() {
        assertThat(sample.families()).allSatisfy(family ->
                assertThat(family.groups()).containsOnlyKeys("homeLanguage", "income", "housing"));
        assertThat(countBy("income")).containsOnlyKeys("frl", "not-frl");
        Map<String, Long> housing = countBy("housing");
        assertThat(housing).containsOnlyKeys("stable", "unstable");
        assertThat(housing.get("unstable") / 3000.0).isBetween(0.02, 0.07);
        assertThat(countBy("homeLanguage").values()).anySatisfy(count -> assertThat(count).isLessThan(10L));
    }

    @Test
    void somePreferencesAreMissingOrIncompleteAndOthersAreRich() {
        List<Preference> preferences = sample.families().stream().map(Family::preference).toList();

        assertThat(preferences).containsNull();
        assertThat(preferences).anySatisfy(p -> {
            assertThat(p).isNotNull();
            assertThat(p.channels()).isEmpty();
        });
        assertThat(preferences).filteredOn(p -> p != null && !p.optOut().isEmpty()).isNotEmpty();
        assertThat(preferences).filteredOn(p -> p != null && p.interpreter()).isNotEmpty();
        long evenings = preferences.stream().filter(p -> p != null && p.reachable().stream()
                .anyMatch(w -> w.from().getHour() >= 17)).count();
        assertThat(evenings).as("working families reachable in the evening").isGreaterThan(1000);
    }

    @Test
    void undeliveredShareIsBetweenFiveAndFifteenPercentAndHigherWithoutStableHousing() {
        long undelivered = sample.contacts().stream().filter(c -> !c.delivered()).count();

        assertThat(undelivered / (double) sample.contacts().size()).isBetween(0.05, 0.15);
        assertThat(undeliveredShare("unstable")).isGreaterThan(2 * undeliveredShare("stable"));
    }

    @Test
    void aboutFivePositiveContactsForEveryConcernYetSomeFamiliesHearOnlyConcerns() {
        long positive = sample.contacts().stream().filter(c -> c.isOutbound() && c.tone() == Tone.POSITIVE).count();
        long concern = sample.contacts().stream().filter(c -> c.isOutbound() && c.tone() == Tone.CONCERN).count();

        assertThat(positive / (double) concern).isBetween(4.0, 6.5);
        long onlyConcerns = sample.families().stream().filter(family -> {
            List<Contact> personal = sample.contactsOf(family.id()).stream()
                    .filter(c -> c.isOutbound() && c.isPersonal()).toList();
            return personal.stream().filter(c -> c.tone() == Tone.CONCERN).count() >= 2
                    && personal.stream().noneMatch(c -> c.tone() == Tone.POSITIVE);
        }).count();
        assertThat(onlyConcerns).isGreaterThan(30);
    }

    @Test
    void everyKindOfContactOccurs() {
        assertThat(sample.contacts()).anyMatch(Contact::isBroadcast)
                .anyMatch(c -> c.mode().isTwoWay() && !c.isPersonal())
                .anyMatch(c -> c.isInbound() && c.awaitsReply())
                .anyMatch(c -> c.isInbound() && !c.awaitsReply())
                .anyMatch(c -> c.replyTo() != null)
                .anyMatch(c -> c.interpretation() == Interpretation.QUALIFIED)
                .anyMatch(c -> c.isBroadcast() && !c.language().equals("en"));
        assertThat(sample.contacts()).extracting(Contact::channel).contains(Channel.values());
        assertThat(sample.commitments()).anyMatch(m -> m.fulfilledBy() != null).anyMatch(m -> m.fulfilledBy() == null);
    }

    @Test
    void someQuestionsAreNeverAnswered() {
        Set<String> named = new HashSet<>();
        for (Contact contact : sample.contacts()) {
            if (contact.replyTo() != null) {
                named.add(contact.replyTo());
            }
        }
        long unanswered = sample.contacts().stream()
                .filter(question -> question.isInbound() && question.awaitsReply() && !named.contains(question.id()))
                .filter(question -> sample.contactsOf(question.familyId()).stream().noneMatch(c ->
                        c.isDeliveredOutbound() && c.isPersonal() && !c.at().isBefore(question.at())))
                .count();

        assertThat(unanswered).isGreaterThan(20);
    }

    @Test
    void someCallsAreMadeOutsideTheHoursAFamilyGave() {
        long outside = sample.contacts().stream()
                .filter(c -> c.isOutbound() && !c.isBroadcast() && c.channel().isSynchronous())
                .filter(c -> {
                    Preference preference = sample.family(c.familyId()).orElseThrow().preference();
                    if (preference == null || preference.reachable().isEmpty()) {
                        return false;
                    }
                    ZonedDateTime local = c.at().atZone(SampleDistrict.TIME_ZONE);
                    return preference.reachable().stream()
                            .noneMatch(w -> w.holds(local.getDayOfWeek(), local.toLocalTime()));
                })
                .count();

        assertThat(outside).isGreaterThan(100);
    }

    @Test
    void somaliSpeakingAndHousingUnstableFamiliesAreReachedFarLessOften() {
        double english = reachedShare(f -> "en".equals(f.group("homeLanguage")));
        double somaliOrHaitian = reachedShare(f -> Set.of("so", "ht").contains(f.group("homeLanguage")));
        double stable = reachedShare(f -> "stable".equals(f.group("housing")));
        double unstable = reachedShare(f -> "unstable".equals(f.group("housing")));

        assertThat(english).isGreaterThan(0.85);
        assertThat(somaliOrHaitian).isLessThan(0.7 * english);
        assertThat(unstable).isLessThan(0.75 * stable);
    }

    @Test
    void broadcastsToSomaliReadersAreMostlyInEnglishWithoutInterpretation() {
        long english = 0;
        long all = 0;
        for (Family family : sample.families()) {
            if (family.preference() == null || !family.preference().languages().equals(List.of("so"))) {
                continue;
            }
            for (Contact contact : sample.contactsOf(family.id())) {
                if (contact.isBroadcast()) {
                    all++;
                    if (contact.language().equals("en") && contact.interpretation() == Interpretation.NONE) {
                        english++;
                    }
                }
            }
        }
        assertThat(all).isPositive();
        assertThat(english / (double) all).isGreaterThan(0.6);
    }

    /**
     * What the writer writes reads back as it was: all of it from a schema-version-2 document; from
     * a version-1 document (a writer that predates contract v2), the part version 1 can say.
     */
    @Test
    void theSampleReadsBackFromItsJson() {
        Dataset small = SampleDistrict.generate(2026, 200);
        String json = DatasetWriter.compact().toJson(small);

        Dataset back = DatasetReader.readString(json);

        Dataset expected = json.startsWith("{\"schemaVersion\":1,") ? V1Projection.of(small) : small;
        assertThat(back.contacts()).isEqualTo(expected.contacts());
        assertThat(back.families()).isEqualTo(expected.families());
        assertThat(back.commitments()).isEqualTo(expected.commitments());
        assertThat(back.staff()).isEqualTo(expected.staff());
        assertThat(back.district()).isEqualTo(expected.district());
        assertThat(back.meetings()).isEqualTo(expected.meetings());
    }

    @Test
    void mainWritesTheFileAndOneSummaryLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("district.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SampleDistrictMain.run(new PrintStream(err, true, StandardCharsets.UTF_8),
                "--families", "50", "--seed", "4", "--out", out.toString(), "--pretty");

        assertThat(status).isZero();
        Dataset expected = SampleDistrict.generate(4, 50);
        assertThat(Files.readAllBytes(out)).isEqualTo(DatasetWriter.pretty().toBytes(expected));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("families=50 contacts=" + expected.contacts().size()
                        + " commitments=" + expected.commitments().size()
                        + " meetings=" + expected.meetings().size() + " ")
                .hasLineCount(1);
    }

    @Test
    void mainExplainsBadUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(SampleDistrictMain.run(stream, "--families", "ten", "--seed", "1", "--out", "x.json")).isEqualTo(2);
        assertThat(SampleDistrictMain.run(stream, "--families", "10")).isEqualTo(2);
        assertThat(SampleDistrictMain.run(stream, "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--families, --seed and --out are required")
                .contains("unknown argument \"--bogus\"")
                .contains(SampleDistrictMain.USAGE);
    }

    private static Map<String, Long> countBy(String dimension) {
        Map<String, Long> counts = new TreeMap<>();
        for (Family family : sample.families()) {
            counts.merge(family.group(dimension), 1L, Long::sum);
        }
        return counts;
    }

    private static double undeliveredShare(String housing) {
        long all = 0;
        long undelivered = 0;
        for (Family family : sample.families()) {
            if (housing.equals(family.group("housing"))) {
                for (Contact contact : sample.contactsOf(family.id())) {
                    all++;
                    undelivered += contact.delivered() ? 0 : 1;
                }
            }
        }
        return undelivered / (double) all;
    }

    /** Share of the families who had a delivered two-way contact from the school in the 30 days to the audit. */
    private static double reachedShare(Predicate<Family> which) {
        Map<Boolean, Integer> counts = new HashMap<>();
        for (Family family : sample.families()) {
            if (which.test(family)) {
                boolean reached = sample.contactsOf(family.id()).stream().anyMatch(c -> c.isDeliveredOutbound()
                        && c.isTwoWay() && c.at().isAfter(WINDOW_START) && !c.at().isAfter(AS_OF));
                counts.merge(reached, 1, Integer::sum);
            }
        }
        int reached = counts.getOrDefault(true, 0);
        return reached / (double) (reached + counts.getOrDefault(false, 0));
    }
}
