package org.familyengagement.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.familyengagement.report.Rollup;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.RuleCatalog;
import org.familyengagement.rules.RuleInfo;

/**
 * A school's (or staff member's) top rules as the reports name them: the most severe rules first,
 * then the most findings, so a school's many low-severity broadcast floods do not hide its
 * unanswered questions.
 */
final class TopRules {
    private TopRules() {
    }

    static List<Map.Entry<String, Integer>> of(Rollup rollup, RuleCatalog catalog, int limit) {
        List<Map.Entry<String, Integer>> rules = new ArrayList<>(rollup.rules().entrySet());
        rules.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> catalog.rule(e.getKey())
                        .map(RuleInfo::severity).orElse(Severity.LOW)).reversed()
                .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed())
                .thenComparing(Map.Entry.comparingByKey()));
        return rules.subList(0, Math.min(limit, rules.size()));
    }
}
