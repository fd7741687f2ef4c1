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
 * @param why        why it matters, for a coordinator acting on its findings (the {@code guidance}
 *                   bundle; a custom rule's is its rationale)
 * @param nextStep   what to do next about one of its findings; empty for custom rules
 */
public record RuleInfo(String id, String title, Category category, Severity severity, String rationale,
                       List<String> parameters, boolean builtIn, String why, String nextStep) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rationale, "rationale");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(nextStep, "nextStep");
    }
}
