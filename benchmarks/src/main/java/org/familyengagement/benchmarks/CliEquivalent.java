package org.familyengagement.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleEngine;

/**
 * What the CLI's {@code validate} and {@code audit} do, without the CLI: for end-to-end figures
 * when engagement-cli's jar is not built.
 * <pre>
 * CliEquivalent validate &lt;file&gt;
 * CliEquivalent audit &lt;file&gt; &lt;asOf&gt; &lt;out&gt;     (JSON report; out may be /dev/null)
 * </pre>
 * Prints the phases' times to stderr.
 */
public final class CliEquivalent {
    private CliEquivalent() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("validate") || args[0].equals("audit") && args.length == 4)) {
            System.err.println("usage: CliEquivalent validate <file> | audit <file> <asOf> <out>");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        RuleEngine engine = args[0].equals("audit") ? RuleEngine.builder().build() : null;
        long t1 = System.nanoTime();
        Dataset dataset = DatasetReader.read(Path.of(args[1]));
        long t2 = System.nanoTime();
        if (engine == null) {
            System.err.printf("valid: %,d families, %,d contacts; read %d ms%n", dataset.families().size(),
                    dataset.contacts().size(), (t2 - t1) / 1_000_000);
            return;
        }
        Report report = engine.evaluate(dataset, Instant.parse(args[2]));
        long t3 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[3])), 1 << 16)) {
            ReportWriter.write(report, out);
        }
        long t4 = System.nanoTime();
        System.err.printf("%,d findings; engine %d ms, read %d ms, evaluate %d ms, write %d ms%n",
                report.findings().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000);
    }
}
