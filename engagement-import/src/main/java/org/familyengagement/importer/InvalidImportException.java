package org.familyengagement.importer;

import java.util.List;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;

/**
 * An import was rejected: its configuration, a mapping or a source cannot be used. Carries every
 * problem found, each located in its own file: {@code file:line:column} for a CSV cell (the
 * message names the column), {@code file:line:column /pointer} for a YAML setting,
 * {@code file:line:column /Interchange/Element[n]/Child} for an XML element. Nothing is written
 * when an import fails.
 */
public class InvalidImportException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source   the import configuration's file name, or {@code null}
     * @param problems every problem, at least one
     */
    public InvalidImportException(String source, List<Problem> problems) {
        super("import", source, problems);
    }
}
