package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.report.Coverage;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.familyengagement.rules.drl.TopicCoverage;

/**
 * The coverage of RULES.md ("Coverage"), counted from the families' histories: what share of what
 * the rules read was recorded (a default filled in by the reader never counts: see
 * {@code Contact.Recorded}), and which of the engine's rules did not judge, and why. Batch and live
 * sessions count it here alike.
 */
final class CoverageCounter {
    static final String DELIVERED_OUTBOUND_TWO_WAY = "deliveredOutboundTwoWayContacts";
    static final String OUTBOUND = "outboundContacts";
    static final String FAMILIES = "families";

    private CoverageCounter() {
    }

    /**
     * @param histories every family's history at {@code context}
     * @param ruleIds   the rules the engine runs
     * @param topics    the district's topic coverage ({@code no-progress-contact})
     */
    static Coverage count(Iterable<FamilyHistory> histories, EvaluationContext context, Set<String> ruleIds,
                          TopicCoverage topics, Messages messages) {
        int twoWay = 0;
        int tone = 0;
        int topic = 0;
        int outbound = 0;
        int language = 0;
        int delivery = 0;
        int families = 0;
        int languages = 0;
        int channels = 0;
        int reachable = 0;
        for (FamilyHistory history : histories) {
            for (Contact contact : history.windowContacts()) {
                if (!contact.isOutbound()) {
                    continue;
                }
                outbound++;
                language += contact.recorded().language() ? 1 : 0;
                delivery += contact.recorded().delivery() ? 1 : 0;
                if (contact.delivered() && contact.isTwoWay()) {
                    twoWay++;
                    tone += contact.recorded().tone() ? 1 : 0;
                    topic += contact.topic() != null ? 1 : 0;
                }
            }
            Family family = history.family();
            Preference preference = family.preference();
            families++;
            if (preference != null) {
                languages += preference.languages().isEmpty() ? 0 : 1;
                channels += preference.channels().isEmpty() ? 0 : 1;
                reachable += preference.reachable().isEmpty() ? 0 : 1;
            }
        }
        List<Coverage.Share> shares = List.of(
                new Coverage.Share("tone", DELIVERED_OUTBOUND_TWO_WAY, tone, twoWay),
                new Coverage.Share("topic", DELIVERED_OUTBOUND_TWO_WAY, topic, twoWay),
                new Coverage.Share("language", OUTBOUND, language, outbound),
                new Coverage.Share("delivery", OUTBOUND, delivery, outbound),
                new Coverage.Share("languages", FAMILIES, languages, families),
                new Coverage.Share("channels", FAMILIES, channels, families),
                new Coverage.Share("reachable", FAMILIES, reachable, families));
        return new Coverage(shares, notJudged(context, ruleIds, topics, messages));
    }

    private static List<Coverage.NotJudged> notJudged(EvaluationContext context, Set<String> ruleIds,
                                                      TopicCoverage topics, Messages messages) {
        List<Coverage.NotJudged> rules = new ArrayList<>();
        if (ruleIds.contains(DistrictTallies.PROGRESS_RULE) && !topics.judges()) {
            rules.add(new Coverage.NotJudged(DistrictTallies.PROGRESS_RULE, messages.text("notJudged.topicCoverage",
                    Map.of("recorded", topics.withTopic(), "total", topics.contacts(), "share", topics.share(),
                            "minimum", topics.minimum(),
                            "days", context.policy().progressContact().period().toDays()))));
        }
        String conference = "early-conference-missing";
        if (ruleIds.contains(conference) && !context.judgesEarlyConference()) {
            String reason;
            if (context.district().schoolYearStart() == null) {
                reason = messages.text("notJudged.noSchoolYearStart", Map.of());
            } else if (context.earlyConferenceDeadline() == null) {
                reason = messages.text("notJudged.noSchoolDays", Map.of("day", context.policy().conference().bySchoolDay()));
            } else {
                reason = messages.text("notJudged.deadlineNotOver", Map.of(
                        "day", context.policy().conference().bySchoolDay(),
                        "date", context.earlyConferenceDeadline().toString()));
            }
            rules.add(new Coverage.NotJudged(conference, reason));
        }
        rules.sort(java.util.Comparator.comparing(Coverage.NotJudged::ruleId));
        return rules;
    }
}
