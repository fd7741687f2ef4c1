package org.familyengagement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.report.LabelRate;
import org.familyengagement.report.Report;
import org.junit.jupiter.api.Test;

/** The report's equity table: every eligible label, flagged or not; small labels never. */
class EquityTableTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    @Test
    void everyEligibleLabelHasARowAgainstItsReferenceAndSmallLabelsNone() {
        List<Family> families = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        // 12 "en" families, 10 reached; 10 "es", 9 reached; 9 "so" (one short of the minimum), none reached.
        addFamilies(families, contacts, "en", 12, 10);
        addFamilies(families, contacts, "es", 10, 9);
        addFamilies(families, contacts, "so", 9, 0);
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("America/Chicago")), List.of(), families, contacts,
                List.of());

        Report report = RuleEngine.builder().build().evaluate(dataset, AS_OF);

        List<LabelRate> reach = report.rates().stream()
                .filter(r -> r.ruleId().equals(RuleIds.GROUP_REACH_DISPARITY)).toList();
        assertThat(reach).extracting(r -> r.group().label()).containsExactly("en", "es");
        assertThat(reach).allSatisfy(r -> {
            assertThat(r.referenceLabel()).isEqualTo("es");
            assertThat(r.referenceRate()).isEqualTo(0.9);
        });
        assertThat(reach.get(0).successes()).isEqualTo(10);
        assertThat(reach.get(0).n()).isEqualTo(12);
        assertThat(reach.get(1).isReference()).isTrue();
        assertThat(report.rates()).noneMatch(r -> r.group().label().equals("so"));
        // Nobody asked a question: the response rule has rows for no label.
        assertThat(report.rates()).noneMatch(r -> r.ruleId().equals(RuleIds.GROUP_RESPONSE_DISPARITY)
                && r.n() > 0 && r.group().label().equals("so"));
        // A live session's report has the same table.
        try (LiveSession live = RuleEngine.builder().build().openSession(dataset, AS_OF)) {
            assertThat(live.findings().rates()).isEqualTo(report.rates());
        }
    }

    private static void addFamilies(List<Family> families, List<Contact> contacts, String label, int count,
                                    int reached) {
        for (int i = 0; i < count; i++) {
            String id = "f-" + label + "-" + i;
            families.add(new Family(id, List.of(), List.of(), Preference.of(List.of("en"), List.of(Channel.SMS)),
                    Map.of("homeLanguage", label)));
            if (i < reached) {
                contacts.add(Contact.builder("k-" + id, id, AS_OF.minusSeconds(86_400), Direction.OUTBOUND,
                        Channel.PHONE).mode(Mode.PERSONAL).build());
            }
        }
    }
}
