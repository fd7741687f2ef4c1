package org.familyengagement.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.Test;

/**
 * One engine shared by many threads, as an SIS server would share it: each thread judges its own
 * district, and every report is byte for byte what a sequential run gives.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 3;
    private static final int FAMILIES = 300;
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    @Test
    void eightThreadsSharingOneEngineGetTheReportsOfSequentialRuns() throws Exception {
        RuleEngine engine = RuleEngine.builder().build();
        List<Dataset> districts = new ArrayList<>();
        for (int seed = 1; seed <= THREADS; seed++) {
            districts.add(SampleDistrict.generate(seed, FAMILIES));
        }
        Map<Integer, String> sequential = new LinkedHashMap<>();
        for (int i = 0; i < THREADS; i++) {
            sequential.put(i, ReportWriter.toJson(engine.evaluate(districts.get(i), AS_OF)));
        }
        assertThat(sequential.values()).as("different districts give different reports").doesNotHaveDuplicates();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // All threads start each round together, so their evaluations overlap.
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<String>>> running = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Dataset district = districts.get(i);
                Callable<List<String>> rounds = () -> {
                    List<String> reports = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        start.await(60, TimeUnit.SECONDS);
                        reports.add(ReportWriter.toJson(engine.evaluate(district, AS_OF)));
                    }
                    return reports;
                };
                running.add(pool.submit(rounds));
            }
            for (int i = 0; i < THREADS; i++) {
                String expected = sequential.get(i);
                List<String> reports = running.get(i).get(5, TimeUnit.MINUTES);
                assertThat(reports).as("the reports of district %d in every round", i + 1).hasSize(ROUNDS)
                        .allSatisfy(json -> assertThat(json).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
