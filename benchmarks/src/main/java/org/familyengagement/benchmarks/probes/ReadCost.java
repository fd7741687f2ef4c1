package org.familyengagement.benchmarks.probes;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

import org.familyengagement.benchmarks.TokenizeMain;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Dataset;

/**
 * What reading a dataset file costs, cold, per contact and per family: the reading thread's CPU
 * time (the steadiest basis on a shared machine), wall time, and the heap the dataset holds once
 * read (after a full collection). {@code ReadCost <file> [reads] [tokenize]}; give -Xmx enough for
 * the file. With several reads, each is reported: the later ones are warm (the JIT's warm-up is a
 * fixed cost that a cold read of a small file is mostly made of). With {@code tokenize}, the same
 * for merely tokenizing the file ({@link TokenizeMain}): the floor, warm as well as cold.
 */
public final class ReadCost {
    private ReadCost() {
    }

    public static void main(String[] args) throws IOException {
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean tokenize = args.length > 2 && args[2].equals("tokenize");
        for (int i = 1; i <= reads; i++) {
            System.out.print((tokenize ? "tokenize " : "read ") + i + ": ");
            if (tokenize) {
                tokenizeOnce(Path.of(args[0]));
            } else {
                readOnce(Path.of(args[0]));
            }
        }
    }

    private static void tokenizeOnce(Path file) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long tokens = TokenizeMain.tokenize(file);
        System.out.printf("tokens=%d wall=%.2fs threadCpu=%.2fs%n", tokens, (System.nanoTime() - wall0) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    private static void readOnce(Path file) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Dataset dataset = DatasetReader.read(file);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        int families = dataset.families().size();
        int contacts = dataset.contacts().size();
        System.out.printf("families=%d contacts=%d wall=%.2fs threadCpu=%.2fs cpuPerContact=%.2fus"
                        + " heap=%dMB heapPerFamily=%.1fKB heapPerContact=%dB%n",
                families, contacts, wall / 1e9, cpu / 1e9, cpu / 1e3 / contacts, heap >> 20,
                heap / 1024.0 / families, heap / contacts);
        if (dataset.contacts().isEmpty()) {
            System.out.println("(empty)");
        }
    }
}
