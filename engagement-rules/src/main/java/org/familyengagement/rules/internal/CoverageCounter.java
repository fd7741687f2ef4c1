package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Preference;
import org.familyengagement.report.Coverage;
import org.familyengagement.rules.drl.EvaluationContext;
import org.familyengagement.rules.drl.FamilyHistory;
import org.familyengagement.rules.drl.TopicCoverage;

/**
 * The coverage of RULES.md ("Coverage"), counted from the families' histories: what share of what
 * the rules read was recorded (a default filled in by the reader never counts: see
 * {@code Contact.Recorded}), and which of the engine's rules did not judge, and why. The counts are
 * kept with the other district tallies ({@link DistrictTallies}), by each family's difference in a
 * live session, so reading a live session's findings costs no pass over the data.
 */
final class CoverageCounter {
    static final String DELIVERED_OUTBOUND_TWO_WAY = "deliveredOutboundTwoWayContacts";
    static final String OUTBOUND_CONTACTS = "outboundContacts";
    static final String FAMILIES = "families";

    private CoverageCounter() {
    }

    static final int TWO_WAY = 0;
    static final int TONE = 1;
    static final int TOPIC = 2;
    static final int OUTBOUND = 3;
    static final int LANGUAGE = 4;
    static final int DELIVERY = 5;
    static final int FAMILY_COUNT = 6;
    static final int LANGUAGES = 7;
    static final int CHANNELS = 8;
    static final int REACHABLE = 9;
    static final int COUNTS = 10;

    /** Adds ({@code sign} 1) or subtracts (-1) what one family's history counts. */
    static void add(FamilyHistory history, int[] counts, int sign) {
        for (Contact contact : history.windowContacts()) {
            if (!contact.isOutbound()) {
                continue;
            }
            counts[OUTBOUND] += sign;
            counts[LANGUAGE] += contact.recorded().language() ? sign : 0;
            counts[DELIVERY] += contact.recorded().delivery() ? sign : 0;
            if (contact.delivered() && contact.isTwoWay()) {
                counts[TWO_WAY] += sign;
                counts[TONE] += contact.recorded().tone() ? sign : 0;
                counts[TOPIC] += contact.topic() != null ? sign : 0;
            }
        }
        Preference preference = history.family().preference();
        counts[FAMILY_COUNT] += sign;
        if (preference != null) {
            counts[LANGUAGES] += preference.languages().isEmpty() ? 0 : sign;
            counts[CHANNELS] += preference.channels().isEmpty() ? 0 : sign;
            counts[REACHABLE] += preference.reachable().isEmpty() ? 0 : sign;
        }
    }

    /**
     * @param counts  what {@link #add} counted over every family
     * @param ruleIds the rules the engine runs
     * @param topics  the district's topic coverage ({@code no-progress-contact})
     */
    static Coverage count(int[] counts, EvaluationContext context, Set<String> ruleIds, TopicCoverage topics,
                          Messages messages) {
        List<Coverage.Share> shares = List.of(
                new Coverage.Share("tone", DELIVERED_OUTBOUND_TWO_WAY, counts[TONE], counts[TWO_WAY]),
                new Coverage.Share("topic", DELIVERED_OUTBOUND_TWO_WAY, counts[TOPIC], counts[TWO_WAY]),
                new Coverage.Share("language", OUTBOUND_CONTACTS, counts[LANGUAGE], counts[OUTBOUND]),
                new Coverage.Share("delivery", OUTBOUND_CONTACTS, counts[DELIVERY], counts[OUTBOUND]),
                new Coverage.Share("languages", FAMILIES, counts[LANGUAGES], counts[FAMILY_COUNT]),
                new Coverage.Share("channels", FAMILIES, counts[CHANNELS], counts[FAMILY_COUNT]),
                new Coverage.Share("reachable", FAMILIES, counts[REACHABLE], counts[FAMILY_COUNT]));
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
        rules.sort(Comparator.comparing(Coverage.NotJudged::ruleId));
        return rules;
    }
}
