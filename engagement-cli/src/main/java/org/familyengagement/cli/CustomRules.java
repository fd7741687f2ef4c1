package org.familyengagement.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.familyengagement.errors.Problem;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleCompilationException;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.UnknownRuleException;

/**
 * The custom DRL files named by {@code --rules}, and the engine built from them. The engine reads
 * and compiles them, and it is the one place that checks rule ids: those of {@code --disable} and
 * of the policy's {@code disabledRules}, custom rules included.
 *
 * @param files the files, as given
 */
record CustomRules(List<Path> files) {
    static final String OPTION = "--rules";

    CustomRules {
        files = List.copyOf(files);
    }

    /** Checks that every file can be read; problems go to {@code problems}. */
    static CustomRules read(List<Path> files, List<String> problems) {
        List<Path> readable = new ArrayList<>();
        for (Path file : files) {
            if (Inputs.checkFile(OPTION, file, problems) != null) {
                readable.add(file);
            }
        }
        return new CustomRules(readable);
    }

    /**
     * Starts building the engine on a thread of its own, so that loading the pack and compiling
     * custom rules overlap reading the dataset; {@link EngineBuild#await} collects the result.
     *
     * @param policyFile the file the policy came from, to name in its problems; {@code null} for none
     */
    EngineBuild startEngine(Policy policy, Path policyFile, List<String> disable, Locale locale,
                            Consumer<RuleEngine.Builder> limits) {
        RuleEngine.Builder builder = RuleEngine.builder().policy(policy).locale(locale);
        limits.accept(builder);
        files.forEach(builder::addRules);
        builder.disable(disable.toArray(String[]::new));
        return new EngineBuild(builder, policyFile);
    }

    /** An engine being built in the background. */
    static final class EngineBuild {
        private final FutureTask<RuleEngine> task;
        private final Path policyFile;

        private EngineBuild(RuleEngine.Builder builder, Path policyFile) {
            this.task = new FutureTask<>(builder::build);
            this.policyFile = policyFile;
            Thread thread = new Thread(task, "engagement-cli-engine");
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            thread.start();
        }

        /**
         * Waits for the engine. Compile errors and unknown rule ids become blocks of
         * {@code collector}, and the result is {@code null}; anything else is rethrown.
         */
        RuleEngine await(InvalidInvocationException.Collector collector) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the rules were being built", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuleCompilationException compilation) {
                    List<String> lines = new ArrayList<>();
                    for (RuleCompilationException.CompileError error : compilation.errors()) {
                        lines.add(oneLine(error));
                    }
                    collector.add(InvalidInvocationException.Block.of("the custom rules did not compile", lines));
                    return null;
                }
                if (cause instanceof UnknownRuleException unknown) {
                    List<String> options = new ArrayList<>();
                    for (String message : unknown.inDisable()) {
                        options.add("--disable: " + message);
                    }
                    collector.options(options);
                    List<Problem> inPolicy = unknown.inPolicy();
                    if (!inPolicy.isEmpty()) {
                        collector.add(Inputs.policyProblems(policyFile, inPolicy));
                    }
                    return null;
                }
                if (cause instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /**
     * A compile error as one {@code file:line: message} line. Drools' expression errors span
     * several lines, one of them a caret under the expression; the caret means nothing on one line.
     */
    static String oneLine(RuleCompilationException.CompileError error) {
        StringBuilder message = new StringBuilder();
        for (String line : error.message().split("\\R")) {
            String text = line.strip();
            if (!text.isEmpty() && !text.chars().allMatch(ch -> ch == '^')) {
                message.append(message.length() == 0 ? "" : " ").append(text);
            }
        }
        return new RuleCompilationException.CompileError(error.source(), error.line(), message.toString()).toString();
    }
}
