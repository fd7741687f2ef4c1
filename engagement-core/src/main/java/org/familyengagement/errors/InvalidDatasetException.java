package org.familyengagement.errors;

import java.util.List;

/** A dataset document or a programmatically built dataset was rejected; see {@link #problems()}. */
public class InvalidDatasetException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidDatasetException(List<Problem> problems) {
        super("dataset", problems);
    }
}
