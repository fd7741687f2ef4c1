package org.familyengagement.benchmarks;

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
 * Batch evaluation of the whole built-in pack over a dataset already in memory (parsing is
 * {@link ParseBenchmark}'s), at three district sizes; and the same with one contact-level custom
 * rule added, to show what such a rule costs; each on one thread and on two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class BatchBenchmark {
    /** Families; about 20 contacts each. */
    @Param({"10000", "30000", "100000"})
    public int families;

    /** Threads of the evaluation: the speed-up of splitting families across sessions. */
    @Param({"1", "2"})
    public int threads;

    private Dataset dataset;
    private RuleEngine pack;
    private RuleEngine packWithCustomRule;

    @Setup
    public void setUp() {
        dataset = Districts.generate(families);
        pack = RuleEngine.builder().threads(threads).build();
        packWithCustomRule = RuleEngine.builder().threads(threads)
                .addRulesFromClasspath(Districts.CUSTOM_RULE_RESOURCE).build();
    }

    @Benchmark
    public Report wholePack() {
        return pack.evaluate(dataset, Districts.AS_OF);
    }

    @Benchmark
    public Report wholePackPlusContactLevelCustomRule() {
        return packWithCustomRule.evaluate(dataset, Districts.AS_OF);
    }
}
