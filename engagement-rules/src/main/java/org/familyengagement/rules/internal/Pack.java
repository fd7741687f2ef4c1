package org.familyengagement.rules.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleInfo;
import org.familyengagement.rules.drl.EvaluationContext;
import org.kie.api.KieBase;

/**
 * A built rule base with what judging needs besides: the effective policy, the rules' metadata
 * and the limits. Immutable and thread-safe: every evaluation runs in a session of its own.
 */
public final class Pack {
    private final KieBase kieBase;
    private final Policy policy;
    private final RuleMetadata metadata;
    private final Limits limits;
    /** The rules that read across families ({@link FamilyScope#readsAcrossFamilies}): judge in one session. */
    private final List<String> rulesAcrossFamilies;

    Pack(KieBase kieBase, Policy policy, RuleMetadata metadata, Limits limits, List<String> rulesAcrossFamilies) {
        this.kieBase = kieBase;
        this.policy = policy;
        this.metadata = metadata;
        this.limits = limits;
        this.rulesAcrossFamilies = List.copyOf(rulesAcrossFamilies);
    }

    /** The rules that read across families, as the engine holds them: see {@code RuleEngine#rulesAcrossFamilies}. */
    public List<String> rulesAcrossFamilies() {
        return rulesAcrossFamilies;
    }

    /** The policy applied, with every disabled rule in {@code disabledRules}. */
    public Policy policy() {
        return policy;
    }

    /** The rules it runs, in catalogue order, titled in a language. */
    public List<RuleInfo> catalog(Locale locale) {
        return metadata.catalog(new Messages(locale));
    }

    /** One batch evaluation: see {@code RuleEngine#evaluate}. */
    public Report evaluate(Dataset dataset, Instant asOf, Collection<?> extraFacts, Locale locale) {
        EvaluationContext context = new EvaluationContext(asOf, policy, dataset.district());
        return batch(locale).run(dataset, context, extraFacts);
    }

    /** Counts one partition of a dataset: see {@code RuleEngine#count}. */
    public PartitionCounts count(Dataset partition, Instant asOf) {
        return batch(Locale.ROOT).count(partition, new EvaluationContext(asOf, policy, partition.district()));
    }

    /** Judges one partition of a dataset against the whole's counts: see {@code RuleEngine#judge}. */
    public List<Finding> judge(Dataset partition, PartitionCounts whole, Collection<?> extraFacts, Locale locale) {
        return batch(locale).judge(partition, new EvaluationContext(whole.asOf(), policy, partition.district()), whole,
                extraFacts);
    }

    /** The report of a dataset judged in partitions: see {@code RuleEngine#report}. */
    public Report report(District district, PartitionCounts whole, Collection<Finding> findings, Locale locale) {
        return batch(locale).report(new EvaluationContext(whole.asOf(), policy, district), whole, findings);
    }

    private BatchEvaluation batch(Locale locale) {
        return new BatchEvaluation(kieBase, metadata, limits, locale, !rulesAcrossFamilies.isEmpty());
    }

    /** A live session: see {@code RuleEngine#openSession}. */
    public LiveSession openSession(Dataset dataset, Instant asOf, Collection<?> extraFacts, Locale locale) {
        Messages messages = new Messages(locale);
        return new LiveSessionImpl(kieBase.newKieSession(), dataset, new EvaluationContext(asOf, policy,
                dataset.district()), metadata, FindingCollector.logical(metadata, messages,
                Sessions.reportableGroups(Sessions.groupSizes(dataset), policy.disparity().minGroupSize())), messages, extraFacts,
                limits);
    }
}
