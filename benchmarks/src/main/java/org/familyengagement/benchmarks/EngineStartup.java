package org.familyengagement.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.familyengagement.rules.RuleEngine;

/**
 * Builds the engine once in a fresh JVM and prints how long that took, for the cold start-up
 * figure: {@code /usr/bin/time -v java -cp benchmarks/target/benchmarks.jar
 * org.familyengagement.benchmarks.EngineStartup [custom.drl ...]}, the built-in pack alone or with
 * custom DRL files. Prints
 * {@code build_ms=<builder().build()> jvm_to_engine_ms=<JVM start to engine ready> rules=<n>}.
 */
public final class EngineStartup {
    private EngineStartup() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        RuleEngine.Builder builder = RuleEngine.builder();
        for (String file : args) {
            builder.addRules(Path.of(file));
        }
        RuleEngine engine = builder.build();
        long built = System.nanoTime();
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("build_ms=%d jvm_to_engine_ms=%d rules=%d%n", (built - start) / 1_000_000, sinceJvmStart,
                engine.catalog().rules().size());
    }
}
