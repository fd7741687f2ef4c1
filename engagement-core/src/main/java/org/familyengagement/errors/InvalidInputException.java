package org.familyengagement.errors;

import java.util.List;
import java.util.Optional;

/**
 * An input document was rejected. Carries every problem found, not just the first, so the
 * sender can fix them all at once.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many problems the exception message lists; {@link #problems()} has them all. */
    public static final int MAX_LISTED = 100;

    private final String documentName;
    private final String source;
    private final transient List<Problem> problems;

    public InvalidInputException(String documentName, List<Problem> problems) {
        this(documentName, null, problems);
    }

    /**
     * @param documentName what was read: "dataset", "policy"
     * @param source       where it came from (a file name), or {@code null} when unknown
     * @param problems     every problem, at least one
     */
    public InvalidInputException(String documentName, String source, List<Problem> problems) {
        super(describe(documentName, source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid " + documentName + " must have at least one problem");
        }
        this.documentName = documentName;
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** What was read: "dataset", "policy". */
    public String documentName() {
        return documentName;
    }

    /** Where the document came from (a file name), when known. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** Every problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String documentName, String source, List<Problem> problems) {
        StringBuilder text = new StringBuilder()
                .append("The ").append(documentName).append(source == null ? "" : " in " + source).append(" is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        // A few megabytes of bad elements make a million problems: the message lists the first ones only.
        for (Problem problem : problems.subList(0, Math.min(problems.size(), MAX_LISTED))) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        if (problems.size() > MAX_LISTED) {
            text.append(System.lineSeparator()).append("  … and ").append(problems.size() - MAX_LISTED)
                    .append(" more; problems() lists them all");
        }
        return text.toString();
    }
}
