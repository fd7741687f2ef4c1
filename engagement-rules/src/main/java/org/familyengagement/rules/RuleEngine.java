package org.familyengagement.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.io.PolicyReader;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.internal.Limits;
import org.familyengagement.rules.internal.Pack;
import org.familyengagement.rules.internal.PackBuilder;
import org.familyengagement.rules.internal.RuleSource;

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
    private final Pack pack;
    private final Locale locale;
    private final RuleCatalog catalog;

    private RuleEngine(Pack pack, Locale locale) {
        this.pack = pack;
        this.locale = locale;
        this.catalog = new RuleCatalog(pack.catalog(locale));
    }

    /** Starts building an engine: the built-in pack with the default policy, in English. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules this engine runs (disabled rules are not in it), titled in its language. */
    public RuleCatalog catalog() {
        return catalog;
    }

    /** The policy this engine applies; its {@code disabledRules} lists every rule switched off. */
    public Policy policy() {
        return pack.policy();
    }

    /** The language of finding messages and catalogue titles. */
    public Locale locale() {
        return locale;
    }

    /**
     * The rules of this engine that compare families (reporting rules and the rules that help
     * them): two {@code FamilyHistory} patterns joined, or one under {@code not}, {@code exists},
     * {@code forall}, {@code accumulate} or {@code collect} (the alternatives of an {@code or}
     * count apart). When there are any, {@link #evaluate}
     * judges every family in one session whatever {@link Builder#threads} says, and judging
     * partitions apart ({@link #judge}) would give each rule only its partition's families, so an
     * embedder that partitions should not. Empty for the built-in pack.
     */
    public List<String> rulesAcrossFamilies() {
        return pack.rulesAcrossFamilies();
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
     * embedder's own classes: attendance events, say).
     *
     * @throws EvaluationException when a rule fails or exceeds the engine's limits; never a
     *                             partial report
     */
    public Report evaluate(Dataset dataset, Instant asOf, Collection<?> extraFacts) {
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(extraFacts, "extraFacts must not be null");
        return pack.evaluate(dataset, asOf, extraFacts, locale);
    }

    /**
     * Counts one partition of a dataset, the first of three steps that judge a dataset too big
     * for one machine in parts (the Spark job takes them): {@code count} each partition, add the
     * counts up ({@link EvaluationCounts#plus}), {@link #judge} each partition against the sum, and
     * {@link #report} the findings of all of them. The report equals {@link #evaluate} of the
     * whole dataset, byte for byte, however the families are split.
     *
     * <p>A partition is a dataset of its own holding some of the families, each with all of its
     * contacts, commitments and meetings, and the whole dataset's district, schools and staff;
     * every family is in exactly one partition. A custom rule that reasons across families sees
     * only its partition's: partition only when {@link #rulesAcrossFamilies} is empty.
     *
     * @throws EvaluationException when the engine's limits are exceeded
     */
    public EvaluationCounts count(Dataset partition, Instant asOf) {
        Objects.requireNonNull(partition, "partition must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        return new EvaluationCounts(pack.count(partition, asOf));
    }

    /**
     * Judges one partition against the whole dataset's counts (see {@link #count}): its families'
     * findings, and the group and broadcast findings, which every partition reports alike (the
     * {@link #report} keeps them once).
     *
     * @throws IllegalArgumentException when the counts were made by an engine with other rules
     * @throws EvaluationException      when a rule fails or exceeds the engine's limits
     */
    public List<Finding> judge(Dataset partition, EvaluationCounts whole) {
        return judge(partition, whole, List.of());
    }

    /** Judges one partition against the whole dataset's counts, with extra facts for custom rules. */
    public List<Finding> judge(Dataset partition, EvaluationCounts whole, Collection<?> extraFacts) {
        Objects.requireNonNull(partition, "partition must not be null");
        Objects.requireNonNull(whole, "whole must not be null");
        Objects.requireNonNull(extraFacts, "extraFacts must not be null");
        return pack.judge(partition, whole.counts(), extraFacts, locale);
    }

    /**
     * The report of a dataset judged in partitions (see {@link #count}): the findings of every
     * partition (each once; the partitions' copies of a group or broadcast finding are one), the
     * coverage and the equity table of the whole counts.
     *
     * @throws IllegalArgumentException when the counts were made by an engine with other rules
     */
    public Report report(District district, EvaluationCounts whole, Collection<Finding> findings) {
        Objects.requireNonNull(district, "district must not be null");
        Objects.requireNonNull(whole, "whole must not be null");
        Objects.requireNonNull(findings, "findings must not be null");
        return pack.report(district, whole.counts(), findings, locale);
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
        return pack.openSession(dataset, asOf, extraFacts, locale);
    }

    /**
     * Configures an engine. Not thread-safe; the engine it builds is. Nothing is read or checked
     * until {@link #build()}, which reports every problem at once.
     */
    public static final class Builder {
        private Policy policy = Policy.defaults();
        private String policySource;
        private Locale locale = Locale.ENGLISH;
        private final List<RuleSource> sources = new ArrayList<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private long maxRuleFirings = Limits.DEFAULT.maxRuleFirings();
        private Duration timeLimit = Limits.DEFAULT.timeLimit();
        private int threads = Limits.DEFAULT.threads();

        private Builder() {
        }

        /** The thresholds to apply; {@link Policy#defaults()} unless set. */
        public Builder policy(Policy value) {
            this.policy = Objects.requireNonNull(value, "policy must not be null");
            this.policySource = null;
            return this;
        }

        /**
         * Reads the policy in a file (JSON or YAML, see {@link PolicyReader}); its rule ids are
         * checked when the engine is built, with pointers into this file.
         *
         * @throws InvalidPolicyException when the document breaks the policy's rules
         * @throws IOException            when the file cannot be read
         */
        public Builder policy(Path file) throws IOException {
            this.policy = PolicyReader.read(Objects.requireNonNull(file, "file must not be null"));
            this.policySource = file.toString();
            return this;
        }

        /** The language of finding messages and titles: English unless set; Spanish is bundled too. */
        public Builder locale(Locale value) {
            this.locale = Objects.requireNonNull(value, "locale must not be null");
            return this;
        }

        /** Adds a DRL file of custom rules (UTF-8), read when the engine is built. */
        public Builder addRules(Path drlFile) {
            sources.add(RuleSource.ofFile(drlFile));
            return this;
        }

        /** Adds a DRL resource of custom rules from the class path, for example {@code district/iep.drl}. */
        public Builder addRulesFromClasspath(String resource) {
            sources.add(RuleSource.ofClasspath(resource));
            return this;
        }

        /** Adds custom rules given as DRL text; {@code sourceName} names them in errors. */
        public Builder addRules(String sourceName, String drl) {
            sources.add(RuleSource.ofText(sourceName, drl));
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

        /**
         * How many threads {@link RuleEngine#evaluate} may use: every available core unless set.
         * The families are split across sessions, one per thread or, above 10,000 families a
         * session, more, judged in turn (a session's memory grows with its families; one thread
         * judges a large district in slices too); the findings are the same, byte for byte,
         * whatever the number. An engine with a custom rule that reasons across families (an
         * accumulate over every family's history, a {@code not} or a join of another family's;
         * {@link RuleEngine#rulesAcrossFamilies()}) judges every family in one session, on one
         * thread, whatever this says: split, such a rule would see only its session's share. Live
         * sessions always use one.
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Stops an evaluation that runs longer than this with an {@link EvaluationException} naming
         * the rule that was running. A batch evaluation gives up at the limit even on a rule that
         * never returns (a loop in a consequence): its worker thread is interrupted and abandoned.
         * A live session halts between firings only.
         */
        public Builder timeLimit(Duration value) {
            Objects.requireNonNull(value, "timeLimit must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive, not " + value);
            }
            this.timeLimit = value;
            return this;
        }

        /**
         * Builds the engine: loads the precompiled pack, reads and compiles custom rules, removes
         * disabled rules.
         *
         * @throws RuleCompilationException when a custom rule source cannot be read, does not
         *                                  compile, or declares a rule whose id is not kebab-case
         *                                  or is already taken; every error, by source and line
         * @throws UnknownRuleException     when a rule to disable (by the policy or {@link #disable})
         *                                  is none of the engine's
         */
        public RuleEngine build() {
            Pack pack = PackBuilder.build(List.copyOf(sources), policy, policySource, List.copyOf(disabled),
                    new Limits(maxRuleFirings, timeLimit, threads));
            return new RuleEngine(pack, locale);
        }
    }
}
