package org.familyengagement.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.familyengagement.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building an engine in a warm JVM: the built-in pack from its precompiled executable model, and
 * the pack plus one custom DRL file compiled at run time. The cold-JVM figure comes from
 * {@link EngineStartup}, timed from outside (benchmarks/run-startup.sh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EngineBuildBenchmark {
    private Path customRules;

    @Setup
    public void setUp() throws IOException {
        customRules = Files.createTempFile("custom-rule", ".drl");
        try (InputStream in = EngineBuildBenchmark.class.getClassLoader()
                .getResourceAsStream(Districts.CUSTOM_RULE_RESOURCE)) {
            Files.copy(in, customRules, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(customRules);
    }

    @Benchmark
    public RuleEngine builtInPack() {
        return RuleEngine.builder().build();
    }

    @Benchmark
    public RuleEngine packPlusCustomDrlFile() {
        return RuleEngine.builder().addRules(customRules).build();
    }
}
