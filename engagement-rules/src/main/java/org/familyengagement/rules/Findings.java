package org.familyengagement.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.kie.api.runtime.rule.RuleContext;

/**
 * How a rule reports what it found: the {@code findings} global of every rule file.
 *
 * <pre>{@code
 * global org.familyengagement.rules.Findings findings;
 *
 * rule "iep-input-requested"
 *     @category("RESPONSIVENESS") @severity("HIGH")
 *     @message("No parental-input request {days} days before the IEP meeting.")
 * when ...
 * then
 *     findings.forFamily(kcontext, $h.familyId()).evidence($meeting.id()).with("days", 30).report();
 * end
 * }</pre>
 *
 * <p>The finding's rule id is the rule's name, and its category and severity come from the rule's
 * own {@code @category} and {@code @severity}, so a custom finding looks exactly like a built-in
 * one. Its message is the rule's entry in the message bundle, else its {@code @message}, else its
 * {@code @title}: an ICU message pattern whose named arguments are given with {@code with(...)}.
 * Messages quote ids, dates and counts only, never anything a family wrote.
 */
public final class Findings {
    private final RuleMetadata metadata;
    private final Messages messages;
    private final List<Finding> collected;
    private final boolean live;

    private Findings(RuleMetadata metadata, Messages messages, boolean live) {
        this.metadata = metadata;
        this.messages = messages;
        this.live = live;
        this.collected = live ? null : new ArrayList<>();
    }

    /** Findings collected into a list: batch evaluation. */
    static Findings collecting(RuleMetadata metadata, Messages messages) {
        return new Findings(metadata, messages, false);
    }

    /** Findings inserted logically, so they retract when their conditions stop holding: live sessions. */
    static Findings logical(RuleMetadata metadata, Messages messages) {
        return new Findings(metadata, messages, true);
    }

    /** What a batch evaluation collected. */
    List<Finding> collected() {
        return collected;
    }

    /** Starts a finding about one family. */
    public Builder forFamily(RuleContext kcontext, String familyId) {
        return new Builder(kcontext, Objects.requireNonNull(familyId, "familyId"), null);
    }

    /** Starts a finding about one group label. */
    public Builder forGroup(RuleContext kcontext, Group group) {
        return new Builder(kcontext, null, Objects.requireNonNull(group, "group"));
    }

    private void emit(RuleContext kcontext, Finding finding) {
        if (live) {
            kcontext.insertLogical(finding);
        } else {
            collected.add(finding);
        }
    }

    /** A finding being put together by a rule's consequence. */
    public final class Builder {
        private final RuleContext kcontext;
        private final String familyId;
        private final Group group;
        private final List<String> evidence = new ArrayList<>();
        private final Map<String, Object> arguments = new LinkedHashMap<>();
        private Metrics metrics;

        private Builder(RuleContext kcontext, String familyId, Group group) {
            this.kcontext = Objects.requireNonNull(kcontext, "kcontext");
            this.familyId = familyId;
            this.group = group;
        }

        /** Adds evidence: contacts, commitments, or ids. {@code null} is skipped. */
        public Builder evidence(Object... items) {
            for (Object item : items) {
                addEvidence(item);
            }
            return this;
        }

        /** Adds each item of a collection as evidence. */
        public Builder evidenceAll(Collection<?> items) {
            for (Object item : items) {
                addEvidence(item);
            }
            return this;
        }

        private void addEvidence(Object item) {
            if (item == null) {
                return;
            }
            if (item instanceof Contact contact) {
                evidence.add(contact.id());
            } else if (item instanceof Commitment commitment) {
                evidence.add(commitment.id());
            } else if (item instanceof String id) {
                evidence.add(id);
            } else {
                throw new IllegalArgumentException("evidence must be a Contact, a Commitment or an id, not "
                        + item.getClass().getName());
            }
        }

        /** A named argument of the message pattern. */
        public Builder with(String name, Object value) {
            arguments.put(name, value);
            return this;
        }

        /** The figures of a group finding. */
        public Builder metrics(Metrics value) {
            this.metrics = value;
            return this;
        }

        /** Reports the finding. */
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
                args.putIfAbsent("ratio", metrics.ratio());
                args.putIfAbsent("pValue", metrics.pValue());
            }
            String message = messages.format(info, args);
            emit(kcontext, new Finding(info.id(), info.category(), info.severity(), familyId, group,
                    evidence, message, metrics));
        }
    }
}
