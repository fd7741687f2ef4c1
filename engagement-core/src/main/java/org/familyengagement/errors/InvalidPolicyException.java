package org.familyengagement.errors;

import java.util.List;

/** A policy document was rejected; see {@link #problems()}. */
public class InvalidPolicyException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidPolicyException(List<Problem> problems) {
        super("policy", problems);
    }

    /** @param source the file the policy came from, or {@code null} */
    public InvalidPolicyException(String source, List<Problem> problems) {
        super("policy", source, problems);
    }
}
