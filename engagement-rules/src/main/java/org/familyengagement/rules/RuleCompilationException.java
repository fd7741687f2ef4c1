package org.familyengagement.rules;

import java.util.List;
import java.util.Objects;

/**
 * Rule files did not compile. Thrown when an engine is built, before any evaluation, with every
 * error of every file.
 */
public class RuleCompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<CompileError> errors;

    public RuleCompilationException(List<CompileError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error, by source and line. */
    public List<CompileError> errors() {
        return errors;
    }

    /**
     * One compile error.
     *
     * @param source  the file or resource name the DRL came from
     * @param line    the line, 1-based; 0 when the error concerns the whole source
     * @param message what is wrong
     */
    public record CompileError(String source, int line, String message) {
        public CompileError {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return source + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    private static String describe(List<CompileError> errors) {
        StringBuilder text = new StringBuilder("Rules did not compile (").append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors").append("):");
        for (CompileError error : errors) {
            text.append(System.lineSeparator()).append("  ").append(error);
        }
        return text.toString();
    }
}
