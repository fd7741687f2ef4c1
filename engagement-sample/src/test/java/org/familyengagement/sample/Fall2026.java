package org.familyengagement.sample;

import java.time.Instant;

import org.familyengagement.model.Dataset;

/** The committed sample (seed 2026, 3000 families), generated once per test JVM, and the instant it is audited at. */
final class Fall2026 {
    static final long SEED = 2026;
    static final int FAMILIES = 3000;
    /** The examples' audit instant: 17:00 on Friday 20 November 2026 in Chicago. */
    static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static Dataset sample;

    private Fall2026() {
    }

    static synchronized Dataset sample() {
        if (sample == null) {
            sample = SampleDistrict.generate(SEED, FAMILIES);
        }
        return sample;
    }

    /** The ten v2 rules read from RULES.md, over the sample, as of {@link #AS_OF}. */
    static RulesV2 rules() {
        return new RulesV2(sample(), AS_OF);
    }
}
