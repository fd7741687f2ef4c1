package org.familyengagement.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.familyengagement.internal.Suggestions;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleEngine;

/**
 * Verifies rules one at a time, the way a district states its policy:
 *
 * <pre>{@code
 * RuleVerifier verifier = RuleVerifier.of(RuleEngine.builder().build());
 *
 * verifier.verifyThat("unanswered-input")
 *         .given(family, question)
 *         .asOf("2026-11-18T08:00")
 *         .flagsFamily("f-1").withEvidence("k-1");
 * }</pre>
 *
 * <p>Build it once (a static field) and share it: it is immutable and thread-safe, every
 * verification evaluates in a session of its own. Assertions fail with an {@link AssertionError}
 * that shows what was expected, every finding of the rule, and the facts that led there.
 */
public final class RuleVerifier {
    private final RuleEngine engine;

    private RuleVerifier(RuleEngine engine) {
        this.engine = engine;
    }

    /** A verifier on an engine configured elsewhere. */
    public static RuleVerifier of(RuleEngine engine) {
        return new RuleVerifier(Objects.requireNonNull(engine, "engine must not be null"));
    }

    /** A verifier on the built-in pack with the default policy. */
    public static RuleVerifier ofDefaults() {
        return of(RuleEngine.builder().build());
    }

    /** Configures the engine a verifier runs: policy, custom rules, disabled rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** The engine behind this verifier. */
    public RuleEngine engine() {
        return engine;
    }

    /**
     * Starts verifying one rule: assertions look only at its findings.
     *
     * @throws IllegalArgumentException when the engine has no rule with that id (unknown, misspelt
     *                                  or disabled)
     */
    public GivenStep verifyThat(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId must not be null");
        if (engine.catalog().rule(ruleId).isEmpty()) {
            throw new IllegalArgumentException(unknownRule(ruleId));
        }
        return new GivenStep(engine, ruleId);
    }

    /** Starts verifying every rule of the engine together: assertions look at all findings. */
    public GivenStep verifyThat() {
        return new GivenStep(engine, null);
    }

    private String unknownRule(String ruleId) {
        List<String> ids = engine.catalog().ids();
        StringBuilder text = new StringBuilder("No rule \"").append(ruleId).append("\" in this verifier's engine.");
        if (engine.policy().disabledRules().contains(ruleId)) {
            text.append(" Its policy disables it.");
        }
        String closest = Suggestions.closest(ruleId, ids);
        if (closest != null) {
            text.append(System.lineSeparator()).append("Did you mean \"").append(closest).append("\"?");
        }
        return text.append(System.lineSeparator()).append("Its rules: ").append(String.join(", ", ids)).toString();
    }

    /**
     * Configures the engine of a verifier, with the options of {@link RuleEngine.Builder}. Not
     * thread-safe; the verifier it builds is.
     */
    public static final class Builder {
        private final List<Consumer<RuleEngine.Builder>> options = new ArrayList<>();
        private Path policyFile;

        private Builder() {
        }

        /** The thresholds to apply; {@link Policy#defaults()} unless set. */
        public Builder policy(Policy value) {
            Objects.requireNonNull(value, "policy must not be null");
            this.policyFile = null;
            options.add(b -> b.policy(value));
            return this;
        }

        /**
         * A policy document (JSON or YAML), read when the verifier is built; its
         * {@code disabledRules} may name custom rules added to this builder.
         */
        public Builder policy(Path file) {
            this.policyFile = Objects.requireNonNull(file, "policy file must not be null");
            return this;
        }

        /** Adds a DRL file of custom rules. */
        public Builder addRules(Path drlFile) {
            Objects.requireNonNull(drlFile, "drlFile must not be null");
            options.add(b -> b.addRules(drlFile));
            return this;
        }

        /** Adds a DRL resource of custom rules from the class path, for example {@code district/iep.drl}. */
        public Builder addRulesFromClasspath(String resource) {
            Objects.requireNonNull(resource, "resource must not be null");
            options.add(b -> b.addRulesFromClasspath(resource));
            return this;
        }

        /** Adds custom rules given as DRL text; {@code sourceName} names them in errors. */
        public Builder addRules(String sourceName, String drl) {
            Objects.requireNonNull(sourceName, "sourceName must not be null");
            Objects.requireNonNull(drl, "drl must not be null");
            options.add(b -> b.addRules(sourceName, drl));
            return this;
        }

        /** Switches rules off by id. */
        public Builder disable(String... ruleIds) {
            List<String> ids = List.of(ruleIds);
            options.add(b -> b.disable(ids.toArray(String[]::new)));
            return this;
        }

        /** The language of finding messages; English unless set. */
        public Builder locale(Locale value) {
            Objects.requireNonNull(value, "locale must not be null");
            options.add(b -> b.locale(value));
            return this;
        }

        /**
         * Builds the engine and the verifier.
         *
         * @throws org.familyengagement.rules.RuleCompilationException when custom rules do not compile
         * @throws org.familyengagement.errors.InvalidPolicyException  when the policy file is invalid
         * @throws org.familyengagement.rules.UnknownRuleException      when a rule to disable does not exist
         * @throws UncheckedIOException                                 when the policy file cannot be read
         */
        public RuleVerifier build() {
            RuleEngine.Builder builder = RuleEngine.builder();
            options.forEach(option -> option.accept(builder));
            if (policyFile != null) {
                try {
                    builder.policy(policyFile);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read policy file " + policyFile, e);
                }
            }
            return new RuleVerifier(builder.build());
        }
    }
}
