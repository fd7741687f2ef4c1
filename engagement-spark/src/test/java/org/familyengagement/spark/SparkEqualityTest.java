package org.familyengagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.io.PolicyReader;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job's findings equal {@code RuleEngine.evaluate}'s, byte for byte in the findings document,
 * on 1, 2 and 7 partitions, for the sample district (as a document, as JSON Lines records and as
 * Parquet) and for random districts whose equity labels are eligible only when counted across
 * partitions. One local Spark (two cores) serves them all.
 */
class SparkEqualityTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    /** Sensitive thresholds, and a minimum group size no partition of 2,100 families in 7 reaches alone. */
    private static final String POLICY = "{\"disparity\": {\"ratio\": 0.95, \"alpha\": 0.5, \"minGroupSize\": 400}}";

    private static SparkSession spark;
    private static Dataset sample;
    private static String sampleDocument;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("engagement-spark-tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        sample = DatasetReader.read(Path.of("..", "examples", "data", "sample-district.json"));
        sampleDocument = Oracle.findingsDocument(RuleEngine.builder().build(), sample, AS_OF);
        FamilyRecords.write(sample, dir.resolve("sample-records"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void theSampleDocumentGivesTheSameFindingsOnAnyNumberOfPartitions(int partitions) throws IOException {
        String json = audit(spec(null), partitions, Path.of("..", "examples", "data", "sample-district.json"));

        assertThat(json).isEqualTo(sampleDocument);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void theSampleAsJsonLinesRecordsGivesTheSameFindings(int partitions) throws IOException {
        assertThat(audit(spec(null), partitions, dir.resolve("sample-records"))).isEqualTo(sampleDocument);
    }

    @Test
    void theSampleAsParquetRecordsGivesTheSameFindings() throws IOException {
        Path parquet = dir.resolve("sample-parquet");
        Files.createDirectories(parquet);
        Files.copy(dir.resolve("sample-records").resolve(DistrictAudit.HEADER), parquet.resolve(DistrictAudit.HEADER));
        spark.read().json(dir.resolve("sample-records").resolve(DistrictAudit.RECORDS_JSONL).toString())
                .write().parquet(parquet.resolve(DistrictAudit.RECORDS_PARQUET).toString());

        assertThat(audit(spec(null), 3, parquet)).isEqualTo(sampleDocument);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {17, 2026})
    void randomDistrictsGiveTheSameFindingsWithLabelsEligibleOnlyAcrossPartitions(long seed) throws IOException {
        Dataset district = SampleDistrict.generate(seed, 2_100);
        Path document = dir.resolve("random-" + seed + ".json");
        DatasetWriter.compact().write(district, document);
        Path records = dir.resolve("random-" + seed);
        FamilyRecords.write(district, records);
        RuleEngine engine = RuleEngine.builder().policy(PolicyReader.readString(POLICY)).build();
        String expected = Oracle.findingsDocument(engine, district, AS_OF);

        for (int partitions : List.of(1, 2, 7)) {
            assertThat(audit(spec(POLICY), partitions, document)).as("document, %d partitions", partitions)
                    .isEqualTo(expected);
        }
        assertThat(audit(spec(POLICY), 7, records)).as("records, 7 partitions").isEqualTo(expected);

        // Not vacuous: group findings exist, and each flagged label has fewer than 400 families in
        // every one of the 7 partitions (the job deals a document's families out in turn).
        List<Group> flagged = engine.evaluate(district, AS_OF).findings().stream().filter(Finding::isGroupFinding)
                .map(Finding::group).distinct().toList();
        assertThat(flagged).isNotEmpty();
        for (Group label : flagged) {
            Map<Integer, Integer> perPartition = new HashMap<>();
            List<Family> families = district.families();
            for (int i = 0; i < families.size(); i++) {
                if (label.label().equals(families.get(i).groups().get(label.dimension()))) {
                    perPartition.merge(i % 7, 1, Integer::sum);
                }
            }
            assertThat(perPartition.values()).as(label.toString()).allMatch(n -> n < 400);
            assertThat(perPartition.values().stream().mapToInt(Integer::intValue).sum()).as(label.toString())
                    .isGreaterThanOrEqualTo(400);
        }
    }

    private static EngineSpec spec(String policy) {
        return new EngineSpec(policy, List.of(), List.of(), "en", Duration.ofMinutes(5));
    }

    private static String audit(EngineSpec spec, int partitions, Path input) throws IOException {
        DistrictAudit.Outcome outcome = new DistrictAudit(spark, spec, partitions).audit(input.toString(), AS_OF);
        assertThat(outcome.problems()).isEmpty();
        return ReportWriter.toJson(outcome.triage());
    }
}
