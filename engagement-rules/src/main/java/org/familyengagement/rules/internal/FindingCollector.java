package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.Set;

import org.familyengagement.errors.Problem;
import org.familyengagement.model.Evidence;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Figures;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.rules.drl.Findings;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code findings} global: in batch evaluation it collects findings into a list; in a live
 * session it hands those of rules that read one family to the session's {@link FamilyScope}, and
 * inserts the others logically, so they retract when their conditions stop holding. Every
 * finding is attributed here ({@link Attribution}) to the schools and staff its evidence names,
 * so no rule does it.
 */
public final class FindingCollector implements Findings {
    private final RuleMetadata metadata;
    private final Messages messages;
    private final List<Finding> collected;
    private final boolean live;
    private Attribution attribution;
    /** Live sessions: where the findings of one-family rules go instead of truth maintenance. */
    private FamilyScope familyScope;
    /** The labels a finding may name: those of groups that are not too small. */
    private final Predicate<Group> reportable;

    private FindingCollector(RuleMetadata metadata, Messages messages, Attribution attribution,
                             Predicate<Group> reportable, boolean live) {
        this.metadata = metadata;
        this.messages = messages;
        this.attribution = attribution;
        this.reportable = Objects.requireNonNull(reportable, "reportable");
        this.live = live;
        this.collected = live ? null : new ArrayList<>();
    }

    /** Findings collected into a list: batch evaluation, attributed from the dataset. */
    static FindingCollector collecting(RuleMetadata metadata, Messages messages, Attribution attribution,
                                       Predicate<Group> reportable) {
        return new FindingCollector(metadata, messages, Objects.requireNonNull(attribution, "attribution"),
                reportable, false);
    }

    /** Findings inserted logically: live sessions, which give their attribution with {@link #attributeBy}. */
    static FindingCollector logical(RuleMetadata metadata, Messages messages, Predicate<Group> reportable) {
        return new FindingCollector(metadata, messages, null, reportable, true);
    }

    /** Attributes findings from these records: a live session's own, which it keeps current. */
    void attributeBy(Attribution value) {
        this.attribution = Objects.requireNonNull(value, "attribution");
    }

    /** Live sessions: the findings of rules that read one family go to its scope (see {@link FamilyScope}). */
    void collectPerFamily(FamilyScope scope) {
        this.familyScope = Objects.requireNonNull(scope, "scope");
    }

    /** What a batch evaluation collected. */
    List<Finding> collected() {
        return collected;
    }

    @Override
    public Builder forFamily(RuleContext kcontext, String familyId) {
        Objects.requireNonNull(familyId, "familyId");
        if (attribution.family(familyId) == null) {
            throw new IllegalArgumentException("a finding about family " + Problem.quote(familyId)
                    + ", which is not in the data; report findings about the families of the facts you match");
        }
        return new FindingBuilder(kcontext, familyId, null, null);
    }

    @Override
    public Builder forGroup(RuleContext kcontext, Group group) {
        Objects.requireNonNull(group, "group");
        if (!reportable.test(group)) {
            // The label itself is not named: a small group must not reach a message or a log.
            throw new IllegalArgumentException("a finding about a group label of dimension "
                    + Problem.quote(group.dimension()) + " that fewer families carry than disparity.minGroupSize;"
                    + " small groups are never reported (match eligible GroupRate facts)");
        }
        return new FindingBuilder(kcontext, null, group, null);
    }

    @Override
    public Builder forBroadcast(RuleContext kcontext, String broadcastId) {
        return new FindingBuilder(kcontext, null, null, Objects.requireNonNull(broadcastId, "broadcastId"));
    }

    private void emit(RuleContext kcontext, RuleMetadata.Info info, Finding finding) {
        if (live) {
            if (info.readsOneFamily() && familyScope != null && familyScope.collect(kcontext, finding)) {
                return;
            }
            kcontext.insertLogical(finding);
        } else {
            collected.add(finding);
        }
    }

    private final class FindingBuilder implements Builder {
        private final RuleContext kcontext;
        private final String familyId;
        private final Group group;
        private final String broadcastId;
        private final List<String> evidence = new ArrayList<>();
        // Usually none or one each: the Finding sorts them and drops duplicates.
        private final Set<String> schoolIds = new HashSet<>(4);
        private final Set<String> staffIds = new HashSet<>(4);
        private final Map<String, Object> arguments = new LinkedHashMap<>();
        private Metrics metrics;
        private BroadcastMetrics broadcastMetrics;

        private FindingBuilder(RuleContext kcontext, String familyId, Group group, String broadcastId) {
            this.kcontext = Objects.requireNonNull(kcontext, "kcontext");
            this.familyId = familyId;
            this.group = group;
            this.broadcastId = broadcastId;
        }

        @Override
        public Builder evidence(Evidence... items) {
            for (Evidence item : items) {
                add(item);
            }
            return this;
        }

        @Override
        public Builder evidence(Collection<? extends Evidence> items) {
            for (Evidence item : items) {
                add(item);
            }
            return this;
        }

        private void add(Evidence item) {
            if (item != null) {
                evidence.add(item.id());
                if (group == null) {
                    attribution.add(item, schoolIds, staffIds);
                }
            }
        }

        @Override
        public Builder evidence(String... ids) {
            for (String id : ids) {
                if (id != null) {
                    evidence.add(id);
                    if (group == null) {
                        attribution.add(id, schoolIds, staffIds);
                    }
                }
            }
            return this;
        }

        @Override
        public Builder with(String name, Object value) {
            arguments.put(name, value);
            return this;
        }

        @Override
        public Builder metrics(Metrics value) {
            this.metrics = value;
            return this;
        }

        @Override
        public Builder metrics(BroadcastMetrics value) {
            this.broadcastMetrics = value;
            return this;
        }

        @Override
        public void report() {
            RuleMetadata.Info info = metadata.of(kcontext.getRule());
            Map<String, Object> args = new LinkedHashMap<>(arguments);
            if (group != null) {
                args.putIfAbsent("dimension", group.dimension());
                args.putIfAbsent("label", group.label());
            }
            if (metrics != null) {
                args.putIfAbsent("n", metrics.n());
                args.putIfAbsent("rate", metrics.rate());
                args.putIfAbsent("referenceLabel", metrics.referenceLabel());
                args.putIfAbsent("referenceRate", metrics.referenceRate());
                args.putIfAbsent("ratio", Figures.ratio(metrics.ratio(), messages.locale()));
                args.putIfAbsent("pValue", metrics.pValue());
                args.putIfAbsent("p", Figures.pValue(metrics.pValue(), messages.locale()));
            }
            if (broadcastId != null) {
                args.putIfAbsent("broadcastId", broadcastId);
            }
            if (broadcastMetrics != null) {
                args.putIfAbsent("families", broadcastMetrics.families());
                args.putIfAbsent("deliveries", broadcastMetrics.deliveries());
                args.putIfAbsent("languages", String.join(", ", broadcastMetrics.languages()));
            }
            String message = messages.format(info, args);
            emit(kcontext, info, new Finding(info.id(), info.category(), info.severity(), familyId, group, broadcastId,
                    evidence, List.copyOf(schoolIds), List.copyOf(staffIds), message, metrics, broadcastMetrics));
        }
    }
}
