package org.familyengagement.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.familyengagement.model.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code validate --data FILE}: parses and validates a dataset, and says what it holds. */
@Command(name = "validate", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Parses and validates a dataset document without evaluating it.",
            "Prints a one-line summary and exits with 0 when it is valid; lists every problem as "
                + "'pointer: message' and exits with 2 when it is not."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    EngagementCli root;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The dataset document (JSON).")
    Path data;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        Path file = Inputs.checkFile("--data", data, problems);
        if (file == null) {
            throw InvalidInvocationException.ofOptions(problems);
        }
        root.progress().reading(file);
        InvalidInvocationException.Collector collector = new InvalidInvocationException.Collector();
        Dataset dataset = Inputs.readDataset("--data", file, collector);
        collector.throwIfAny();
        root.out().println(Texts.english().get("validate.valid", "file", file.toString(),
                "families", dataset.families().size(), "contacts", dataset.contacts().size(),
                "commitments", dataset.commitments().size(), "staff", dataset.staff().size()));
        return EngagementCli.OK;
    }
}
