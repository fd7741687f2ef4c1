package org.familyengagement.rules;

import java.util.List;
import java.util.Objects;

import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;

/**
 * What the catalogue says of one rule, read from the rule's own metadata in its DRL file
 * ({@code @title}, {@code @category}, {@code @severity}, {@code @rationale}, {@code @parameters}),
 * so documentation and tools never keep a second copy.
 *
 * @param id         the rule's stable id (its DRL name)
 * @param title      one line of what it flags
 * @param category   its category
 * @param severity   its severity
 * @param rationale  why it exists: the practice behind it; may be empty for custom rules
 * @param parameters the policy parameters it reads, for example {@code deficitOnly.minConcerns}
 * @param builtIn    true for the rules of the built-in pack
 */
public record RuleInfo(String id, String title, Category category, Severity severity, String rationale,
                       List<String> parameters, boolean builtIn) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rationale, "rationale");
        parameters = List.copyOf(parameters);
    }
}
