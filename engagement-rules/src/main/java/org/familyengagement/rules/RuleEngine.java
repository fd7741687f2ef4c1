package org.familyengagement.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Report;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The rule pack, ready to judge datasets. Build it once with {@link #builder()} and share it:
 * it is immutable and thread-safe, and every evaluation runs in a session of its own.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.builder().build();
 * Report report = engine.evaluate(dataset, Instant.parse("2026-11-20T23:00:00Z"));
 * }</pre>
 */
public final class RuleEngine {
    private final KieBase kieBase;
    private final Policy policy;
    private final Locale locale;
    private final RuleMetadata metadata;
    private final RuleCatalog catalog;
    private final Limits limits;

    RuleEngine(KieBase kieBase, Policy policy, Locale locale, RuleMetadata metadata, Limits limits) {
        this.kieBase = kieBase;
        this.policy = policy;
        this.locale = locale;
        this.metadata = metadata;
        this.catalog = new RuleCatalog(metadata.catalog());
        this.limits = limits;
    }

    /** Starts building an engine: the built-in pack with the default policy, in English. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules this engine runs (disabled rules are not in it). */
    public RuleCatalog catalog() {
        return catalog;
    }

    /** The policy this engine applies. */
    public Policy policy() {
        return policy;
    }

    /** The language of finding messages. */
    public Locale locale() {
        return locale;
    }

    /**
     * Judges a dataset as of an instant. Contacts after {@code asOf} are ignored.
     *
     * @throws EvaluationException when a rule fails or exceeds the engine's limits; never a
     *                             partial report
     */
    public Report evaluate(Dataset dataset, Instant asOf) {
        return evaluate(dataset, asOf, List.of());
    }

    /**
     * Judges a dataset as of an instant, with extra facts for custom rules (objects of the
     * embedder's own classes: IEP meetings, attendance events).
     */
    public Report evaluate(Dataset dataset, Instant asOf, Collection<?> extraFacts) {
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(extraFacts, "extraFacts must not be null");
        EvaluationContext context = new EvaluationContext(asOf, policy, dataset.district());
        Findings findings = Findings.collecting(metadata, new Messages(locale));
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal(Sessions.FINDINGS_GLOBAL, findings);
            Sessions.insertDataset(session, dataset, context, extraFacts);
            Sessions.fire(session, limits);
            return new Report(asOf, findings.collected());
        } finally {
            session.dispose();
        }
    }

    /**
     * Opens a live session on a dataset as of an instant, for an SIS that feeds contacts as they
     * happen. Its findings always equal a fresh {@link #evaluate} of the same data.
     */
    public LiveSession openSession(Dataset dataset, Instant asOf) {
        return openSession(dataset, asOf, List.of());
    }

    /** Opens a live session with extra facts for custom rules. */
    public LiveSession openSession(Dataset dataset, Instant asOf, Collection<?> extraFacts) {
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(extraFacts, "extraFacts must not be null");
        return new LiveSession(kieBase.newKieSession(), dataset, new EvaluationContext(asOf, policy,
                dataset.district()), Findings.logical(metadata, new Messages(locale)), extraFacts, limits);
    }

    /**
     * Configures an engine. Not thread-safe; the engine it builds is.
     */
    public static final class Builder {
        private Policy policy = Policy.defaults();
        private Locale locale = Locale.ENGLISH;
        private final List<RuleSource> sources = new ArrayList<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private long maxRuleFirings = Limits.DEFAULT.maxRuleFirings();
        private java.time.Duration timeLimit = Limits.DEFAULT.timeLimit();

        private Builder() {
        }

        /** The thresholds to apply; {@link Policy#defaults()} unless set. */
        public Builder policy(Policy value) {
            this.policy = Objects.requireNonNull(value, "policy must not be null");
            return this;
        }

        /** The language of finding messages: English unless set; Spanish is bundled too. */
        public Builder locale(Locale value) {
            this.locale = Objects.requireNonNull(value, "locale must not be null");
            return this;
        }

        /** Adds a DRL file of custom rules. */
        public Builder addRules(Path drlFile) {
            Objects.requireNonNull(drlFile, "drlFile must not be null");
            try {
                sources.add(new RuleSource(drlFile.toString(), Files.readString(drlFile, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + drlFile, e);
            }
            return this;
        }

        /** Adds a DRL resource of custom rules from the class path, for example {@code district/iep.drl}. */
        public Builder addRulesFromClasspath(String resource) {
            Objects.requireNonNull(resource, "resource must not be null");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = RuleEngine.class.getClassLoader();
            }
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no rule resource \"" + resource + "\" on the class path");
                }
                sources.add(new RuleSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule resource " + resource, e);
            }
            return this;
        }

        /** Adds custom rules given as DRL text; {@code sourceName} names them in errors. */
        public Builder addRules(String sourceName, String drl) {
            sources.add(new RuleSource(Objects.requireNonNull(sourceName, "sourceName must not be null"),
                    Objects.requireNonNull(drl, "drl must not be null")));
            return this;
        }

        /** Switches rules off by id, built-in or custom, on top of the policy's {@code disabledRules}. */
        public Builder disable(String... ruleIds) {
            for (String id : ruleIds) {
                disabled.add(Objects.requireNonNull(id, "rule id must not be null"));
            }
            return this;
        }

        /**
         * Stops an evaluation whose rules fire more than this many times: a custom rule that
         * loops (insert/modify cycles) ends with an {@link EvaluationException} naming it.
         */
        public Builder maxRuleFirings(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRuleFirings must be at least 1, not " + value);
            }
            this.maxRuleFirings = value;
            return this;
        }

        /** Stops an evaluation that runs longer than this with an {@link EvaluationException}. */
        public Builder timeLimit(java.time.Duration value) {
            Objects.requireNonNull(value, "timeLimit must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive, not " + value);
            }
            this.timeLimit = value;
            return this;
        }

        /**
         * Builds the engine: loads the precompiled pack, compiles custom rules, removes disabled
         * rules.
         *
         * @throws RuleCompilationException                         when custom rules do not compile
         * @throws org.familyengagement.errors.InvalidPolicyException when a rule to disable does not exist
         */
        public RuleEngine build() {
            return PackBuilder.build(List.copyOf(sources), policy, Set.copyOf(disabled), locale,
                    new Limits(maxRuleFirings, timeLimit));
        }
    }

    /** One DRL source of custom rules. */
    record RuleSource(String name, String drl) {
    }

    /** The firing and time limits of an evaluation. */
    record Limits(long maxRuleFirings, java.time.Duration timeLimit) {
        static final Limits DEFAULT = new Limits(10_000_000L, java.time.Duration.ofMinutes(10));
    }

}
