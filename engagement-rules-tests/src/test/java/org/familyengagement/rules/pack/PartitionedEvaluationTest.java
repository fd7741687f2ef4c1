package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.rules.EvaluationCounts;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dataset judged in partitions (count each, add the counts, judge each against the sum, report)
 * gives the findings document of one evaluation, byte for byte, however the families are dealt
 * out: here at random, not in contiguous slices, with the counts and findings passed through Java
 * serialization as a cluster passes them between machines, and added up in a shuffled order.
 */
class PartitionedEvaluationTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    @ParameterizedTest(name = "{0} partitions")
    @CsvSource({"1", "2", "7"})
    void theSampleDistrictJudgedInPartitionsGivesTheSameDocument(int partitions) throws IOException {
        Dataset sample = DatasetReader.read(Path.of(System.getProperty("basedir", "."), "..", "examples", "data",
                "sample-district.json"));
        RuleEngine engine = RuleEngine.builder().threads(1).build();

        String whole = ReportWriter.toJson(engine.evaluate(sample, AS_OF));

        assertThat(inPartitions(engine, sample, AS_OF, partitions, 11)).isEqualTo(whole);
        // Not vacuous: the broadcast findings cite contacts of families in every partition.
        assertThat(whole).contains("\"untranslated-broadcast\"");
    }

    @ParameterizedTest(name = "seed {0}, min group size {1}, {2} partitions")
    @CsvSource({"3, 10, 2", "17, 120, 7", "2026, 400, 7", "2026, 400, 3"})
    void randomDistrictsJudgedInPartitionsGiveTheSameDocument(long seed, int minGroupSize, int partitions) {
        Dataset district = SampleDistrict.generate(seed, 2_100);
        // Sensitive thresholds, and a minimum group size that no partition reaches alone (400 of
        // 2,100 families in 7 partitions): labels are eligible only in the sum.
        Policy policy = Policy.defaults().withDisparity(new Policy.Disparity(0.95, 0.5, minGroupSize));
        RuleEngine engine = RuleEngine.builder().policy(policy).threads(1).build();

        String whole = ReportWriter.toJson(engine.evaluate(district, AS_OF));

        assertThat(inPartitions(engine, district, AS_OF, partitions, seed)).isEqualTo(whole);
        assertThat(whole).contains("\"group\"");
    }

    @Test
    void countsOfAnotherInstantOrAnotherEngineDoNotAddUp() {
        Dataset district = SampleDistrict.generate(5, 300);
        RuleEngine engine = RuleEngine.builder().build();
        EvaluationCounts now = engine.count(district, AS_OF);

        assertThatThrownBy(() -> now.plus(engine.count(district, AS_OF.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as of");
        RuleEngine fewer = RuleEngine.builder().disable("group-reach-disparity").build();
        assertThatThrownBy(() -> now.plus(fewer.count(district, AS_OF)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other rules");
        assertThatThrownBy(() -> fewer.judge(district, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other rules");
    }

    @Test
    void aPartitionHoldsItsFamiliesWithAllTheirRecords() {
        Dataset district = SampleDistrict.generate(5, 300);
        Family family = district.families().get(7);

        Dataset partition = district.partition(List.of(family));

        assertThat(partition.families()).containsExactly(family);
        assertThat(partition.contactsOf(family.id())).isEqualTo(district.contactsOf(family.id()));
        assertThat(partition.commitmentsOf(family.id())).isEqualTo(district.commitmentsOf(family.id()));
        assertThat(partition.meetingsOf(family.id())).isEqualTo(district.meetingsOf(family.id()));
        assertThat(partition.staff()).isEqualTo(district.staff());
        assertThatThrownBy(() -> district.partition(List.of(family, family)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Deals the families out at random, judges the partitions, and writes the report's document. */
    static String inPartitions(RuleEngine engine, Dataset dataset, Instant asOf, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Family>> dealt = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dealt.add(new ArrayList<>());
        }
        for (Family family : dataset.families()) {
            dealt.get(random.nextInt(count)).add(family);
        }
        List<Dataset> partitions = dealt.stream().map(dataset::partition).toList();
        List<EvaluationCounts> counts = new ArrayList<>();
        for (Dataset partition : partitions) {
            counts.add(roundTrip(engine.count(partition, asOf)));
        }
        Collections.shuffle(counts, new java.util.Random(seed));
        EvaluationCounts whole = counts.get(0);
        for (EvaluationCounts share : counts.subList(1, counts.size())) {
            whole = whole.plus(share);
        }
        EvaluationCounts sum = roundTrip(whole);
        List<Finding> findings = new ArrayList<>();
        for (Dataset partition : partitions) {
            findings.addAll(roundTrip(new ArrayList<>(engine.judge(partition, sum))));
        }
        return ReportWriter.toJson(engine.report(dataset.district(), sum, findings));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
