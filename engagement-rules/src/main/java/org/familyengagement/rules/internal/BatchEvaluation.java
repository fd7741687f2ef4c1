package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Report;
import org.familyengagement.rules.EvaluationException;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * One batch evaluation, on as many threads as the limits allow, with findings that are the same,
 * byte for byte, on any number of them.
 *
 * <p>The families are cut into contiguous slices, one per thread or more, none of more than
 * {@link #MAX_FAMILIES_PER_SLICE} families (on one thread too: a session's memory grows with its
 * families). First each slice's histories are made and counted into the tallies (group rates,
 * broadcasts, topic coverage), slices in parallel, and the tallies are added up. Then each slice
 * is judged in a session of its own that holds its families and, in every session alike, the
 * context, every staff record, group label and extra fact, and the whole dataset's tallies.
 * A family rule reads one family's history, so a slice judges its families as one session would;
 * the group rules read the same rates in every session, so their findings are equal in each and
 * kept once. What a single session would do differently is a custom rule that reasons across
 * families (an accumulate over all histories, a {@code not} of another family's history): an
 * engine with such a rule judges every family in one session, on one thread
 * ({@link FamilyScope#readsAcrossFamilies}).
 *
 * <p>Even on one thread the work runs on a worker, so that the caller can give up at the time
 * limit on a rule that never returns (a loop or a sleep in a consequence, which {@code halt()}
 * cannot stop); the abandoned worker is a daemon and is interrupted.
 */
final class BatchEvaluation {
    /** Fewer families per slice cost more in sessions than they gain in parallelism. */
    static final int MIN_FAMILIES_PER_SLICE = 250;
    /**
     * A session's working memory grows with its families: larger datasets are cut into more
     * slices than threads, judged one after another on each thread. On one thread, 100,000 families
     * audited in one session ran out of a 700 MB heap that ten slices fit in (docs/performance.md).
     */
    static final int MAX_FAMILIES_PER_SLICE = 10_000;

    private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "engagement-rules-worker-" + WORKER_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final KieBase kieBase;
    private final RuleMetadata metadata;
    private final Limits limits;
    private final Locale locale;
    /** Every family in one session: some rule reads across families. */
    private final boolean oneSession;

    BatchEvaluation(KieBase kieBase, RuleMetadata metadata, Limits limits, Locale locale, boolean oneSession) {
        this.kieBase = kieBase;
        this.metadata = metadata;
        this.limits = limits;
        this.locale = locale;
        this.oneSession = oneSession;
    }

    Report run(Dataset dataset, EvaluationContext context, Collection<?> extraFacts) {
        long deadline = System.nanoTime() + limits.timeLimit().toNanos();
        List<Slice> slices = slices(dataset);
        PartitionCounts whole = count(dataset, context, slices, deadline);
        return report(context, whole, judge(dataset, context, whole, extraFacts, slices, deadline));
    }

    /** Counts a dataset, or one partition of it, for judging it in parts: see {@code RuleEngine#count}. */
    PartitionCounts count(Dataset dataset, EvaluationContext context) {
        return count(dataset, context, slices(dataset), System.nanoTime() + limits.timeLimit().toNanos());
    }

    /** Judges a dataset, or one partition of it, against whole counts: see {@code RuleEngine#judge}. */
    List<Finding> judge(Dataset dataset, EvaluationContext context, PartitionCounts whole, Collection<?> extraFacts) {
        whole.checkFor(context, metadata.ids());
        return judge(dataset, context, whole, extraFacts, slices(dataset),
                System.nanoTime() + limits.timeLimit().toNanos());
    }

    /**
     * The report of findings judged against whole counts: group and broadcast findings, which every
     * session judging against the same counts reports alike, are kept once.
     */
    Report report(EvaluationContext context, PartitionCounts whole, Collection<Finding> findings) {
        whole.checkFor(context, metadata.ids());
        DistrictTallies districtTallies = whole.districtTallies(context);
        return new Report(context.asOf(), new ArrayList<>(new LinkedHashSet<>(findings)), CoverageCounter.count(
                districtTallies.coverageCounts(), context, metadata.ids(), districtTallies.topicCoverage(),
                new Messages(locale)), whole.groupTallies(context).table());
    }

    private List<Slice> slices(Dataset dataset) {
        List<Slice> slices = new ArrayList<>();
        List<List<Family>> cut = oneSession ? List.of(dataset.families()) : cut(dataset.families(), limits.threads());
        for (List<Family> families : cut) {
            slices.add(new Slice(families));
        }
        return slices;
    }

    private PartitionCounts count(Dataset dataset, EvaluationContext context, List<Slice> slices, long deadline) {
        await(onWorkers(slices, () -> slice -> slice.count(dataset, context)), slices, deadline);
        PartitionCounts whole = slices.get(0).counts;
        for (Slice slice : slices.subList(1, slices.size())) {
            whole = whole.plus(slice.counts);
        }
        return whole;
    }

    private List<Finding> judge(Dataset dataset, EvaluationContext context, PartitionCounts whole,
                                Collection<?> extraFacts, List<Slice> slices, long deadline) {
        Set<Group> labels = whole.sizes().keySet();
        Predicate<Group> reportable = Sessions.reportableGroups(whole.sizes(),
                context.policy().disparity().minGroupSize());
        DistrictTallies districtTallies = whole.districtTallies(context);
        List<Object> tallyFacts = new ArrayList<>(whole.groupTallies(context).rates());
        tallyFacts.addAll(districtTallies.facts());
        // Read-only: shared by the slices. A broadcast's evidence may be of families another
        // partition holds; their schools came with the counts.
        Attribution attribution = Attribution.of(dataset, districtTallies.contactSchools());
        await(onWorkers(slices, () -> {
            // Message formats are not thread-safe: one set per worker, kept across its slices.
            Messages messages = new Messages(locale);
            return slice -> slice.judge(dataset, context, labels, tallyFacts, extraFacts, attribution, reportable,
                    messages);
        }), slices, deadline);
        List<Finding> findings = new ArrayList<>();
        for (Slice slice : slices) {
            findings.addAll(slice.findings);
        }
        return findings;
    }

    /**
     * Runs a step on every slice, on at most as many workers as the limits allow (each its own step,
     * for what must not be shared between threads); each worker takes the next slice not yet
     * taken, so a worker holds one slice's session at a time.
     */
    private List<Future<?>> onWorkers(List<Slice> slices, Supplier<Consumer<Slice>> stepOfWorker) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(limits.threads(), slices.size()); i++) {
            workers.add(WORKERS.submit(() -> {
                Consumer<Slice> step = stepOfWorker.get();
                // An abandoned evaluation interrupts its workers: they take no further slice.
                for (int at = next.getAndIncrement(); at < slices.size() && !Thread.currentThread().isInterrupted();
                     at = next.getAndIncrement()) {
                    step.accept(slices.get(at));
                }
            }));
        }
        return workers;
    }

    /**
     * Contiguous slices of at least {@link #MIN_FAMILIES_PER_SLICE} families (one slice for a
     * smaller dataset), their sizes differing by at most one: one per thread, or more where that
     * would put more than {@link #MAX_FAMILIES_PER_SLICE} families in a slice.
     */
    static List<List<Family>> cut(List<Family> families, int threads) {
        int wanted = Math.max(threads, (families.size() + MAX_FAMILIES_PER_SLICE - 1) / MAX_FAMILIES_PER_SLICE);
        int count = Math.max(1, Math.min(wanted, families.size() / MIN_FAMILIES_PER_SLICE));
        List<List<Family>> slices = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i < count; i++) {
            int to = from + families.size() / count + (i < families.size() % count ? 1 : 0);
            slices.add(families.subList(from, to));
            from = to;
        }
        return slices;
    }

    /** Waits for every task until the deadline; on any failure gives up on all of them. */
    private void await(List<Future<?>> tasks, List<Slice> slices, long deadline) {
        try {
            for (Future<?> task : tasks) {
                task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            EvaluationException late = overTime(slices);
            abandon(tasks, slices);
            throw late;
        } catch (ExecutionException e) {
            abandon(tasks, slices);
            throw failure(e.getCause(), slices);
        } catch (InterruptedException e) {
            abandon(tasks, slices);
            Thread.currentThread().interrupt();
            throw new EvaluationException(null, "the evaluation was interrupted", e);
        }
    }

    private EvaluationException overTime(List<Slice> slices) {
        String running = null;
        for (Slice slice : slices) {
            if (running == null) {
                running = slice.watch.running();
            }
        }
        String blamed = running != null ? running : slices.get(0).watch.busiest();
        return new EvaluationException(blamed, "the evaluation ran longer than its time limit of "
                + limits.timeLimit() + (blamed == null ? "" : "; rule \"" + blamed + "\" "
                + (running != null ? "was running" : "fired most")));
    }

    /**
     * What a worker's failure becomes: an {@link EvaluationException} as it is; a JVM error in a
     * rule (a stack overflow in a recursive consequence, say) one that names the rule.
     */
    private static RuntimeException failure(Throwable cause, List<Slice> slices) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof VirtualMachineError error) {
            String running = null;
            for (Slice slice : slices) {
                if (running == null) {
                    running = slice.watch.running();
                }
            }
            if (running == null) {
                throw error;
            }
            return new EvaluationException(running, "rule \"" + running + "\" failed: "
                    + error.getClass().getSimpleName(), error);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static void abandon(List<Future<?>> tasks, List<Slice> slices) {
        for (Slice slice : slices) {
            slice.halt();
        }
        for (Future<?> task : tasks) {
            task.cancel(true);
        }
    }

    /** A share of the families, judged by one worker at a time. */
    private final class Slice {
        private final List<Family> families;
        private final Sessions.FiringWatch watch = new Sessions.FiringWatch();
        private List<FamilyHistory> histories;
        private PartitionCounts counts;
        private List<Finding> findings;
        private volatile KieSession session;

        Slice(List<Family> families) {
            this.families = families;
        }

        /** Makes the families' histories and counts them, under the slice's own labels. */
        void count(Dataset dataset, EvaluationContext context) {
            SortedMap<Group, Integer> sizes = Sessions.groupSizes(families);
            GroupTallies tallies = new GroupTallies(context, metadata.ids(), sizes.keySet());
            DistrictTallies districtTallies = new DistrictTallies(context, metadata.ids());
            histories = new ArrayList<>(families.size());
            for (Family family : families) {
                FamilyHistory history = Sessions.history(dataset, family, context);
                histories.add(history);
                tallies.add(history);
                districtTallies.add(history);
            }
            counts = new PartitionCounts(context.asOf(), metadata.ids(), families.size(), sizes, tallies.counts(),
                    districtTallies.counts());
        }

        void judge(Dataset dataset, EvaluationContext context, Set<Group> labels, List<Object> tallyFacts,
                   Collection<?> extraFacts, Attribution attribution, Predicate<Group> reportable,
                   Messages messages) {
            FindingCollector collector = FindingCollector.collecting(metadata, messages, attribution, reportable);
            if (histories == null) {
                histories = new ArrayList<>(families.size());
                for (Family family : families) {
                    histories.add(Sessions.history(dataset, family, context));
                }
            }
            KieSession judging = kieBase.newKieSession();
            session = judging;
            try {
                judging.setGlobal(Sessions.FINDINGS_GLOBAL, collector);
                Sessions.fill(judging, context, dataset.staff(), histories, labels, s -> tallyFacts.forEach(s::insert),
                        extraFacts);
                Sessions.fire(judging, limits, watch);
                findings = collector.collected();
            } finally {
                histories = null;
                session = null;
                judging.dispose();
            }
        }

        void halt() {
            KieSession judging = session;
            if (judging != null) {
                judging.halt();
            }
        }
    }
}
