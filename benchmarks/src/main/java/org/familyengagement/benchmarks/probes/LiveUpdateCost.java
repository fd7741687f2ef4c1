package org.familyengagement.benchmarks.probes;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

import org.familyengagement.benchmarks.LiveUpdateBenchmark;
import org.familyengagement.report.Finding;
import org.familyengagement.rules.LiveSession;

/**
 * Where a live update's tail comes from: {@code LiveUpdateBenchmark}'s own updates (a contact on a
 * random family, then {@code changes()}), each timed by the updating thread's CPU and by the wall,
 * and sorted by whether a collection ran during it and whether a group finding changed (a tally
 * change re-derives group comparisons). CPU time leaves out waiting for a core, which on a shared
 * machine makes most of a wall-clock tail. {@code LiveUpdateCost <families> <warm-up updates> <updates>
 * [rules to disable, comma-separated]}: with the three group rules disabled, every update is one that
 * changes no group finding, which is what a profile of the median update wants.
 */
public final class LiveUpdateCost {
    private LiveUpdateCost() {
    }

    public static void main(String[] args) {
        int families = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        int updates = Integer.parseInt(args[2]);
        LiveUpdateBenchmark benchmark = new LiveUpdateBenchmark();
        benchmark.families = families;
        benchmark.disabled = args.length > 3 ? args[3] : "";
        benchmark.setUp();
        for (int i = 0; i < warmUp; i++) {
            benchmark.addContactAndReadChanges();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        long[] cpu = new long[updates];
        long[] wall = new long[updates];
        boolean[] collected = new boolean[updates];
        boolean[] group = new boolean[updates];
        for (int i = 0; i < updates; i++) {
            long gc0 = collections(collectors);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            LiveSession.Changes changes = benchmark.addContactAndReadChanges();
            wall[i] = System.nanoTime() - wall0;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpu0;
            collected[i] = collections(collectors) != gc0;
            group[i] = changes.added().stream().anyMatch(LiveUpdateCost::isGroup)
                    || changes.removed().stream().anyMatch(LiveUpdateCost::isGroup);
        }
        benchmark.tearDown();
        print("all updates", cpu, wall, i -> true);
        print("no group finding changed", cpu, wall, i -> !group[i]);
        print("a group finding changed", cpu, wall, i -> group[i]);
        print("a collection ran during it", cpu, wall, i -> collected[i]);
        long[] sortedWall = wall.clone();
        Arrays.sort(sortedWall);
        long p99 = sortedWall[(int) (updates * 0.99)];
        int tail = 0;
        int tailGroup = 0;
        int tailGc = 0;
        for (int i = 0; i < updates; i++) {
            if (wall[i] >= p99) {
                tail++;
                tailGroup += group[i] ? 1 : 0;
                tailGc += collected[i] ? 1 : 0;
            }
        }
        System.out.printf("wall tail (>= p99, %d updates): %d with a group finding changed, %d with a collection%n",
                tail, tailGroup, tailGc);
    }

    private static boolean isGroup(Finding finding) {
        return finding.group() != null;
    }

    private static long collections(List<GarbageCollectorMXBean> collectors) {
        long count = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += collector.getCollectionCount();
        }
        return count;
    }

    private static void print(String what, long[] cpu, long[] wall, java.util.function.IntPredicate which) {
        long[] c = Arrays.stream(indices(cpu.length, which)).mapToLong(i -> cpu[i]).sorted().toArray();
        long[] w = Arrays.stream(indices(wall.length, which)).mapToLong(i -> wall[i]).sorted().toArray();
        if (c.length == 0) {
            System.out.printf("%-28s none%n", what);
            return;
        }
        System.out.printf("%-28s %6d updates  CPU p50 %7.1f p90 %7.1f p99 %8.1f µs   wall p50 %7.1f p90 %7.1f p99 %8.1f µs%n",
                what, c.length, q(c, 0.5), q(c, 0.9), q(c, 0.99), q(w, 0.5), q(w, 0.9), q(w, 0.99));
    }

    private static int[] indices(int n, java.util.function.IntPredicate which) {
        return java.util.stream.IntStream.range(0, n).filter(which).toArray();
    }

    private static double q(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1000.0;
    }
}
