package org.familyengagement.errors;

import java.util.Objects;

/**
 * One thing wrong with an input document.
 *
 * @param pointer where it is, as a JSON pointer ({@code /contacts/3/familyId}); {@code ""} for the
 *                whole document
 * @param message what is wrong, in a plain sentence that quotes ids and enum values only
 */
public record Problem(String pointer, String message) {
    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
