package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.DISTRICT;
import static org.familyengagement.rules.pack.PackFixtures.ENGINE;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.STAFF;
import static org.familyengagement.rules.pack.PackFixtures.at;
import static org.familyengagement.rules.pack.PackFixtures.build;
import static org.familyengagement.rules.pack.PackFixtures.commitment;
import static org.familyengagement.rules.pack.PackFixtures.outbound;
import static org.familyengagement.rules.pack.PackFixtures.question;
import static org.familyengagement.rules.pack.PackFixtures.spanishBySms;

import java.util.List;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Student;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.junit.jupiter.api.Test;

/**
 * Every finding carries the schools and staff its evidence names (RULES.md v2): a contact's own
 * {@code schoolId}, else its student's school, and its {@code staffId}; a commitment's
 * {@code staffId}. The engine attributes them, batch and live alike; no rule does it.
 */
class FindingAttributionTest {
    /** f-1 with two students at two schools. */
    private static final Family TWO_SCHOOLS = new Family(F1,
            List.of(new Student("s-1", "3", "sch-1"), new Student("s-2", "7", "sch-2")), List.of(), spanishBySms(),
            Map.of());

    private static Dataset dataset(Contact.Builder... contacts) {
        return Dataset.builder(DISTRICT).staff(STAFF).families(TWO_SCHOOLS).contacts(build(contacts))
                .commitments(commitment("m-1", "t-2", "2026-11-10T09:00", "2026-11-12T17:00")).build();
    }

    private static Contact.Builder[] contacts() {
        return new Contact.Builder[] {
                // About s-1: no school of its own, so the student's school; received by t-1.
                question("k-1", "2026-11-13T14:00").studentId("s-1").staffId("t-1"),
                // Its own school wins over its student's.
                question("k-2", "2026-11-16T09:00").studentId("s-1").schoolId("sch-2"),
                // Neither school nor student nor staff: names nobody.
                question("k-3", "2026-11-16T10:00"),
        };
    }

    private static Finding unanswered(Report report, String input) {
        return report.findingsOf("unanswered-input").stream().filter(f -> f.evidence().equals(List.of(input)))
                .findFirst().orElseThrow();
    }

    @Test
    void aContactNamesItsStudentsSchoolAndItsStaffMember() {
        Report report = ENGINE.evaluate(dataset(contacts()), AS_OF);

        Finding k1 = unanswered(report, "k-1");
        assertThat(k1.schoolIds()).containsExactly("sch-1");
        assertThat(k1.staffIds()).containsExactly("t-1");
        Finding k2 = unanswered(report, "k-2");
        assertThat(k2.schoolIds()).containsExactly("sch-2");
        assertThat(k2.staffIds()).isEmpty();
        Finding k3 = unanswered(report, "k-3");
        assertThat(k3.schoolIds()).isEmpty();
        assertThat(k3.staffIds()).isEmpty();
    }

    @Test
    void aCommitmentNamesItsStaffMemberAndALateFulfilmentAddsItsOwn() {
        Contact.Builder late = outbound(F1, "k-9", "2026-11-13T10:00", Channel.PHONE).staffId("t-2")
                .studentId("s-2");
        Report report = ENGINE.evaluate(dataset(late), AS_OF);

        Finding broken = report.findingsOf("broken-commitment").get(0);
        assertThat(broken.evidence()).containsExactly("m-1", "k-9");
        assertThat(broken.schoolIds()).containsExactly("sch-2");
        assertThat(broken.staffIds()).containsExactly("t-2");
    }

    @Test
    void aFamilyFindingWithoutEvidenceNamesNobody() {
        Report report = ENGINE.evaluate(Dataset.builder(DISTRICT).families(
                new Family(F1, List.of(new Student("s-1", "3", "sch-1")), List.of(), null, Map.of())).build(), AS_OF);

        Finding unrecorded = report.findingsOf("preference-unrecorded").get(0);
        assertThat(unrecorded.schoolIds()).isEmpty();
        assertThat(unrecorded.staffIds()).isEmpty();
    }

    @Test
    void aLiveSessionAttributesAsBatchDoesAndFollowsACorrection() {
        Dataset dataset = dataset(contacts());
        try (LiveSession live = ENGINE.openSession(dataset, AS_OF)) {
            assertThat(live.findings().findings()).isEqualTo(ENGINE.evaluate(dataset, AS_OF).findings());

            live.correctContact(dataset.contact("k-1").orElseThrow().toBuilder().studentId("s-2").build());

            Finding k1 = unanswered(live.findings(), "k-1");
            assertThat(k1.schoolIds()).containsExactly("sch-2");
            assertThat(k1.id()).isEqualTo(unanswered(ENGINE.evaluate(dataset, AS_OF), "k-1").id());
        }
    }
}
