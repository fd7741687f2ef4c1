package org.familyengagement.benchmarks.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.familyengagement.benchmarks.ImportBenchmark;
import org.familyengagement.importer.Importer;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Dataset;

/**
 * {@code ImportBenchmark}'s two sides without JMH, for profiling and quick side-by-side checks:
 * the import of a OneRoster roster plus a contact log, and the read of the same dataset's JSON,
 * alternated in one JVM, each timed by the thread's CPU. {@code ImportCost <families> <rounds>
 * [dir]}: the inputs are written to {@code dir} (default {@code /tmp/engagement-bench/import-N})
 * unless already there, so repeated runs, and runs of two builds, read the same files.
 */
public final class ImportCost {
    private ImportCost() {
    }

    public static void main(String[] args) throws IOException {
        int families = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Path.of(args.length > 2 ? args[2] : "/tmp/engagement-bench/import-" + families);
        Path config = dir.resolve("import.yaml");
        Path json = dir.resolve("dataset.json");
        if (!Files.exists(json)) {
            Files.createDirectories(dir);
            ImportBenchmark.writeInputs(families, dir);
        }
        Medians medians = new Medians();
        for (int i = 0; i < rounds; i++) {
            medians.time("importSources", () -> {
                try {
                    Dataset dataset = Importer.run(config).dataset();
                    check(dataset);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            medians.time("readJson", () -> {
                try {
                    check(DatasetReader.read(json));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        medians.print(families + " families:");
    }

    private static void check(Dataset dataset) {
        if (dataset.contacts().isEmpty()) {
            throw new IllegalStateException("no contacts");
        }
    }
}
