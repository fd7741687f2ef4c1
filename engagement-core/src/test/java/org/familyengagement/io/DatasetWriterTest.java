package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;

class DatasetWriterTest {

    /** Every kind of field, each default and each absent value at least once. */
    static Dataset smallDataset() {
        District district = new District("d-1", "Riverbend", ZoneId.of("America/Chicago"), "en",
                District.DEFAULT_WEEKEND,
                new TreeSet<>(List.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-11"))));
        List<Staff> staff = List.of(Staff.of("t-1", StaffRole.TEACHER, "en", "es"), new Staff("o-1", null, List.of()));
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("income", "frl");
        groups.put("homeLanguage", "es");
        Family spanish = new Family("f-1", List.of(new Student("s-1", "3", "sch-1")),
                List.of(new Caregiver("c-1", "MOTHER")),
                new Preference(List.of("es-MX", "en"), List.of(Channel.SMS, Channel.PHONE), Set.of(Channel.EMAIL),
                        List.of(new ReachableWindow(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.MONDAY),
                                LocalTime.of(17, 0), LocalTime.of(20, 0))), true),
                groups);
        Family unrecorded = Family.of("f-2", null);
        Family emptyPreference = Family.of("f-3", new Preference(List.of(), List.of(), Set.of(), List.of(), false));
        List<Contact> contacts = List.of(
                Contact.builder("k-1", "f-1", Instant.parse("2026-11-02T22:00:00Z"), Direction.OUTBOUND, Channel.PHONE)
                        .studentId("s-1").staffId("t-1").tone(Tone.POSITIVE).language("es").build(),
                Contact.builder("k-2", "f-1", Instant.parse("2026-11-03T01:30:00.500Z"), Direction.INBOUND, Channel.SMS)
                        .build(),
                Contact.builder("k-3", "f-1", Instant.parse("2026-11-03T15:00:00Z"), Direction.OUTBOUND, Channel.SMS)
                        .staffId("t-1").tone(Tone.CONCERN).interpretation(Interpretation.QUALIFIED).delivered(false).replyTo("k-2").build(),
                Contact.builder("k-4", "f-2", Instant.parse("2026-11-04T12:00:00Z"), Direction.INBOUND, Channel.EMAIL)
                        .awaitsReply(false).build(),
                Contact.builder("k-5", "f-3", Instant.parse("2026-11-04T15:00:00.123456789Z"), Direction.OUTBOUND,
                        Channel.EMAIL).mode(Mode.BROADCAST).build());
        List<Commitment> commitments = List.of(
                new Commitment("m-1", "f-1", "t-1", Instant.parse("2026-11-02T22:10:00Z"),
                        Instant.parse("2026-11-06T23:00:00Z"), "k-3"),
                Commitment.of("m-2", "f-2", null, Instant.parse("2026-11-04T12:00:00Z"),
                        Instant.parse("2026-11-05T12:00:00Z")));
        return Dataset.of(district, staff, List.of(spanish, unrecorded, emptyPreference), contacts, commitments);
    }

    /** A file is replaced in one step through {@code AtomicFiles} (whose test fails a write halfway). */
    @Test
    void writingAFileReplacesItWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("UTC")), List.of(), List.of(Family.of("f-1", null)),
                List.of(), List.of());
        Path file = Files.writeString(dir.resolve("district.json"), "the old document, longer than the new one\n"
                .repeat(100));

        DatasetWriter.compact().write(dataset, file);

        assertThat(Files.readAllBytes(file)).isEqualTo(DatasetWriter.compact().toBytes(dataset));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void smallDatasetGivesTheExpectedCompactJson() {
        String expected = String.join("",
                "{\"schemaVersion\":2,",
                "\"district\":{\"id\":\"d-1\",\"name\":\"Riverbend\",\"timeZone\":\"America/Chicago\",",
                "\"holidays\":[\"2026-11-11\",\"2026-11-26\"]},",
                "\"staff\":[{\"id\":\"t-1\",\"role\":\"TEACHER\",\"languages\":[\"en\",\"es\"]},",
                "{\"id\":\"o-1\",\"role\":\"OTHER\",\"languages\":[]}],",
                "\"families\":[{\"id\":\"f-1\",\"students\":[{\"id\":\"s-1\",\"grade\":\"3\",\"schoolId\":\"sch-1\"}],",
                "\"caregivers\":[{\"id\":\"c-1\",\"relationship\":\"MOTHER\"}],",
                "\"preference\":{\"languages\":[\"es-MX\",\"en\"],\"channels\":[\"SMS\",\"PHONE\"],\"optOut\":[\"EMAIL\"],",
                "\"reachable\":[{\"days\":[\"MONDAY\",\"TUESDAY\"],\"from\":\"17:00\",\"to\":\"20:00\"}],",
                "\"interpreter\":true},",
                "\"groups\":{\"homeLanguage\":\"es\",\"income\":\"frl\"}},",
                "{\"id\":\"f-2\",\"students\":[],\"caregivers\":[]},",
                "{\"id\":\"f-3\",\"students\":[],\"caregivers\":[],\"preference\":{}}],",
                "\"contacts\":[",
                "{\"id\":\"k-1\",\"familyId\":\"f-1\",\"studentId\":\"s-1\",\"staffId\":\"t-1\",",
                "\"at\":\"2026-11-02T22:00:00Z\",\"direction\":\"OUTBOUND\",\"channel\":\"PHONE\",",
                "\"tone\":\"POSITIVE\",\"language\":\"es\"},",
                "{\"id\":\"k-2\",\"familyId\":\"f-1\",\"at\":\"2026-11-03T01:30:00.500Z\",\"direction\":\"INBOUND\",",
                "\"channel\":\"SMS\"},",
                "{\"id\":\"k-3\",\"familyId\":\"f-1\",\"staffId\":\"t-1\",\"at\":\"2026-11-03T15:00:00Z\",",
                "\"direction\":\"OUTBOUND\",\"channel\":\"SMS\",\"tone\":\"CONCERN\",\"interpretation\":\"QUALIFIED\",",
                "\"delivered\":false,\"replyTo\":\"k-2\"},",
                "{\"id\":\"k-4\",\"familyId\":\"f-2\",\"at\":\"2026-11-04T12:00:00Z\",\"direction\":\"INBOUND\",",
                "\"channel\":\"EMAIL\",\"awaitsReply\":false},",
                "{\"id\":\"k-5\",\"familyId\":\"f-3\",\"at\":\"2026-11-04T15:00:00.123456789Z\",",
                "\"direction\":\"OUTBOUND\",\"channel\":\"EMAIL\",\"mode\":\"BROADCAST\"}],",
                "\"commitments\":[",
                "{\"id\":\"m-1\",\"familyId\":\"f-1\",\"staffId\":\"t-1\",\"madeAt\":\"2026-11-02T22:10:00Z\",",
                "\"dueBy\":\"2026-11-06T23:00:00Z\",\"fulfilledBy\":\"k-3\"},",
                "{\"id\":\"m-2\",\"familyId\":\"f-2\",\"madeAt\":\"2026-11-04T12:00:00Z\",",
                "\"dueBy\":\"2026-11-05T12:00:00Z\"}],",
                "\"meetings\":[]}\n");

        assertThat(DatasetWriter.compact().toJson(smallDataset())).isEqualTo(expected);
    }

    @Test
    void defaultsAreOmittedButRequiredFieldsAlwaysWritten() {
        District district = District.of("d-9", ZoneId.of("UTC"));
        Family family = Family.of("f-1", null);
        Contact bare = Contact.builder("k-1", "f-1", Instant.parse("2026-01-05T10:00:00Z"), Direction.OUTBOUND,
                Channel.APP).build();
        Contact question = Contact.builder("k-2", "f-1", Instant.parse("2026-01-05T11:00:00Z"), Direction.INBOUND,
                Channel.SMS).build();
        Dataset dataset = Dataset.of(district, List.of(), List.of(family), List.of(bare, question), List.of());

        assertThat(DatasetWriter.compact().toJson(dataset)).isEqualTo(
                "{\"schemaVersion\":2,\"district\":{\"id\":\"d-9\",\"timeZone\":\"UTC\"},\"staff\":[],"
                        + "\"families\":[{\"id\":\"f-1\",\"students\":[],\"caregivers\":[]}],"
                        + "\"contacts\":[{\"id\":\"k-1\",\"familyId\":\"f-1\",\"at\":\"2026-01-05T10:00:00Z\","
                        + "\"direction\":\"OUTBOUND\",\"channel\":\"APP\"},"
                        + "{\"id\":\"k-2\",\"familyId\":\"f-1\",\"at\":\"2026-01-05T11:00:00Z\","
                        + "\"direction\":\"INBOUND\",\"channel\":\"SMS\"}],\"commitments\":[],\"meetings\":[]}\n");
    }

    @Test
    void nonDefaultDistrictSettingsAreWritten() {
        District district = new District("d-2", null, ZoneId.of("Asia/Riyadh"), "ar",
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.FRIDAY), new TreeSet<>());
        Family family = Family.of("f-1", null);
        Contact arabic = Contact.builder("k-1", "f-1", Instant.parse("2026-01-05T10:00:00Z"), Direction.OUTBOUND,
                Channel.SMS).build();
        Contact english = Contact.builder("k-2", "f-1", Instant.parse("2026-01-05T11:00:00Z"), Direction.OUTBOUND,
                Channel.SMS).language("en").build();
        Dataset dataset = Dataset.of(district, List.of(), List.of(family), List.of(arabic, english), List.of());

        String json = DatasetWriter.compact().toJson(dataset);

        assertThat(json).startsWith("{\"schemaVersion\":2,\"district\":{\"id\":\"d-2\",\"timeZone\":\"Asia/Riyadh\","
                + "\"defaultLanguage\":\"ar\",\"weekend\":[\"FRIDAY\",\"SATURDAY\"]},");
        // The district default is now Arabic: the Arabic contact states none, the English one does.
        assertThat(json).contains("\"channel\":\"SMS\"},{\"id\":\"k-2\"")
                .contains("\"channel\":\"SMS\",\"language\":\"en\"}]");
    }

    @Test
    void includingDefaultsWritesEveryFieldWithNullsForAbsentOnes() {
        String json = DatasetWriter.compact().includingDefaults().toJson(smallDataset());

        assertThat(json)
                .contains("\"district\":{\"id\":\"d-1\",\"name\":\"Riverbend\",\"timeZone\":\"America/Chicago\","
                        + "\"defaultLanguage\":\"en\",\"weekend\":[\"SATURDAY\",\"SUNDAY\"],"
                        + "\"holidays\":[\"2026-11-11\",\"2026-11-26\"],\"schoolYearStart\":null,\"schools\":[]}")
                .contains("{\"id\":\"f-2\",\"students\":[],\"caregivers\":[],\"preference\":null,\"groups\":{}}")
                .contains("\"caregivers\":[{\"id\":\"c-1\",\"relationship\":\"MOTHER\",\"preference\":null,"
                        + "\"restriction\":\"NONE\"}]")
                .contains("\"preference\":{\"languages\":[],\"channels\":[],\"optOut\":[],\"reachable\":[],"
                        + "\"interpreter\":false}")
                .contains("{\"id\":\"k-2\",\"familyId\":\"f-1\",\"studentId\":null,\"staffId\":null,"
                        + "\"caregiverId\":null,\"schoolId\":null,\"broadcastId\":null,"
                        + "\"at\":\"2026-11-03T01:30:00.500Z\",\"direction\":\"INBOUND\",\"channel\":\"SMS\","
                        + "\"mode\":\"PERSONAL\",\"tone\":\"NEUTRAL\",\"topic\":null,\"language\":\"en\","
                        + "\"interpretation\":\"NONE\",\"delivery\":null,\"delivered\":true,\"awaitsReply\":true,"
                        + "\"replyTo\":null}")
                .contains("{\"id\":\"m-2\",\"familyId\":\"f-2\",\"staffId\":null,\"madeAt\":\"2026-11-04T12:00:00Z\","
                        + "\"dueBy\":\"2026-11-05T12:00:00Z\",\"fulfilledBy\":null}");
    }

    @Test
    void prettyOutputIndentsByTwoSpacesWithLineFeeds() {
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("UTC")), List.of(Staff.of("t-1", StaffRole.TEACHER)),
                List.of(), List.of(), List.of());

        assertThat(DatasetWriter.pretty().toJson(dataset)).isEqualTo("""
                {
                  "schemaVersion": 2,
                  "district": {
                    "id": "d-1",
                    "timeZone": "UTC"
                  },
                  "staff": [
                    {
                      "id": "t-1",
                      "role": "TEACHER",
                      "languages": []
                    }
                  ],
                  "families": [],
                  "contacts": [],
                  "commitments": [],
                  "meetings": []
                }
                """);
    }

    @Test
    void prettyAndCompactCarryTheSameDocument() {
        Dataset dataset = smallDataset();
        String pretty = DatasetWriter.pretty().toJson(dataset);

        assertThat(pretty).doesNotContain("\r").contains("\n    \"id\": \"d-1\",\n");
        // No string in this dataset holds a space, so stripping whitespace gives the compact form.
        assertThat(pretty.replaceAll("\\s+", "") + "\n").isEqualTo(DatasetWriter.compact().toJson(dataset));
    }

    @Test
    void sameDatasetGivesIdenticalBytesWhicheverWayItIsWritten(@TempDir Path dir) throws IOException {
        Dataset dataset = SampleData.read("sample-40-families.json");
        DatasetWriter writer = DatasetWriter.compact();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        writer.write(dataset, stream);
        Path file = dir.resolve("district.json");
        writer.write(dataset, file);

        byte[] first = writer.toBytes(dataset);
        assertThat(writer.toBytes(dataset)).isEqualTo(first);
        assertThat(stream.toByteArray()).isEqualTo(first);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(writer.toJson(dataset).getBytes(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void writingToAFileReplacesWhatWasThere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("district.json");
        Files.writeString(file, "x".repeat(100_000));

        DatasetWriter.compact().write(smallDataset(), file);

        assertThat(Files.readString(file)).isEqualTo(DatasetWriter.compact().toJson(smallDataset()));
    }

    @Test
    void writeFlushesButLeavesTheCallersStreamOpen() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] closed = {false};
        OutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        DatasetWriter.compact().write(smallDataset(), out);

        assertThat(closed[0]).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(DatasetWriter.compact().toJson(smallDataset()));
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8AndEscapedWhereJsonRequires() {
        Family family = new Family("f-ñ", List.of(), List.of(new Caregiver("c-1", "TÍA \"2\"")), null, Map.of());
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("UTC")), List.of(), List.of(family), List.of(),
                List.of());

        byte[] bytes = DatasetWriter.compact().toBytes(dataset);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("{\"id\":\"f-ñ\",\"students\":[],\"caregivers\":[{\"id\":\"c-1\",\"relationship\":\"TÍA \\\"2\\\"\"}]}");
    }

    @Test
    void instantsAreWrittenExactlyAsInstantToString() {
        DatasetWriter.InstantText text = new DatasetWriter.InstantText();
        SplittableRandom random = new SplittableRandom(42);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2000-02-29T12:00:00.000001Z"), Instant.parse("0999-03-01T00:00:00.100Z")));
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            char[] chars = text.format(instant);
            assertThat(new String(chars, 0, text.length())).as("%s", instant.getEpochSecond())
                    .isEqualTo(instant.toString());
        }
    }

    @Test
    void instantsOutsideYearsOneTo9999FallBackToInstantToString() {
        Instant ancient = LocalDate.of(-44, 3, 15).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant far = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(new DatasetWriter.InstantText().format(ancient)).isNull();
        Family family = Family.of("f-1", null);
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("UTC")), List.of(), List.of(family), List.of(
                Contact.builder("k-1", "f-1", ancient, Direction.OUTBOUND, Channel.LETTER).build(),
                Contact.builder("k-2", "f-1", far, Direction.OUTBOUND, Channel.LETTER).build()), List.of());

        assertThat(DatasetWriter.compact().toJson(dataset))
                .contains("\"at\":\"" + ancient + "\"")
                .contains("\"at\":\"" + far + "\"");
    }

    @Test
    void writtenDocumentsReadBackAsTheSameDataset() {
        for (Dataset dataset : List.of(smallDataset(), SampleData.read("sample-150-families.json"))) {
            for (DatasetWriter writer : List.of(DatasetWriter.compact(), DatasetWriter.pretty(),
                    DatasetWriter.compact().includingDefaults())) {
                Dataset back = DatasetReader.readString(writer.toJson(dataset));

                assertThat(back.district()).isEqualTo(dataset.district());
                assertThat(back.staff()).isEqualTo(dataset.staff());
                assertThat(back.families()).isEqualTo(dataset.families());
                if (writer == DatasetWriter.compact() || writer == DatasetWriter.pretty()) {
                    assertThat(back.contacts()).isEqualTo(dataset.contacts());
                } else {
                    // Stating every default makes each field recorded: the values read back, the flags differ.
                    assertThat(back.contacts()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recorded")
                            .isEqualTo(dataset.contacts());
                }
                assertThat(back.commitments()).isEqualTo(dataset.commitments());
            }
        }
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        DatasetWriter writer = DatasetWriter.compact();
        assertThatNullPointerException().isThrownBy(() -> writer.toJson(null)).withMessageContaining("dataset");
        assertThatNullPointerException().isThrownBy(() -> writer.write(smallDataset(), (OutputStream) null))
                .withMessageContaining("out");
        assertThatNullPointerException().isThrownBy(() -> writer.write(smallDataset(), (Path) null))
                .withMessageContaining("file");
    }
}
