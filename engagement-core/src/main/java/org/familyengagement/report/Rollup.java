package org.familyengagement.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The findings of one school, staff member, broadcast, rule or severity, counted.
 *
 * @param key      what they share: a school id, a staff id, a broadcast id, a rule id or a severity name
 * @param findings how many findings
 * @param high     of which high severity
 * @param medium   of which medium severity
 * @param low      of which low severity
 * @param families distinct families they concern
 * @param rules    findings per rule id, most first (ties by id)
 */
public record Rollup(String key, int findings, int high, int medium, int low, int families,
                     Map<String, Integer> rules) {
    /** Worst first: most high-severity findings, then most findings, then key. */
    public static final Comparator<Rollup> WORST_FIRST = Comparator.comparingInt(Rollup::high).reversed()
            .thenComparing(Comparator.comparingInt(Rollup::findings).reversed())
            .thenComparing(Rollup::key);

    public Rollup {
        Objects.requireNonNull(key, "key");
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** The count at one severity. */
    public int at(Severity severity) {
        return switch (severity) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        };
    }
}
