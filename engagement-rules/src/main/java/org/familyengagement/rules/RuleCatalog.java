package org.familyengagement.rules;

import java.util.List;
import java.util.Optional;

/**
 * The rules an engine runs: the built-in pack by category, in the order its files declare them
 * (the order of {@code docs/rules.md}), then custom rules by id. Disabled rules are not in it.
 * Titles and rationales are in the engine's language.
 */
public final class RuleCatalog {
    private final List<RuleInfo> rules;

    RuleCatalog(List<RuleInfo> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule, built-in first. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The ids of every rule. */
    public List<String> ids() {
        return rules.stream().map(RuleInfo::id).toList();
    }
}
