package org.familyengagement.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time of the whole benchmark JVM per operation (all threads: the benchmark's, GC's and the
 * JIT's), averaged over the measured iterations: {@code -prof org.familyengagement.benchmarks.CpuTimeProfiler}.
 *
 * <p>On a machine shared with other work, wall time measures the queue for a core as much as the
 * code; CPU time does not (caches and memory bandwidth are still shared). A wall time far above the
 * CPU time of a single-threaded operation says the run was starved.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;
    private long wallAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (all JVM threads)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
        wallAtStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        long wall = System.nanoTime() - wallAtStart;
        long ops = result.getMetadata().getAllOps();
        if (iterationParams.getType() != IterationType.MEASUREMENT || ops <= 0) {
            return List.of();
        }
        double unit = benchmarkParams.getTimeUnit().toNanos(1);
        return List.of(
                new ScalarResult("cpu.time/op", cpu / unit / ops, unitName(benchmarkParams) + "/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }

    private static String unitName(BenchmarkParams params) {
        return switch (params.getTimeUnit()) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            default -> params.getTimeUnit().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
