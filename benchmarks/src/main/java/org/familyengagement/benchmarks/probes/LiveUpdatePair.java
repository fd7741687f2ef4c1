package org.familyengagement.benchmarks.probes;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Two builds of the benchmarks jar side by side in one JVM, for a before/after comparison on a
 * machine whose load moves: each jar gets its own class loader and its own session of
 * {@code LiveUpdateBenchmark}, and they take turns, 200 updates each, every update timed by the
 * thread's CPU (and the bytes it allocated, which the collector's threads pay for). Whatever load
 * there is falls on both alike.
 * {@code LiveUpdatePair <jar A> <jar B> <families> <warm-up updates> <updates>} (about twice the
 * heap of one session: {@code -Xmx10g} at 100k families).
 */
public final class LiveUpdatePair {
    private static final int TURN = 200;

    private LiveUpdatePair() {
    }

    public static void main(String[] args) throws Exception {
        int families = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        int updates = Integer.parseInt(args[4]);
        Side[] sides = {new Side(Path.of(args[0]), families, updates), new Side(Path.of(args[1]), families, updates)};
        for (Side side : sides) {
            for (int i = 0; i < warmUp; i++) {
                side.update(-1);
            }
        }
        for (int start = 0; start < updates; start += TURN) {
            for (Side side : sides) {
                for (int i = start; i < Math.min(updates, start + TURN); i++) {
                    side.update(i);
                }
            }
        }
        for (Side side : sides) {
            System.out.printf("%-24s all p50 %6.1f p90 %6.1f p99 %6.1f | no group finding changed p50 %6.1f p90 %6.1f"
                            + " | a group finding changed (%d) p50 %6.1f p99 %6.1f µs CPU | %.1f KB allocated per update%n",
                    side.jar.getFileName(),
                    side.percentile(null, .5), side.percentile(null, .9), side.percentile(null, .99),
                    side.percentile(false, .5), side.percentile(false, .9), side.groupChanges(),
                    side.percentile(true, .5), side.percentile(true, .99), side.allocated / 1024.0 / updates);
        }
    }

    /** One jar's benchmark, loaded apart from the other's. */
    private static final class Side {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final Path jar;
        private final ClassLoader loader;
        private final Object benchmark;
        private final Method update;
        private final long[] cpu;
        private final boolean[] group;
        private long allocated;

        Side(Path jar, int families, int updates) throws Exception {
            this.jar = jar;
            this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> type = loader.loadClass("org.familyengagement.benchmarks.LiveUpdateBenchmark");
            benchmark = type.getDeclaredConstructor().newInstance();
            type.getField("families").setInt(benchmark, families);
            type.getMethod("setUp").invoke(benchmark);
            update = type.getMethod("addContactAndReadChanges");
            cpu = new long[updates];
            group = new boolean[updates];
        }

        /** One update; timed when {@code i >= 0}. */
        void update(int i) throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            long thread = Thread.currentThread().getId();
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            long start = THREADS.getCurrentThreadCpuTime();
            Object changes = update.invoke(benchmark);
            long spent = THREADS.getCurrentThreadCpuTime() - start;
            if (i >= 0) {
                allocated += THREADS.getThreadAllocatedBytes(thread) - bytes;
                cpu[i] = spent;
                group[i] = changesAGroupFinding(changes);
            }
        }

        int groupChanges() {
            return (int) IntStream.range(0, group.length).filter(i -> group[i]).count();
        }

        /** @param groupChanged null: every update */
        double percentile(Boolean groupChanged, double q) {
            long[] sorted = IntStream.range(0, cpu.length)
                    .filter(i -> groupChanged == null || group[i] == groupChanged)
                    .mapToLong(i -> cpu[i]).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1000.0;
        }

        private static boolean changesAGroupFinding(Object changes) throws Exception {
            for (String side : new String[] {"added", "removed"}) {
                for (Object finding : (List<?>) changes.getClass().getMethod(side).invoke(changes)) {
                    if (finding.getClass().getMethod("group").invoke(finding) != null) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
