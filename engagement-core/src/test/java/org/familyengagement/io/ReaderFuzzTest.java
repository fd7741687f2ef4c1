package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.function.ThrowingSupplier;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;

/**
 * Fuzzing of {@link DatasetReader} and {@link PolicyReader}: whatever the input, a read ends in a
 * dataset or policy, or in an {@code Invalid*Exception} whose problems are well formed and quote
 * no more than one token of the input ({@link ProblemChecks}); never in another exception, and
 * never in a hang (each read has {@value #TRY_TIMEOUT_SECONDS} seconds).
 *
 * <p>Each property runs {@code jqwik.tries.default} tries: 300 in CI (see
 * {@code junit-platform.properties}, a few seconds in all). For a long run:
 * <pre>{@code
 * ./mvnw -o -pl engagement-core install -Dtest=ReaderFuzzTest -Djqwik.tries.default=100000
 * }</pre>
 * (900,000 tries, about 11 minutes on two cores.)
 * jqwik prints each property's tries, checks, seed and accepted/rejected counts to
 * {@code target/surefire-reports/org.familyengagement.io.ReaderFuzzTest-output.txt}. A failure
 * shows the shrunk input and the seed; {@code @Property(seed = "…")} on the property replays it,
 * and the next run of the class tries the failing sample first.
 */
class ReaderFuzzTest {
    static final long TRY_TIMEOUT_SECONDS = 10;
    private static final Duration TRY_TIMEOUT = Duration.ofSeconds(TRY_TIMEOUT_SECONDS);

    // ---------------------------------------------------------------- datasets

    @Property
    void datasetReaderSurvivesRandomBytes(@ForAll("randomBytes") byte[] bytes) {
        readDatasetEveryWay(bytes);
    }

    @Property
    void datasetReaderSurvivesRandomText(@ForAll("jsonishText") String text) {
        readDataset(() -> DatasetReader.readString(text), text);
    }

    @Property
    void datasetReaderSurvivesContractShapedJson(@ForAll("contractShapedJson") String text) {
        readDataset(() -> DatasetReader.readString(text), text);
    }

    @Property
    void datasetReaderSurvivesMutatedValidDocuments(@ForAll("mutatedDatasets") byte[] bytes) {
        readDatasetEveryWay(bytes);
    }

    /** Whatever a mutation leaves acceptable reads back the same after a round trip through the writer. */
    @Property
    void anAcceptedMutantRoundTripsThroughTheWriter(@ForAll("mutatedDatasets") byte[] bytes) {
        Dataset dataset = readDataset(() -> DatasetReader.read(new ByteArrayInputStream(bytes)), text(bytes));
        if (dataset != null) {
            String written = DatasetWriter.compact().toJson(dataset);
            String rewritten = DatasetWriter.compact().toJson(within(() -> DatasetReader.readString(written)));
            assertThat(rewritten).isEqualTo(written);
        }
    }

    // ---------------------------------------------------------------- policies

    @Property
    void policyReaderSurvivesRandomBytes(@ForAll("randomBytes") byte[] bytes) {
        readPolicy(() -> PolicyReader.read(new ByteArrayInputStream(bytes)), text(bytes));
    }

    @Property
    void policyReaderSurvivesRandomText(@ForAll("jsonishText") String text) {
        readPolicy(() -> PolicyReader.readString(text), text);
        readPolicy(() -> PolicyReader.readString(text, PolicyReader.Format.YAML), text);
    }

    @Property
    void policyReaderSurvivesContractShapedJson(@ForAll("contractShapedJson") String text) {
        readPolicy(() -> PolicyReader.readString(text), text);
    }

    @Property
    void policyReaderSurvivesMutatedValidDocuments(@ForAll("mutatedPolicies") byte[] bytes) {
        String text = text(bytes);
        readPolicy(() -> PolicyReader.read(new ByteArrayInputStream(bytes)), text);
        readPolicy(() -> PolicyReader.readString(text), text);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return FuzzInputs.randomBytes();
    }

    @Provide
    Arbitrary<String> jsonishText() {
        return FuzzInputs.jsonishText();
    }

    @Provide
    Arbitrary<String> contractShapedJson() {
        return FuzzInputs.contractShapedJson();
    }

    @Provide
    Arbitrary<byte[]> mutatedDatasets() {
        return FuzzInputs.mutated(FuzzInputs.VALID_DATASETS);
    }

    @Provide
    Arbitrary<byte[]> mutatedPolicies() {
        return FuzzInputs.mutated(FuzzInputs.VALID_POLICIES);
    }

    // ---------------------------------------------------------------- the property

    /** Reads the bytes as a stream, and their UTF-8 decoding as a string and through a reader. */
    private static void readDatasetEveryWay(byte[] bytes) {
        String text = text(bytes);
        readDataset(() -> DatasetReader.read(new ByteArrayInputStream(bytes)), text);
        readDataset(() -> DatasetReader.readString(text), text);
        readDataset(() -> DatasetReader.read(new StringReader(text)), text);
    }

    /** The dataset, or {@code null} when the input was rejected as it must be. Anything else fails the try. */
    private static Dataset readDataset(ThrowingSupplier<Dataset> read, String input) {
        try {
            Dataset dataset = within(read);
            assertThat(dataset).isNotNull();
            Statistics.label("dataset").collect("accepted");
            return dataset;
        } catch (InvalidDatasetException e) {
            ProblemChecks.assertWellFormed(e, input);
            Statistics.label("dataset").collect("rejected");
            return null;
        }
    }

    private static void readPolicy(ThrowingSupplier<Policy> read, String input) {
        try {
            assertThat(within(read)).isNotNull();
            Statistics.label("policy").collect("accepted");
        } catch (InvalidPolicyException e) {
            ProblemChecks.assertWellFormed(e, input);
            Statistics.label("policy").collect("rejected");
        }
    }

    private static <T> T within(ThrowingSupplier<T> read) {
        return assertTimeoutPreemptively(TRY_TIMEOUT, read, "a read took longer than " + TRY_TIMEOUT);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
