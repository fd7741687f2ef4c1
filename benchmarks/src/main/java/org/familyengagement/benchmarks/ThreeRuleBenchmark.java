package org.familyengagement.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.familyengagement.model.Dataset;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pack reduced to the three rules the {@link PlainFloor} computes, against the floor itself:
 * the price of the rule engine for the same findings (PlainFloorAgreementTest proves they are
 * the same).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ThreeRuleBenchmark {
    @Param({"10000", "30000", "100000"})
    public int families;

    private Dataset dataset;
    private RuleEngine threeRules;

    @Setup
    public void setUp() {
        dataset = Districts.generate(families);
        threeRules = Districts.threeRuleEngine();
    }

    @Benchmark
    public Report threeRulePack() {
        return threeRules.evaluate(dataset, Districts.AS_OF);
    }

    @Benchmark
    public List<PlainFloor.Result> plainFloor() {
        return PlainFloor.evaluate(dataset, Districts.AS_OF, threeRules.policy());
    }
}
