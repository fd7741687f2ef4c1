package org.familyengagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** One verifier, shared by threads that verify different facts at the same time. */
class ThreadSafetyTest {
    private static final RuleVerifier VERIFIER = RuleVerifier.ofDefaults();
    private static final Facts F = Facts.defaults();

    @Test
    void oneVerifierServesManyThreads() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String familyId = "f-" + t;
                boolean answered = t % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        ContactSpec question = F.question("k-" + round, familyId, "2026-11-13T14:00");
                        List<Object> facts = new ArrayList<>(List.of(F.family(familyId), question));
                        if (answered) {
                            facts.add(F.replyTo(question, "r-" + round, "2026-11-16T09:00"));
                        }
                        RuleOutcome outcome = VERIFIER.verifyThat("unanswered-input").given(facts)
                                .asOf("2026-11-18T08:00");
                        if (answered) {
                            outcome.doesNotFlag();
                        } else {
                            outcome.flagsOnly(familyId).withEvidence("k-" + round);
                        }
                    }
                    return familyId;
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).startsWith("f-");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
