package org.familyengagement.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints JMH JSON results (-rf json) as a Markdown table of medians: {@code JmhSummary <result.json>...}.
 * SampleTime results give the median, p90 and p99 of the individual invocations; the sample count
 * says how much to trust them. With {@link CpuTimeProfiler}, also the CPU time per operation (mean
 * over the measured iterations, all JVM threads) and the cores the JVM got on average.
 */
public final class JmhSummary {
    private JmhSummary() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        System.out.println("| benchmark | params | median | p90 | p99 | samples | unit | CPU/op | CPU share |");
        System.out.println("|---|---|---:|---:|---:|---:|---|---:|---:|");
        for (String arg : args) {
            for (JsonNode run : mapper.readTree(Path.of(arg).toFile())) {
                String name = run.path("benchmark").asText().replace("org.familyengagement.benchmarks.", "");
                StringBuilder params = new StringBuilder();
                for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> param = it.next();
                    params.append(params.length() == 0 ? "" : ", ").append(param.getKey()).append('=')
                            .append(param.getValue().asText());
                }
                JsonNode metric = run.path("primaryMetric");
                JsonNode percentiles = metric.path("scorePercentiles");
                long samples = 0;
                for (JsonNode fork : metric.path("rawDataHistogram")) {        // [fork][iteration][[value, count]]
                    for (JsonNode iteration : fork) {
                        for (JsonNode bucket : iteration) {
                            samples += bucket.get(1).asLong();
                        }
                    }
                }
                JsonNode secondary = run.path("secondaryMetrics");
                JsonNode cpu = secondary.path("cpu.time/op");
                JsonNode share = secondary.path("cpu.share");
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s | %s | %s |%n", name, params,
                        fmt(percentiles.path("50.0").asDouble()), fmt(percentiles.path("90.0").asDouble()),
                        fmt(percentiles.path("99.0").asDouble()), samples, metric.path("scoreUnit").asText(),
                        cpu.isMissingNode() ? "" : fmt(cpu.path("score").asDouble()),
                        share.isMissingNode() ? "" : String.format(Locale.ROOT, "%.2f", share.path("score").asDouble()));
            }
        }
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
