package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.DISTRICT;
import static org.familyengagement.rules.pack.PackFixtures.ENGINE;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.STAFF;
import static org.familyengagement.rules.pack.PackFixtures.at;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/**
 * The report's coverage (RULES.md, "Coverage"): shares of what the rules read that was recorded,
 * defaults never counted, and the rules that did not judge with the reason.
 */
class CoverageTest {
    private static final Family WITH_STUDENT = new Family(F1, List.of(new Student("s-1", "3", null)), List.of(),
            Preference.of(List.of("es"), List.of(Channel.SMS)), Map.of());

    private static Contact.Builder outbound(String id, String local) {
        return Contact.builder(id, F1, at(local), Direction.OUTBOUND, Channel.PHONE);
    }

    private static Dataset dataset(District district, Contact.Builder... contacts) {
        return Dataset.builder(district).staff(STAFF).families(WITH_STUDENT, Family.of("f-2", null))
                .contacts(PackFixtures.build(contacts)).build();
    }

    @Test
    void aDefaultIsNeverCountedAsRecorded() {
        Report report = ENGINE.evaluate(dataset(DISTRICT,
                outbound("k-1", "2026-11-16T10:00").tone(Tone.POSITIVE).language("es").delivered(true)
                        .topic(Topic.PROGRESS),
                outbound("k-2", "2026-11-17T10:00"),                     // nothing recorded: all defaults
                outbound("k-3", "2026-11-18T10:00").delivered(false).language("es"),
                Contact.builder("k-4", F1, at("2026-11-18T11:00"), Direction.INBOUND, Channel.SMS)), AS_OF);

        Coverage coverage = report.coverage();
        // Delivered outbound two-way: k-1 and k-2 (k-3 failed, k-4 is inbound).
        assertThat(coverage.share("tone")).isEqualTo(new Coverage.Share("tone", "deliveredOutboundTwoWayContacts", 1, 2));
        assertThat(coverage.share("topic")).isEqualTo(new Coverage.Share("topic", "deliveredOutboundTwoWayContacts", 1, 2));
        // Outbound, delivered or not: k-1, k-2, k-3.
        assertThat(coverage.share("language")).isEqualTo(new Coverage.Share("language", "outboundContacts", 2, 3));
        assertThat(coverage.share("delivery")).isEqualTo(new Coverage.Share("delivery", "outboundContacts", 2, 3));
        assertThat(coverage.share("languages")).isEqualTo(new Coverage.Share("languages", "families", 1, 2));
        assertThat(coverage.share("channels")).isEqualTo(new Coverage.Share("channels", "families", 1, 2));
        assertThat(coverage.share("reachable")).isEqualTo(new Coverage.Share("reachable", "families", 0, 2));
    }

    @Test
    void rulesThatDidNotJudgeSayWhy() {
        Report report = ENGINE.evaluate(dataset(DISTRICT,
                outbound("k-1", "2026-11-16T10:00").delivered(true),
                outbound("k-2", "2026-11-17T10:00").delivered(true).topic(Topic.ATTENDANCE),
                outbound("k-3", "2026-11-18T10:00").delivered(true)), AS_OF);

        assertThat(report.coverage().notJudged()).containsExactly(
                new Coverage.NotJudged("early-conference-missing",
                        "The district has no schoolYearStart, so the early-conference deadline is unknown."),
                new Coverage.NotJudged("no-progress-contact", "Only 1 of 3 delivered outbound personal contacts of"
                        + " the last 42 days record a topic (33%); the rule judges from 50%."));
        assertThat(report.findingsOf("no-progress-contact")).isEmpty();
    }

    @Test
    void aRuleThatJudgesOrIsDisabledIsNotListed() {
        District started = DISTRICT.toBuilder().schoolYearStart(LocalDate.of(2026, 8, 17)).build();
        Dataset data = dataset(started, outbound("k-1", "2026-11-16T10:00").delivered(true).topic(Topic.EVENT));

        assertThat(ENGINE.evaluate(data, AS_OF).coverage().notJudged()).isEmpty();
        assertThat(ENGINE.evaluate(data, AS_OF).findingsOf("no-progress-contact")).hasSize(1);
        assertThat(RuleEngine.builder().disable("no-progress-contact", "early-conference-missing").build()
                .evaluate(dataset(DISTRICT), AS_OF).coverage().notJudged()).isEmpty();
    }

    @Test
    void beforeTheFortiethSchoolDayIsOverTheReasonNamesIt() {
        District started = DISTRICT.toBuilder().schoolYearStart(LocalDate.of(2026, 8, 17)).build();

        assertThat(ENGINE.evaluate(dataset(started), at("2026-10-09T12:00")).coverage().notJudged())
                .contains(new Coverage.NotJudged("early-conference-missing",
                        "School day 40 of the year (2026-10-09) is not over yet."));
    }

    @Test
    void theReasonsAreInTheEnginesLanguage() {
        Report report = RuleEngine.builder().locale(Locale.forLanguageTag("es")).build()
                .evaluate(dataset(DISTRICT), AS_OF);

        assertThat(report.coverage().notJudged()).extracting(Coverage.NotJudged::reason)
                .contains("El distrito no tiene schoolYearStart, así que no se conoce el plazo de la primera conferencia.");
    }
}
