package org.familyengagement.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.AtomicFiles;
import org.familyengagement.internal.Printable;
import org.familyengagement.internal.TimeLimits;
import org.familyengagement.io.PolicyReader;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.rules.EvaluationException;
import org.familyengagement.rules.RuleCompilationException;
import org.familyengagement.rules.UnknownRuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job: audits one or more districts with the rule pack, each district's families
 * partitioned across the executors, and writes each district's findings document (the same
 * document as {@code engagement-cli audit --format json}) and, optionally, one table of every
 * finding for a state's dashboards. Runs under {@code spark-submit}, or on one machine with
 * {@code java -jar engagement-spark.jar --master local[*] ...}. See docs/scale-out.md.
 *
 * <p>Exit codes as the CLI's: 0 done, 1 the evaluation failed, 2 invalid input or usage (every
 * problem listed on stderr).
 */
@Command(name = "engagement-spark", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = "Audits districts with the family-engagement rule pack on Apache Spark.")
public final class SparkAudit implements Callable<Integer> {
    static final int OK = 0;
    static final int EVALUATION_FAILED = 1;
    static final int INVALID_INPUT = 2;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[*], spark://host:7077, yarn...); default: spark-submit's, else local[*].")
    String master;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = {"A district: a dataset document (JSON, v1 or v2), or a directory in the family-records "
                    + "layout (district.json and families.jsonl or families.parquet); a local path or a URI "
                    + "(hdfs://, s3a://). Repeat for more districts."})
    List<String> data = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "INSTANT", required = true,
            description = "The instant of judgement, ISO-8601 (2026-11-20T23:00:00Z).")
    String asOf;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "The findings document (one --data), or a directory of <district id>.json (several).")
    Path out;

    @Option(names = "--table", paramLabel = "DIR",
            description = "Also write every district's findings as one table (a Spark output directory).")
    String table;

    @Option(names = "--table-format", paramLabel = "parquet|csv", defaultValue = "parquet",
            description = "Format of --table: parquet (default) or csv.")
    String tableFormat;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy thresholds (JSON or YAML).")
    Path policy;

    @Option(names = "--rules", paramLabel = "FILE", description = "A DRL file of custom rules; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", split = ",", description = "Rule ids to switch off.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en",
            description = "Language of finding messages: en (default) or es.")
    String lang;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions per district (default: Spark's default parallelism for a document, the "
                    + "input's splits for family records).")
    int partitions;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long counting or judging one partition may take: 90s, 10m, 2h or ISO-8601 "
                    + "(PT10M), at most 7 days; default ${DEFAULT-VALUE}.")
    String timeLimit;

    private final PrintWriter stdout;
    private final PrintWriter stderr;

    SparkAudit(PrintWriter stdout, PrintWriter stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the job with these arguments; returns the exit code. */
    static int run(String[] args, PrintWriter stdout, PrintWriter stderr) {
        CommandLine command = new CommandLine(new SparkAudit(stdout, stderr));
        command.setOut(stdout).setErr(stderr);
        command.setParameterExceptionHandler((e, a) -> {
            stderr.println("error: " + Printable.escape(e.getMessage()));
            stderr.println("Try 'engagement-spark --help'.");
            return INVALID_INPUT;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        List<String> problems = new ArrayList<>();
        Instant instant = null;
        try {
            instant = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            problems.add("--as-of: \"" + asOf + "\" is not an ISO-8601 instant such as 2026-11-20T23:00:00Z");
        }
        Duration limit = TimeLimits.parse("--time-limit", timeLimit, problems);
        if (partitions < 0 || partitions > 100_000) {
            problems.add("--partitions: must be between 1 and 100000, not " + partitions);
        }
        if (!tableFormat.equals("parquet") && !tableFormat.equals("csv")) {
            problems.add("--table-format: parquet or csv, not " + tableFormat);
        }
        if (!lang.equals("en") && !lang.equals("es")) {
            problems.add("--lang: en or es, not " + lang);
        }
        for (String input : data) {
            if (!Locations.isUri(input) && !Files.exists(Path.of(input))) {
                problems.add("--data: " + input + " does not exist");
            }
        }
        if (data.size() > 1 && Files.isRegularFile(out)) {
            problems.add("--out: " + out + " is a file; with several --data it is the directory of their documents");
        }
        for (String input : data) {
            if (!Locations.isUri(input) && sameFile(out, Path.of(input))) {
                problems.add("--out: " + out + " is the --data " + input + "; the findings would overwrite it");
            }
        }
        String policyText = null;
        if (policy != null) {
            try {
                PolicyReader.read(policy);
                policyText = Files.readString(policy, StandardCharsets.UTF_8);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(policy + ": " + p));
            } catch (IOException e) {
                problems.add("--policy: cannot read " + policy + ": " + e.getMessage());
            }
        }
        List<EngineSpec.RuleText> ruleTexts = new ArrayList<>();
        for (Path file : rules) {
            try {
                ruleTexts.add(new EngineSpec.RuleText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add("--rules: cannot read " + file + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        EngineSpec spec = new EngineSpec(policyText, ruleTexts, disable, lang, limit);
        try {
            // On the driver first: compile errors, unknown ids and rules the job cannot judge, before any Spark work.
            for (String rule : spec.engine().rulesAcrossFamilies()) {
                problems.add("--rules: rule " + Problem.quote(rule) + " compares families (it reads more than one"
                        + " family's history), and the job judges each partition's families apart, so its findings"
                        + " would depend on the partitions; audit this district with the CLI, which judges every"
                        + " family in one session");
            }
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
        } catch (RuleCompilationException e) {
            e.errors().forEach(error -> problems.add(error.toString()));
            return invalid(problems);
        } catch (UnknownRuleException e) {
            problems.addAll(e.inDisable().stream().map(m -> "--disable: " + m).toList());
            e.inPolicy().forEach(p -> problems.add(policy + ": " + p));
            return invalid(problems);
        }

        SparkSession spark = session();
        Output output = new Output(new Locations(spark.sparkContext().hadoopConfiguration()));
        try {
            DistrictAudit audit = new DistrictAudit(spark, spec, partitions);
            Set<String> districts = new HashSet<>();
            for (String input : data) {
                DistrictAudit.Outcome outcome = audit.audit(input, instant);
                problems.addAll(outcome.problems());
                if (outcome.triage() == null) {
                    continue;
                }
                if (!districts.add(outcome.districtId())) {
                    problems.add("--data: " + input + " is district " + Problem.quote(outcome.districtId()) + " again");
                } else if (problems.isEmpty()) {
                    // Written now, so that the driver holds one district's findings at a time; published
                    // only when every district is done, so that bad input writes nothing.
                    output.stage(spark, outcome);
                }
            }
            if (!problems.isEmpty()) {
                output.discard();
                return invalid(problems);
            }
            output.publish();
            return OK;
        } catch (EvaluationException e) {
            output.discard();
            stderr.println("error: the evaluation failed: " + Printable.escape(e.getMessage()));
            return EVALUATION_FAILED;
        } finally {
            spark.stop();
        }
    }

    /** The job's outputs, written district by district under partial names and put in place at the end. */
    private final class Output {
        private final Locations locations;
        private final Map<Path, Path> documents = new LinkedHashMap<>();
        private final List<String> done = new ArrayList<>();
        private final String stagedTable;

        Output(Locations locations) {
            this.locations = locations;
            this.stagedTable = table == null ? null : table.replaceAll("/+$", "") + ".partial";
        }

        void stage(SparkSession spark, DistrictAudit.Outcome outcome) throws IOException {
            Path file = (data.size() == 1 ? out : out.resolve(outcome.districtId() + ".json")).toAbsolutePath();
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            Files.createDirectories(file.getParent());
            AtomicFiles.write(partial, ReportWriter.toJson(outcome.triage()).getBytes(StandardCharsets.UTF_8));
            documents.put(partial, file);
            if (stagedTable != null) {
                FindingsTable.append(spark, outcome, stagedTable, tableFormat, documents.size() == 1);
            }
            done.add(String.format(Locale.ROOT, "%s: %d findings -> %s", outcome.districtId(),
                    outcome.triage().report().findings().size(), data.size() == 1 ? out : out.resolve(file.getFileName())));
        }

        void publish() throws IOException {
            for (Map.Entry<Path, Path> document : documents.entrySet()) {
                Files.move(document.getKey(), document.getValue(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            if (stagedTable != null) {
                locations.replace(stagedTable, table);
            }
            done.forEach(stdout::println);
        }

        void discard() throws IOException {
            for (Path partial : documents.keySet()) {
                Files.deleteIfExists(partial);
            }
            if (stagedTable != null) {
                locations.delete(stagedTable);
            }
        }
    }

    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("engagement-spark");
        if (master != null) {
            builder.master(master);
        } else if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        return builder.config("spark.ui.showConsoleProgress", "false").getOrCreate();
    }

    /** True when both paths name one existing file, by any path or link. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private int invalid(List<String> problems) {
        int shown = Math.min(problems.size(), InvalidInputException.MAX_PROBLEMS);
        for (String problem : problems.subList(0, shown)) {
            // Problems quote option values, paths and data as given: a control character there
            // must not reach the terminal as itself.
            stderr.println("error: " + Printable.escape(problem));
        }
        if (problems.size() > shown) {
            stderr.println("error: ... and " + (problems.size() - shown) + " more");
        }
        return INVALID_INPUT;
    }
}
