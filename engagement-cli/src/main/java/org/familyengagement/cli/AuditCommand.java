package org.familyengagement.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.familyengagement.internal.AtomicFiles;
import org.familyengagement.internal.TimeLimits;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.Urgency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code audit}: judges a dataset with the rule pack (and any custom rules) and writes the
 * findings, as a coordinator's text report or as the findings JSON document.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Judges a dataset with the rule pack and reports the findings.",
            "The text report (default) is for a family-engagement coordinator; --format json writes the "
                + "findings document with its rollups, csv one row per finding, html a self-contained page; "
                + "each is byte-identical for the same inputs."})
final class AuditCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, CSV, HTML }

    static final int MAX_THREADS = 1024;

    @ParentCommand
    EngagementCli root;

    @Option(names = "--data", paramLabel = "FILE", description = "The dataset document (JSON). Or --config.")
    Path data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An import configuration (YAML): audit straight from its sources (Ed-Fi, OneRoster, "
                    + "contact logs, a database) instead of --data.")
    Path config;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = {"The instant of judgement, with an offset: 2026-11-20T23:00:00Z.",
                "Default: the latest contact's 'at' in the data (the output says so)."})
    String asOf;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy document (JSON or YAML) of thresholds.")
    Path policy;

    @Option(names = "--rules", paramLabel = "FILE.drl",
            description = "A DRL file of custom rules, run with the built-in ones; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE_ID", split = ",",
            description = "Switch a rule off by id, built-in or custom; repeatable.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json|csv|html", defaultValue = "text",
            description = {"text (default): the coordinator's report; json: the findings document with rank, "
                + "status and the rollups; csv: one row per finding (or per --rollup key); html: one "
                + "self-contained page with charts, for e-mail and the browser."})
    Format format;

    @Option(names = "--rollup", paramLabel = "school|staff|broadcast|rule",
            description = "With --format csv: one row per school, staff member, broadcast or rule instead of per finding.")
    CsvReport.RollupBy rollup;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = {"A findings document of an earlier audit (--format json): each finding is marked NEW or "
                + "PERSISTING, and the baseline's findings that are gone are listed as RESOLVED (by finding id)."})
    Path baseline;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (UTF-8) instead of stdout.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "LOW|MEDIUM|HIGH",
            description = "Exit with 3 when a finding is at or above this severity (the report is still written).")
    Severity failOn;

    @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en",
            description = "Language of the text report and of finding messages: en (default) or es.")
    String lang;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + TextReport.DEFAULT_TOP,
            description = "How many families the text report lists to act on first (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads the evaluation may use (default: every core, ${DEFAULT-VALUE} here); "
                    + "the findings are the same on any number.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10m",
            description = "Give up on an evaluation that runs longer (exit 1, naming the rule that was running): "
                    + "90s, 10m, 2h or ISO-8601 (PT10M); default ${DEFAULT-VALUE}.")
    String timeLimit;

    @Override
    public Integer call() throws IOException {
        // 1. The options on their own: every problem at once, before any slow work.
        List<String> problems = new ArrayList<>();
        if ((data == null) == (config == null)) {
            problems.add(data == null ? "--data: required, or --config to audit from an import configuration"
                    : "--config: give --data or --config, not both");
        }
        Path dataFile = data == null ? null : Inputs.checkFile("--data", data, problems);
        Path configFile = config == null ? null : Inputs.checkFile("--config", config, problems);
        Path policyFile = policy == null ? null : Inputs.checkFile("--policy", policy, problems);
        Path baselineFile = baseline == null ? null : Inputs.checkFile("--baseline", baseline, problems);
        if (rollup != null && format != Format.CSV) {
            problems.add("--rollup: only with --format csv (the other formats show every rollup)");
        }
        Instant givenAsOf = asOf == null ? null : Inputs.parseInstant("--as-of", asOf, problems);
        Locale locale = Languages.parse("--lang", lang, problems);
        if (top < 1) {
            problems.add("--top: must be at least 1, not " + top);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            problems.add("--threads: must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        Duration limit = TimeLimits.parse("--time-limit", timeLimit, problems);
        if (out != null) {
            Inputs.checkWritable("--out", out, problems);
            // The same file by any path, symbolic link or hard link: the report would destroy an input.
            Map<Path, String> inputs = new LinkedHashMap<>();
            inputs.put(dataFile, "--data");
            inputs.put(configFile, "--config");
            inputs.put(policyFile, "--policy");
            inputs.put(baselineFile, "--baseline");
            rules.forEach(file -> inputs.putIfAbsent(file, "--rules"));
            inputs.forEach((input, option) -> {
                if (input != null && Inputs.sameFile(out, input)) {
                    problems.add("--out: " + out + " is the " + option + " file" + (out.equals(input) ? "" : " " + input)
                            + "; the report would overwrite " + (option.equals("--data") ? "the dataset" : "it"));
                }
            });
        }
        CustomRules custom = CustomRules.read(rules, problems);
        if (!problems.isEmpty()) {
            throw InvalidInvocationException.ofOptions(problems);
        }

        // 2. The documents and the rules: read and compile all, then report every problem together.
        //    The engine is built on another thread while the dataset is read; it is the one that knows
        //    every rule id, custom ones included, so it checks those of --disable and the policy.
        InvalidInvocationException.Collector policyProblems = new InvalidInvocationException.Collector();
        Policy thresholds = policyFile == null ? Policy.defaults()
                : Inputs.readPolicy("--policy", policyFile, policyProblems);
        CustomRules.EngineBuild building = custom.startEngine(thresholds == null ? Policy.defaults() : thresholds,
                policyFile, disable, locale, builder -> builder.threads(threads).timeLimit(limit));
        Progress progress = root.progress();
        InvalidInvocationException.Collector collector = new InvalidInvocationException.Collector();
        Dataset dataset;
        if (configFile != null) {
            progress.step("Importing the sources of " + configFile + "...");
            dataset = ImportInputs.importDataset("--config", configFile, collector, root.err());
        } else {
            progress.reading(dataFile);
            dataset = Inputs.readDataset("--data", dataFile, collector);
        }
        collector.addAll(policyProblems);
        Report previous = baselineFile == null ? null : Inputs.readFindings("--baseline", baselineFile, collector);
        if (!custom.files().isEmpty()) {
            progress.step("Compiling " + custom.files().size() + " custom rule file(s)...");
        }
        RuleEngine engine = building.await(collector);
        collector.throwIfAny();

        Instant judgedAt = givenAsOf != null ? givenAsOf : latestContact(dataset);
        boolean defaulted = givenAsOf == null;

        // 3. Evaluate and write.
        progress.step("Evaluating " + dataset.families().size() + " families as of " + judgedAt + "...");
        Report report = engine.evaluate(dataset, judgedAt);
        Comparator<Finding> urgency = Urgency.order(dataset, engine.policy(), judgedAt);
        Triage triage = previous == null ? Triage.of(report, urgency, engine.policy())
                : Triage.of(report, urgency, engine.policy(), previous);
        if (format != Format.TEXT && format != Format.HTML && defaulted) {
            root.err().println("note: no --as-of given; auditing as of the latest contact in the data, " + judgedAt);
        }
        // JSON is streamed: the document of a large district is as large as its dataset's file.
        Rendering rendering = switch (format) {
            case JSON -> writer -> ReportWriter.write(triage, writer);
            case CSV -> rendered(rollup == null ? CsvReport.findings(triage) : CsvReport.rollup(triage, rollup));
            case HTML -> rendered(new HtmlReport(dataset, triage, engine.catalog(), engine.policy(), Texts.of(locale),
                    defaulted).render());
            case TEXT -> rendered(new TextReport(dataset, triage, engine.catalog(), engine.policy(), Texts.of(locale),
                    defaulted, top).render());
        };
        if (out == null) {
            rendering.writeTo(EngagementCli.writer(root.out()));
        } else {
            writeOut(() -> AtomicFiles.write(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                rendering.writeTo(writer);
                writer.flush();
            }));
        }
        root.out().flush();
        return exitCode(report);
    }

    /** A report written to standard output (in its encoding) or to {@code --out} (UTF-8). */
    @FunctionalInterface
    private interface Rendering {
        void writeTo(Writer writer) throws IOException;
    }

    private static Rendering rendered(String text) {
        return writer -> writer.write(text);
    }

    /** Findings at or above {@code --fail-on} make the exit code. */
    private int exitCode(Report report) {
        if (failOn != null) {
            int atOrAbove = report.findingsAtLeast(failOn).size();
            if (atOrAbove > 0) {
                root.err().println(atOrAbove + (atOrAbove == 1 ? " finding is" : " findings are") + " at or above "
                        + failOn + " (--fail-on " + failOn + ")");
                return EngagementCli.FINDINGS_AT_THRESHOLD;
            }
        }
        return EngagementCli.OK;
    }

    /** A write of the report to {@code --out}. */
    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    /** Writes {@code --out} in one step; a failure names the file and says it was left as it was. */
    private void writeOut(Write write) throws IOException {
        try {
            write.run();
        } catch (IOException e) {
            throw new IOException("cannot write the report to " + out + ": " + Inputs.describe(e) + " (" + out
                    + (Files.exists(out) ? " is unchanged)" : " was not created)"), e);
        }
    }

    /** The default as-of instant: the latest contact's {@code at}. */
    private static Instant latestContact(Dataset dataset) {
        Instant latest = null;
        for (Contact contact : dataset.contacts()) {
            if (latest == null || contact.at().isAfter(latest)) {
                latest = contact.at();
            }
        }
        if (latest == null) {
            throw InvalidInvocationException.ofOptions(List.of(
                    "--as-of: required, as the dataset has no contacts to take a default from"));
        }
        return latest;
    }
}
