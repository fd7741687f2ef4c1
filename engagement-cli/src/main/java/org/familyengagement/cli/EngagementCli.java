package org.familyengagement.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.familyengagement.internal.Printable;
import org.familyengagement.rules.EvaluationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code audit}, {@code validate} and {@code rules}.
 *
 * <pre>
 * java -jar engagement-cli.jar audit --data district.json --as-of 2026-11-20T23:00:00Z
 * </pre>
 *
 * <p>Exit codes: {@value #OK} success; {@value #INTERNAL_ERROR} an internal error;
 * {@value #INVALID_INPUT} invalid input or usage, every problem listed on stderr as
 * {@code pointer: message}; {@value #FINDINGS_AT_THRESHOLD} findings at or above
 * {@code --fail-on}. See {@code docs/cli.md}.
 */
@Command(name = "engagement-cli",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        versionProvider = EngagementCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Audits school-family contact logs with the family-engagement rule pack.",
        subcommands = {AuditCommand.class, ValidateCommand.class, RulesCommand.class, ImportCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (the stack trace with --verbose)",
            "2:invalid input or usage: every problem on stderr as 'pointer: message'",
            "3:audit found findings at or above --fail-on (the report is still written)"})
public final class EngagementCli implements Callable<Integer> {
    /** Success. */
    public static final int OK = 0;
    /** Something went wrong that is not the user's input: a bug, a failing custom rule, a full disk. */
    public static final int INTERNAL_ERROR = 1;
    /** The options, a file, the dataset, the policy or custom rules cannot be used. */
    public static final int INVALID_INPUT = 2;
    /** {@code audit --fail-on} found findings at or above its severity. */
    public static final int FINDINGS_AT_THRESHOLD = 3;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    private EngagementCli(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        Charset stdout = streamCharset("stdout.encoding", "sun.stdout.encoding");
        Charset stderr = streamCharset("stderr.encoding", "sun.stderr.encoding");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, stdout);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, stderr);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line in this JVM: what {@link #main} does, minus exiting. Progress shows
     * when there is a console.
     *
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.console() != null);
    }

    /** Runs the command line, showing progress on {@code err} only when {@code interactive}. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        EngagementCli root = new EngagementCli(out, err, interactive);
        CommandLine cli = new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(writer(out))
                .setErr(writer(err))
                .setParameterExceptionHandler(root::handleParameterException)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> root.handleException(e, commandLine));
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Errors pass picocli by; the JVM can still print a line once the failed work's memory is freed.
            err.println("error: out of memory: the heap (-Xmx) is too small for this dataset, or a custom rule"
                    + " holds on to too much; run again with a larger -Xmx");
            code = INTERNAL_ERROR;
        } catch (StackOverflowError e) {
            err.println("error: stack overflow: a custom rule (or a condition it calls) recursing without end?");
            code = INTERNAL_ERROR;
        }
        // PrintStream swallows write errors (a full disk, a closed pipe): a report nobody received is not a success.
        if (out.checkError()) {
            err.println("error: cannot write to standard output (a full disk, or a closed pipe)");
            code = code == OK || code == FINDINGS_AT_THRESHOLD ? INTERNAL_ERROR : code;
        }
        err.flush();
        return code;
    }

    /** Without a command: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return INVALID_INPUT;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** Progress for one run. */
    Progress progress() {
        return new Progress(err, interactive);
    }

    // ---- errors -------------------------------------------------------------------------------

    /** A parse error of picocli's: a usage problem, as {@code pointer: message}. */
    private int handleParameterException(CommandLine.ParameterException e, String[] args) {
        List<String> problems = new ArrayList<>();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            // The first unmatched word is the mistake; after an unknown option, the words that follow
            // are most likely its value, and after an unknown command, everything else is its own.
            List<String> arguments = unmatched.getUnmatched();
            List<String> suggestions = unmatched.getSuggestions();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                boolean option = argument.startsWith("-");
                if (i == 0) {
                    problems.add(argument + ": " + (option ? "unknown option" : "unexpected argument")
                            + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?"));
                } else if (option && arguments.get(0).startsWith("-")) {
                    problems.add(argument + ": unknown option");
                }
            }
        } else if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            for (ArgSpec spec : missing.getMissing()) {
                problems.add(name(spec) + ": required" + (spec.isOption() ? "; give " + name(spec) + " "
                        + spec.paramLabel() : ""));
            }
        }
        if (problems.isEmpty()) {
            ArgSpec spec = e.getArgSpec();
            problems.add((spec == null ? e.getCommandLine().getCommandSpec().qualifiedName() : name(spec)) + ": "
                    + e.getMessage());
        }
        printUsageProblems(InvalidInvocationException.ofOptions(problems), e.getCommandLine());
        return INVALID_INPUT;
    }

    private int handleException(Exception e, CommandLine commandLine) {
        if (e instanceof InvalidInvocationException invalid) {
            printUsageProblems(invalid, commandLine);
            return INVALID_INPUT;
        }
        if (e instanceof EvaluationException evaluation) {
            // Names a custom rule and quotes its exception: both may carry anything.
            err.println("error: the evaluation failed: " + Printable.escape(evaluation.getMessage()));
        } else if (e instanceof IOException io) {
            String file = io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " : "";
            err.println("error: " + Printable.escape(file + Inputs.describe(io)));
        } else {
            err.println("error: internal error: " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + Printable.escape(e.getMessage())));
        }
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for the stack trace.");
        }
        return INTERNAL_ERROR;
    }

    private void printUsageProblems(InvalidInvocationException e, CommandLine commandLine) {
        for (InvalidInvocationException.Block block : e.blocks()) {
            err.println("error: " + Printable.escape(block.heading()));
            for (String line : block.lines()) {
                err.println(Printable.escape(line));
            }
        }
        if (e.isUsage()) {
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    // ---- streams ------------------------------------------------------------------------------

    /** A writer onto a print stream that keeps the stream's own charset. */
    static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                stream.print(new String(buffer, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    /**
     * The charset of a standard stream: what the JVM says the terminal uses (Java 19+, or the
     * Windows console), else UTF-8, the encoding of JSON and of nearly every terminal today.
     */
    private static Charset streamCharset(String... properties) {
        for (String property : properties) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = EngagementCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"engagement-cli " + properties.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
