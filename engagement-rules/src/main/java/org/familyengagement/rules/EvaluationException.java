package org.familyengagement.rules;

/**
 * An evaluation could not complete: a rule failed, ran away, or took too long. No partial report
 * is ever returned in its place. Names the rule when one is to blame.
 */
public class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;

    public EvaluationException(String ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    public EvaluationException(String ruleId, String message, Throwable cause) {
        super(message, cause);
        this.ruleId = ruleId;
    }

    /** The rule to blame, or {@code null} when none is. */
    public String ruleId() {
        return ruleId;
    }
}
