package org.familyengagement.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.familyengagement.importer.ImportResult;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import --config FILE --out FILE}: reads the sources an import configuration names and
 * writes the dataset document. Nothing is written unless the whole import is valid.
 */
@Command(name = "import", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Imports a district's data (Ed-Fi XML, a OneRoster zip, contact logs in CSV, an SIS database)"
                + " as an import configuration describes it, and writes the dataset document.",
            "Lists every problem, with its file and line and column or its XML element path, and writes nothing"
                + " when the sources cannot be used; prints what was left out as warnings."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    EngagementCli root;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The import configuration (YAML).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the dataset document (JSON).")
    Path out;

    @Option(names = "--pretty", description = "Indent the document (two spaces) instead of writing it compact.")
    boolean pretty;

    @Override
    public Integer call() throws IOException {
        List<String> problems = new ArrayList<>();
        Path configFile = Inputs.checkFile("--config", config, problems);
        Inputs.checkWritable("--out", out, problems);
        if (configFile != null && Inputs.sameFile(out, configFile)) {
            problems.add("--out: " + out + " is the --config file; the dataset would overwrite it");
        }
        if (!problems.isEmpty()) {
            throw InvalidInvocationException.ofOptions(problems);
        }
        root.progress().step("Importing the sources of " + configFile + "...");
        InvalidInvocationException.Collector collector = new InvalidInvocationException.Collector();
        ImportResult result = ImportInputs.run("--config", configFile, collector);
        collector.throwIfAny();
        ImportInputs.printWarnings(result, root.err());

        // Written beside the target and moved over it, so a failed write leaves no half document.
        Dataset dataset = result.dataset();
        Path target = out.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), ".import-", ".json.partial");
        try {
            (pretty ? DatasetWriter.pretty() : DatasetWriter.compact()).write(dataset, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        root.out().println(summary(result.counts(), configFile, out));
        return EngagementCli.OK;
    }

    static String summary(Map<String, Integer> counts, Path config, Path out) {
        return String.format(java.util.Locale.ROOT,
                "Imported %,d families (%,d students, %,d caregivers), %,d staff, %,d contacts, %,d commitments and "
                        + "%,d meetings from %s into %s.",
                counts.getOrDefault("families", 0), counts.getOrDefault("students", 0),
                counts.getOrDefault("caregivers", 0), counts.getOrDefault("staff", 0),
                counts.getOrDefault("contacts", 0), counts.getOrDefault("commitments", 0),
                counts.getOrDefault("meetings", 0), config, out);
    }
}
