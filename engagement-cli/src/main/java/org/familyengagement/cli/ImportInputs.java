package org.familyengagement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.familyengagement.errors.Problem;
import org.familyengagement.importer.ImportResult;
import org.familyengagement.importer.Importer;
import org.familyengagement.importer.InvalidImportException;
import org.familyengagement.model.Dataset;

/** Runs an import configuration for {@code import} and {@code audit --config}. */
final class ImportInputs {
    /** How many warnings are printed one by one; the rest are counted. */
    static final int WARNINGS_LISTED = 20;

    private ImportInputs() {
    }

    /** The import's result; its problems become a block of {@code collector} (and {@code null} is returned). */
    static ImportResult run(String option, Path config, InvalidInvocationException.Collector collector) {
        try {
            return Importer.run(config);
        } catch (InvalidImportException e) {
            collector.add(InvalidInvocationException.Block.of("the import in " + config + " is invalid",
                    Inputs.lines(e.problems())));
        } catch (IOException e) {
            collector.options(List.of(option + ": cannot read a source of " + config + ": " + Inputs.describe(e)));
        }
        return null;
    }

    /** The imported dataset, its warnings printed on {@code err}; {@code null} when it failed. */
    static Dataset importDataset(String option, Path config, InvalidInvocationException.Collector collector,
                                 PrintStream err) {
        ImportResult result = run(option, config, collector);
        if (result == null) {
            return null;
        }
        printWarnings(result, err);
        return result.dataset();
    }

    /** Each warning as {@code warning: place: message}, the first {@value #WARNINGS_LISTED}, then a count. */
    static void printWarnings(ImportResult result, PrintStream err) {
        List<Problem> warnings = result.warnings();
        for (Problem warning : warnings.subList(0, Math.min(warnings.size(), WARNINGS_LISTED))) {
            err.println("warning: " + warning);
        }
        if (warnings.size() > WARNINGS_LISTED) {
            err.println("warning: … and " + (warnings.size() - WARNINGS_LISTED) + " more warnings");
        }
    }
}
