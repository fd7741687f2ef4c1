package org.familyengagement.benchmarks.probes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thread-CPU timings by name; reports the median of the second half of the runs (the first half warms up). */
final class Medians {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, List<Long>> times = new LinkedHashMap<>();

    void time(String name, Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        times.computeIfAbsent(name, k -> new ArrayList<>()).add((THREADS.getCurrentThreadCpuTime() - start) / 1_000_000);
    }

    void print(String prefix) {
        times.forEach((name, all) -> {
            List<Long> warm = new ArrayList<>(all.subList(all.size() / 2, all.size()));
            Collections.sort(warm);
            System.out.printf("%s %-22s median thread CPU %6d ms   %s%n", prefix, name, warm.get(warm.size() / 2), warm);
        });
    }
}
