package org.familyengagement.testkit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;

/** Writes the parts of a failure message: findings and the facts behind them. */
final class Explain {
    /** Facts lines beyond this are summarised: a message should stay readable. */
    static final int MAX_FACT_LINES = 60;

    private static final String NL = System.lineSeparator();

    private Explain() {
    }

    /** {@code rule "unanswered-input"} or {@code any rule}. */
    static String scope(String ruleId) {
        return ruleId == null ? "any rule" : "rule \"" + ruleId + "\"";
    }

    static String finding(Finding finding) {
        StringBuilder text = new StringBuilder(finding.ruleId()).append("  ");
        if (finding.familyId() != null) {
            text.append("family ").append(finding.familyId());
        } else {
            text.append("group ").append(finding.group().dimension()).append('=').append(finding.group().label());
        }
        text.append("  ").append(finding.severity());
        if (!finding.evidence().isEmpty()) {
            text.append("  evidence ").append(finding.evidence());
        }
        return text.append("  \"").append(finding.message()).append('"').toString();
    }

    /** The findings block: every finding in scope, or "(none)". */
    static String findings(String ruleId, List<Finding> findings, Instant asOf, ZoneId zone) {
        StringBuilder text = new StringBuilder("Findings of ").append(scope(ruleId).replace("any rule", "all rules"))
                .append(" as of ").append(Times.local(asOf, zone)).append(':');
        if (findings.isEmpty()) {
            text.append(NL).append("  (none)");
        }
        for (Finding finding : findings) {
            text.append(NL).append("  - ").append(finding(finding));
        }
        return text.toString();
    }

    /**
     * The facts block. With a small dataset every family is shown; with a large one only the
     * families in {@code focus} (those asserted on and those flagged).
     */
    static String facts(Dataset dataset, Set<String> focus, Collection<?> extraFacts, Policy policy) {
        ZoneId zone = dataset.district().timeZone();
        boolean all = focus.isEmpty() || dataset.families().size() <= 10;
        List<String> lines = new ArrayList<>();
        for (Family family : dataset.families()) {
            if (!all && !focus.contains(family.id())) {
                continue;
            }
            lines.add(family(family));
            for (Contact contact : dataset.contactsOf(family.id())) {
                lines.add("  " + contact(contact, zone));
            }
            for (Commitment commitment : dataset.commitmentsOf(family.id())) {
                lines.add("  " + commitment(commitment, zone));
            }
        }
        for (Object fact : extraFacts) {
            lines.add("extra fact " + fact);
        }
        int hiddenFamilies = all ? 0 : (int) dataset.families().stream().filter(f -> !focus.contains(f.id())).count();
        StringBuilder text = new StringBuilder("Facts (district ").append(dataset.district().id()).append(", ")
                .append(zone).append(", holidays ").append(dataset.district().holidays()).append("; policy lookback ")
                .append(days(policy.lookback())).append(", responseSchoolDays ").append(policy.responseSchoolDays())
                .append("):");
        if (lines.isEmpty()) {
            text.append(NL).append("  (none)");
        }
        for (int i = 0; i < lines.size() && i < MAX_FACT_LINES; i++) {
            text.append(NL).append("  ").append(lines.get(i));
        }
        if (lines.size() > MAX_FACT_LINES) {
            text.append(NL).append("  ... ").append(lines.size() - MAX_FACT_LINES).append(" more lines not shown");
        }
        if (hiddenFamilies > 0) {
            text.append(NL).append("  (").append(hiddenFamilies).append(" other families not shown)");
        }
        return text.toString();
    }

    /** {@code P30D} rather than {@code PT720H}: the way policy documents write it. */
    private static String days(java.time.Duration duration) {
        return duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0
                && duration.toNanosPart() == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    static String family(Family family) {
        StringBuilder text = new StringBuilder("family ").append(family.id());
        Preference preference = family.preference();
        if (preference == null) {
            text.append("  no preference");
        } else {
            text.append("  languages ").append(preference.languages()).append("  channels ")
                    .append(preference.channels());
            if (!preference.optOut().isEmpty()) {
                text.append("  optOut ").append(preference.optOut());
            }
            if (!preference.reachable().isEmpty()) {
                text.append("  reachable ");
                preference.reachable().forEach(w -> text.append(w.days()).append(' ').append(w.from()).append('-')
                        .append(w.to()).append(' '));
            }
        }
        if (!family.groups().isEmpty()) {
            text.append("  groups ").append(family.groups());
        }
        return text.toString();
    }

    static String contact(Contact contact, ZoneId zone) {
        StringBuilder text = new StringBuilder("contact ").append(contact.id()).append("  ")
                .append(contact.direction()).append(' ').append(contact.channel()).append(' ').append(contact.mode())
                .append(' ').append(contact.tone()).append(' ').append(contact.language())
                .append("  at ").append(Times.local(contact.at(), zone));
        if (contact.isOutbound() && !contact.delivered()) {
            text.append("  NOT delivered");
        }
        if (contact.awaitsReply()) {
            text.append("  awaitsReply");
        }
        if (contact.replyTo() != null) {
            text.append("  replyTo ").append(contact.replyTo());
        }
        if (contact.interpretation() != Interpretation.NONE) {
            text.append("  interpreted ").append(contact.interpretation());
        }
        if (contact.staffId() != null) {
            text.append("  staff ").append(contact.staffId());
        }
        return text.toString();
    }

    static String commitment(Commitment commitment, ZoneId zone) {
        StringBuilder text = new StringBuilder("commitment ").append(commitment.id()).append("  made ")
                .append(Times.local(commitment.madeAt(), zone)).append("  due ")
                .append(Times.local(commitment.dueBy(), zone));
        if (commitment.staffId() != null) {
            text.append("  by ").append(commitment.staffId());
        }
        text.append(commitment.fulfilledBy() == null ? "  not marked fulfilled"
                : "  fulfilledBy " + commitment.fulfilledBy());
        return text.toString();
    }
}
