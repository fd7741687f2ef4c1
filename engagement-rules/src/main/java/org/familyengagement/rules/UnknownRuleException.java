package org.familyengagement.rules;

import java.util.List;
import java.util.Optional;

import org.familyengagement.errors.Problem;

/**
 * An engine was asked to switch off a rule it does not have. Thrown when the engine is built,
 * which is when every rule id is known (built-in and custom), with every unknown id: those of
 * the policy's {@code disabledRules}, each with its JSON pointer into the policy document, and
 * those given to {@link RuleEngine.Builder#disable}. Each sentence offers the closest known id.
 */
public final class UnknownRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String policySource;
    private final transient List<Problem> inPolicy;
    private final transient List<String> inDisable;

    /**
     * @param policySource where the policy came from (a file), or {@code null} when unknown
     * @param inPolicy     unknown ids of the policy's {@code disabledRules}, by pointer
     * @param inDisable    one sentence per unknown id given to {@code disable(...)}
     */
    public UnknownRuleException(String policySource, List<Problem> inPolicy, List<String> inDisable) {
        super(describe(policySource, inPolicy, inDisable));
        this.policySource = policySource;
        this.inPolicy = List.copyOf(inPolicy);
        this.inDisable = List.copyOf(inDisable);
    }

    /** The file the policy came from, when the engine was given one ({@code policy(Path)}). */
    public Optional<String> policySource() {
        return Optional.ofNullable(policySource);
    }

    /** The policy's unknown ids, each at its pointer ({@code /disabledRules/1}). */
    public List<Problem> inPolicy() {
        return inPolicy;
    }

    /** The unknown ids given to {@link RuleEngine.Builder#disable}, a sentence each. */
    public List<String> inDisable() {
        return inDisable;
    }

    private static String describe(String policySource, List<Problem> inPolicy, List<String> inDisable) {
        int count = inPolicy.size() + inDisable.size();
        StringBuilder text = new StringBuilder("Unknown rule ids (").append(count).append("):");
        for (Problem problem : inPolicy) {
            text.append(System.lineSeparator()).append("  ")
                    .append(policySource == null ? "policy" : policySource).append(' ').append(problem);
        }
        for (String message : inDisable) {
            text.append(System.lineSeparator()).append("  disable: ").append(message);
        }
        return text.toString();
    }
}
