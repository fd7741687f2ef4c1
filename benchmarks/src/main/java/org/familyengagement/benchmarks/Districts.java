package org.familyengagement.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Dataset;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;

/** What the benchmarks share: the data they run on, the instant they judge at, the engines. */
public final class Districts {
    /** The seed of every benchmark dataset ({@code SampleDistrict}'s documented benchmark seed). */
    public static final long SEED = 7;
    /** The instant of judgement: late in the fall 2026 semester, as in the project's examples. */
    public static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    /** A custom rule that matches single contacts (see DROOLS-NOTES: the slow but legal style). */
    public static final String CUSTOM_RULE_RESOURCE = "org/familyengagement/benchmarks/custom-after-hours.drl";

    private Districts() {
    }

    /** The sample district of {@code families} families (about 20 contacts each). */
    public static Dataset generate(int families) {
        return SampleDistrict.generate(SEED, families);
    }

    /** An engine with only the rules the plain floor also computes. */
    public static RuleEngine threeRuleEngine() {
        List<String> others = new ArrayList<>(RuleEngine.builder().build().catalog().ids());
        others.removeAll(PlainFloor.RULES);
        return RuleEngine.builder().disable(others.toArray(String[]::new)).build();
    }
}
