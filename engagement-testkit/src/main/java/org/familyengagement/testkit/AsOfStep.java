package org.familyengagement.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.familyengagement.model.Dataset;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleEngine;

/** The instant of judgement of a verification: required, as nothing reads the wall clock. */
public final class AsOfStep {
    private final RuleEngine engine;
    private final String ruleId;
    private final Dataset dataset;
    private final List<Object> extraFacts;

    AsOfStep(RuleEngine engine, String ruleId, Dataset dataset, List<Object> extraFacts) {
        this.engine = engine;
        this.ruleId = ruleId;
        this.dataset = dataset;
        this.extraFacts = extraFacts;
    }

    /** Evaluates as of an instant; the assertions of the result judge its findings. */
    public RuleOutcome asOf(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Report report = engine.evaluate(dataset, asOf, extraFacts);
        return new RuleOutcome(ruleId, report, dataset, extraFacts, engine.policy());
    }

    /**
     * Evaluates as of a time: a local date-time in the district's zone ({@code 2026-11-18T08:00}),
     * an instant ({@code 2026-11-18T14:00:00Z}), or a date (the start of that local day).
     */
    public RuleOutcome asOf(String time) {
        return asOf(Times.parse(time, dataset.district().timeZone()));
    }
}
