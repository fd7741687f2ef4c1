package org.familyengagement.errors;

import java.util.Objects;

import org.familyengagement.internal.References;

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

    private static final String NOT_LISTED_START = "… and at least ";

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The problem that ends a list cut at {@link InvalidInputException#MAX_PROBLEMS}: how many more
     * were found and not kept. Its pointer is the whole document.
     *
     * @param count how many problems were left out, at least one
     */
    public static Problem notListed(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a list is cut only when problems were left out, not " + count);
        }
        return new Problem("", NOT_LISTED_START + count + (count == 1 ? " more problem" : " more problems")
                + ", not listed");
    }

    /** How many problems this one stands for when it is {@link #notListed}; otherwise 0. */
    public long notListedCount() {
        if (!pointer.isEmpty() || !message.startsWith(NOT_LISTED_START)) {
            return 0;
        }
        int end = message.indexOf(' ', NOT_LISTED_START.length());
        if (end < 0) {
            return 0;
        }
        long count;
        try {
            count = Long.parseLong(message, NOT_LISTED_START.length(), end, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
        return count > 0 && message.equals(notListed(count).message()) ? count : 0;
    }

    /**
     * A value from the input as a message shows it: an id, an enum value or another token, in
     * double quotes, cut to {@value #MAX_QUOTED} characters. A value with white space in it is
     * not a token but text, perhaps a family's own words, and is never shown:
     * {@code (73 characters, not shown)}. Characters that would not print as themselves, or
     * would change how a terminal shows what follows, are shown as '?': controls (ESC, NUL),
     * invisible format characters (the bidirectional controls U+202A-U+202E, U+2066-U+2069,
     * U+200E, U+200F, zero-width spaces), line and paragraph separators, and halves of a
     * surrogate pair without their other half. Every message that names a value from the input
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
        References.appendPrintable(quoted, token, 0, end);
        return quoted.append(cut ? "…\"" : "\"").toString();
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
