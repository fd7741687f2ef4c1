package org.familyengagement.testkit;

import java.nio.file.Path;
import java.util.List;

import org.familyengagement.errors.Problem;

/**
 * A scenario file could not be run as written. Names the file and lists every problem, each with
 * a JSON pointer into the scenario document.
 */
public class InvalidScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<Problem> problems;

    public InvalidScenarioException(Path file, List<Problem> problems) {
        super(describe(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario must have at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The scenario file. */
    public Path file() {
        return file;
    }

    /** Every problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(Path file, List<Problem> problems) {
        StringBuilder text = new StringBuilder("The scenario file ").append(file).append(" is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
