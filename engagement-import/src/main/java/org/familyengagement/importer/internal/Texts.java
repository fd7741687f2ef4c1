package org.familyengagement.importer.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.familyengagement.errors.Problem;
import org.familyengagement.internal.Suggestions;

/** Small pieces of the sentences problems are made of. */
public final class Texts {
    private Texts() {
    }

    /** The first line of a parser's message, at most 200 characters, never {@code null}. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        String line = (newline >= 0 ? message.substring(0, newline) : message).strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** A plain reason for an I/O failure. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    /** "; did you mean "x"?" when a known name is close to {@code given}, else "". */
    public static String didYouMean(String given, Collection<String> known) {
        String closest = Suggestions.closest(given, known);
        return closest == null ? "" : "; did you mean " + Problem.quote(closest) + "?";
    }

    /** "unknown X "y"; did you mean "z"?; known: a, b, c" (the list cut to 30 names). */
    public static String unknown(String noun, String given, Collection<String> known) {
        List<String> names = List.copyOf(known);
        String list = names.size() > 30 ? String.join(", ", names.subList(0, 30)) + ", …" : String.join(", ", names);
        return "unknown " + noun + " " + Problem.quote(given) + didYouMean(given, names)
                + (names.isEmpty() ? "" : "; known: " + list);
    }

    /** Upper snake case of a name as written: "Foster parent" and "FosterParent" become FOSTER_PARENT. */
    public static String upperSnake(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                if (Character.isUpperCase(ch) && Character.isLowerCase(previous)) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(ch));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            previous = ch;
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
