package org.familyengagement.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleCompilationException;
import org.familyengagement.rules.RuleEngine;

/**
 * The custom DRL files named by {@code --rules}, read once, and the engine built from them.
 *
 * @param files the files, as given
 * @param texts their contents, in the same order
 */
record CustomRules(List<Path> files, List<String> texts) {
    static final String OPTION = "--rules";

    CustomRules {
        files = List.copyOf(files);
        texts = List.copyOf(texts);
    }

    /** Checks and reads every file; problems go to {@code problems}. */
    static CustomRules read(List<Path> files, List<String> problems) {
        List<Path> read = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            if (Inputs.checkFile(OPTION, file, problems) != null) {
                String text = Inputs.readText(OPTION, file, problems);
                if (text != null) {
                    read.add(file);
                    texts.add(text);
                }
            }
        }
        return new CustomRules(read, texts);
    }

    /** The names of the rules the files declare, by a plain scan (before they compile). */
    Set<String> declaredIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String text : texts) {
            ids.addAll(Inputs.declaredRuleNames(text));
        }
        return ids;
    }

    /**
     * Builds the engine: the built-in pack, these rules, the policy, {@code disable}d rules off.
     * Compile errors ({@code file:line: message}) and unknown rule ids become blocks of
     * {@code collector}; {@code null} then.
     *
     * @param policyFile the file the policy came from, to name in its problems; {@code null} for none
     */
    RuleEngine buildEngine(Policy policy, Path policyFile, List<String> disable, Locale locale,
                           InvalidInvocationException.Collector collector) {
        return startEngine(policy, disable, locale).await(policyFile, collector);
    }

    /**
     * Starts building the engine on a thread of its own, so that loading the pack and compiling
     * custom rules overlap reading the dataset; {@link EngineBuild#await} collects the result.
     */
    EngineBuild startEngine(Policy policy, List<String> disable, Locale locale) {
        RuleEngine.Builder builder = RuleEngine.builder().policy(policy).locale(locale);
        for (int i = 0; i < files.size(); i++) {
            builder.addRules(files.get(i).toString(), texts.get(i));
        }
        builder.disable(disable.toArray(String[]::new));
        return new EngineBuild(builder);
    }

    /** An engine being built in the background. */
    static final class EngineBuild {
        private final FutureTask<RuleEngine> task;

        private EngineBuild(RuleEngine.Builder builder) {
            this.task = new FutureTask<>(builder::build);
            Thread thread = new Thread(task, "engagement-cli-engine");
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            thread.start();
        }

        /**
         * Waits for the engine. Compile errors and unknown rule ids become blocks of
         * {@code collector}, and the result is {@code null}; anything else is rethrown.
         *
         * @param policyFile the file the policy came from, to name in its problems; {@code null} for none
         */
        RuleEngine await(Path policyFile, InvalidInvocationException.Collector collector) {
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
                if (cause instanceof InvalidPolicyException policy) {
                    // Pointer "" is a --disable id; the others point into the policy document.
                    List<String> options = new ArrayList<>();
                    List<Problem> policyProblems = new ArrayList<>();
                    for (Problem problem : policy.problems()) {
                        if (problem.pointer().isEmpty()) {
                            options.add("--disable: " + problem.message());
                        } else {
                            policyProblems.add(problem);
                        }
                    }
                    collector.options(options);
                    if (!policyProblems.isEmpty()) {
                        collector.add(Inputs.policyProblems(policyFile, policyProblems));
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
