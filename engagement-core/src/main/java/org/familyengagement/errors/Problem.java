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
    /** The longest token a message quotes in full. */
    public static final int MAX_QUOTED = 32;

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A value from the input as a message shows it: an id, an enum value or another token, in
     * double quotes, cut to {@value #MAX_QUOTED} characters, control characters as '?'. A value
     * with white space in it is not a token but text, perhaps a family's own words, and is never
     * shown: {@code (73 characters, not shown)}. Every message that names a value from the input
     * goes through this, so free text cannot leak into errors or the logs that print them.
     */
    public static String quote(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i)) || Character.isSpaceChar(token.charAt(i))) {
                return "(" + token.length() + " characters, not shown)";
            }
        }
        int end = token.length();
        boolean cut = false;
        if (end > MAX_QUOTED) {
            end = Character.isHighSurrogate(token.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
            cut = true;
        }
        StringBuilder quoted = new StringBuilder(end + 3).append('"');
        for (int i = 0; i < end; i++) {
            char ch = token.charAt(i);
            quoted.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return quoted.append(cut ? "…\"" : "\"").toString();
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
