package org.familyengagement.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.familyengagement.report.RuleIds;

/**
 * The rules an engine runs: the built-in pack in the order of RULES.md, then custom rules by id.
 * Disabled rules are not in it.
 */
public final class RuleCatalog {
    private final List<RuleInfo> rules;

    RuleCatalog(List<RuleInfo> rules) {
        List<RuleInfo> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing((RuleInfo r) -> !r.builtIn())
                .thenComparing(r -> r.builtIn() ? RuleIds.BUILT_IN.indexOf(r.id()) : 0)
                .thenComparing(RuleInfo::id));
        this.rules = List.copyOf(sorted);
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
