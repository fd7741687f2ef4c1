package org.familyengagement.importer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.familyengagement.errors.Problem;
import org.familyengagement.importer.InvalidImportException;
import org.familyengagement.internal.References;

/**
 * Collects the problems of one import, each located in its file: {@code file:line:column} for a
 * CSV cell, {@code file:line:column /pointer} for a configuration value, {@code file:line:column
 * /Interchange/Element[3]/Child} for an XML element. Messages quote ids and enum values only
 * ({@link Problem#quote}). Like the dataset reader, it keeps the first
 * {@link org.familyengagement.errors.InvalidInputException#MAX_PROBLEMS} problems and only counts
 * the rest, so a source full of bad rows costs bounded memory.
 */
public final class Problems {
    private final References.CappedProblems problems = new References.CappedProblems();
    private final List<Problem> warnings = new ArrayList<>();

    /** How a file is named in locations: as the configuration named it, relative or absolute. */
    public static String name(Path file) {
        return file.toString();
    }

    /** {@code file:line:column}, or {@code file:line} when the column is unknown (0). */
    public static String at(Path file, long line, long column) {
        StringBuilder text = new StringBuilder(name(file));
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.toString();
    }

    /** {@code file:line:column path}: a place with a structural path after it. */
    public static String at(Path file, long line, long column, String path) {
        return at(file, line, column) + (path == null || path.isEmpty() ? "" : " " + path);
    }

    /** A configuration value's place: its file, line, column and JSON pointer. */
    public static String at(Path file, Node node) {
        return at(file, node.line(), node.column(), node.pointer().isEmpty() ? "" : node.pointer());
    }

    public void add(String location, String message) {
        problems.add(new Problem(location, message));
    }

    public void add(Problem problem) {
        problems.add(problem);
    }

    public void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /**
     * Checks a value read from a source for an id field, before any record is built from it:
     * {@code true} when it is {@code null} (absent) or can be an id ({@link References#idProblem});
     * otherwise adds a problem at {@code at}, such as {@code StudentUniqueId "s?1" must not contain
     * U+001B (a control character)}, and returns {@code false}, so that the caller skips the record.
     *
     * @param what the field as the source names it: {@code sourcedId}, {@code studentId}
     */
    public boolean isId(String at, String what, String value) {
        if (value == null) {
            return true;
        }
        String problem = References.idProblem(value);
        if (problem == null) {
            return true;
        }
        add(at, what + (problem.startsWith("must not be blank") ? " " : " " + Problem.quote(value) + " ") + problem);
        return false;
    }

    public void warn(String location, String message) {
        warnings.add(new Problem(location, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many problems were found, listed or only counted: it grows with every {@link #add}. */
    public long size() {
        return problems.size() + problems.notListed();
    }

    /** The problems in the order found, then one that counts those not listed, if any. */
    public List<Problem> list() {
        return Collections.unmodifiableList(problems.toList((a, b) -> 0));
    }

    public List<Problem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Throws every problem so far, naming {@code source}, when there is any. */
    public void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new InvalidImportException(source, list());
        }
    }
}
