package org.familyengagement.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a dataset file (compact JSON, as {@link DatasetWriter#compact()} writes it) with full
 * validation, against the floor of merely tokenizing the same file with Jackson's streaming
 * parser. The file sits in the page cache after the first read, so neither pays for the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ParseBenchmark {
    private static final JsonFactory JSON = new JsonFactory();

    @Param({"10000", "30000", "100000"})
    public int families;

    private Path file;

    @Setup
    public void setUp() throws IOException {
        file = Files.createTempFile("dataset-" + families + "-", ".json");
        Dataset dataset = Districts.generate(families);
        DatasetWriter.compact().write(dataset, file);
        System.out.printf("%n%s: %,d contacts, %,d bytes%n", file, dataset.contacts().size(), Files.size(file));
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Dataset datasetReader() throws IOException {
        return DatasetReader.read(file);
    }

    @Benchmark
    public long jacksonTokensOnly() throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens++;
            }
        }
        return tokens;
    }
}
