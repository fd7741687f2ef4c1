package org.familyengagement.importer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.familyengagement.errors.Problem;
import org.familyengagement.model.Dataset;

/**
 * What an import produced.
 *
 * @param dataset  the checked dataset
 * @param warnings what was left out and why, each with its place: rows that did not join the
 *                 roster under {@code unjoinable: SKIP}, records a source could not attach to a
 *                 family; ids, counts and places only
 * @param counts   what each source gave and left out, in reading order: {@code "Contact.xml
 *                 contacts" -> 1873}; for a summary line
 */
public record ImportResult(Dataset dataset, List<Problem> warnings, Map<String, Integer> counts) {
    public ImportResult {
        Objects.requireNonNull(dataset, "dataset");
        warnings = List.copyOf(warnings);
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
