package org.familyengagement.errors;

import java.util.List;
import java.util.Optional;

/**
 * An input document was rejected. Carries every problem found, not just the first, so the
 * sender can fix them all at once: up to {@value #MAX_PROBLEMS} of them, then one more,
 * {@link Problem#notListed}, that says how many more there were.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many problems the exception message lists; {@link #problems()} has them all. */
    public static final int MAX_LISTED = 100;

    /**
     * How many problems a reader (or {@code Dataset.of}) collects before it only counts them: a
     * few megabytes of garbage would otherwise make millions, and as much memory. A list cut
     * there ends with one more problem, {@link Problem#notListed}, counting the rest.
     */
    public static final int MAX_PROBLEMS = 1_000;

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

    /**
     * Every problem, in document order; when there were more than {@link #MAX_PROBLEMS}, the
     * first of them and, last, a {@link Problem#notListed} problem counting the others.
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String documentName, String source, List<Problem> problems) {
        long notListed = problems.isEmpty() ? 0 : problems.get(problems.size() - 1).notListedCount();
        int listed = notListed > 0 ? problems.size() - 1 : problems.size();
        StringBuilder text = new StringBuilder()
                .append("The ").append(documentName).append(source == null ? "" : " in " + source).append(" is invalid (")
                .append(notListed > 0 ? "at least " : "").append(listed + notListed)
                .append(listed + notListed == 1 ? " problem" : " problems").append("):");
        // A few megabytes of bad elements make a thousand problems: the message lists the first ones only.
        for (Problem problem : problems.subList(0, Math.min(listed, MAX_LISTED))) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        if (listed > MAX_LISTED) {
            text.append(System.lineSeparator()).append("  … and ").append(listed - MAX_LISTED)
                    .append(notListed > 0 ? " more in problems(), and at least " + notListed + " not listed"
                            : " more; problems() lists them all");
        } else if (notListed > 0) {
            text.append(System.lineSeparator()).append("  ").append(problems.get(listed));
        }
        return text.toString();
    }
}
