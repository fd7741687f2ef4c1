package org.familyengagement.benchmarks.probes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.familyengagement.benchmarks.Districts;
import org.familyengagement.benchmarks.PlainFloor;
import org.familyengagement.model.Dataset;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.RuleEngine;

/**
 * Where batch evaluation spends its time, by switching rules off: {@code PackBreakdown <families> <runs>}.
 * Thread CPU of the evaluating thread (GC threads not counted), median of the warm half of the runs.
 */
public final class PackBreakdown {
    private PackBreakdown() {
    }

    public static void main(String[] args) {
        int families = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Dataset dataset = Districts.generate(families);
        Map<String, RuleEngine> engines = new LinkedHashMap<>();
        engines.put("no rules", keeping());
        engines.put("three rules", keeping(PlainFloor.RULES.toArray(String[]::new)));
        engines.put("three minus group", keeping(RuleIds.UNANSWERED_INPUT, RuleIds.DEFICIT_ONLY_CONTACT));
        engines.put("group-reach only", keeping(RuleIds.GROUP_REACH_DISPARITY));
        List<String> familyRules = new ArrayList<>(RuleEngine.builder().build().catalog().ids());
        familyRules.removeAll(List.of(RuleIds.GROUP_REACH_DISPARITY, RuleIds.GROUP_RESPONSE_DISPARITY));
        engines.put("whole pack minus equity", keeping(familyRules.toArray(String[]::new)));
        engines.put("whole pack", RuleEngine.builder().build());
        engines.put("pack + custom rule", RuleEngine.builder().addRulesFromClasspath(Districts.CUSTOM_RULE_RESOURCE).build());
        Medians medians = new Medians();
        for (int run = 0; run < runs; run++) {
            engines.forEach((name, engine) -> medians.time(name, () -> engine.evaluate(dataset, Districts.AS_OF)));
            medians.time("plain floor", () -> PlainFloor.evaluate(dataset, Districts.AS_OF, engines.get("whole pack").policy()));
        }
        medians.print(String.format("%,d families, %,d contacts:", families, dataset.contacts().size()));
    }

    private static RuleEngine keeping(String... ruleIds) {
        List<String> off = new ArrayList<>(RuleEngine.builder().build().catalog().ids());
        off.removeAll(List.of(ruleIds));
        return RuleEngine.builder().disable(off.toArray(String[]::new)).build();
    }
}
