package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.EvaluationCounts;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** The Java of docs/embedding.md: building a dataset, batch evaluation, live sessions. */
class EmbeddingSnippets {
    private static final RuleEngine ENGINE = RuleEngine.builder().build();

    static Dataset buildDataset() {
        // tag::build-dataset[]
        District district = District.builder("d-1", ZoneId.of("America/Chicago"))
                .holidays(Set.of(LocalDate.parse("2026-11-26")))
                .build();
        Family family = Family.builder("f-1")
                .student(new Student("s-1", "3", "sch-1"))
                .preference(Preference.builder().languages("so", "en").channels(Channel.SMS).interpreter(true).build())
                .group("homeLanguage", "so")
                .build();
        Contact question = Contact.builder("k-1", "f-1", Instant.parse("2026-11-13T20:00:00Z"),
                        Direction.INBOUND, Channel.SMS)
                .studentId("s-1")
                .build();
        Contact reply = Contact.builder("k-2", "f-1", Instant.parse("2026-11-16T15:00:00Z"),
                        Direction.OUTBOUND, Channel.PHONE)
                .staffId("t-1").language("so").replyTo("k-1")
                .build();
        Dataset dataset = Dataset.builder(district)                      // checks every reference when built
                .staff(Staff.of("t-1", StaffRole.TEACHER, "en", "so"))
                .families(family)
                .contacts(question, reply)
                .build();
        // end::build-dataset[]
        return dataset;
    }

    /** The dataset of build-dataset without the reply: a Friday question nobody answered. */
    static Dataset questionOnly() {
        Dataset full = buildDataset();
        return Dataset.builder(full.district()).staff(full.staff()).families(full.families())
                .contacts(full.contact("k-1").orElseThrow()).build();
    }

    @Test
    void aDatasetBuiltInJavaIsJudged() {
        Dataset dataset = buildDataset();

        assertThat(dataset.contactsOf("f-1")).extracting(Contact::id).containsExactly("k-1", "k-2");
        assertThat(ENGINE.evaluate(dataset, Instant.parse("2026-11-20T23:00:00Z")).findingsOf("unanswered-input"))
                .as("answered on Monday, in Somali").isEmpty();
    }

    @Test
    void aBrokenReferenceIsAProblemWithItsPointer() {
        District district = District.of("d-1", ZoneId.of("America/Chicago"));
        // tag::invalid[]
        Contact stray = Contact.builder("k-9", "f-99", Instant.parse("2026-11-13T20:00:00Z"),
                Direction.INBOUND, Channel.SMS).build();
        try {
            Dataset.builder(district).contacts(stray).build();
        } catch (InvalidDatasetException e) {
            for (Problem problem : e.problems()) {
                System.err.println(problem);                      // /contacts/0/familyId: no family "f-99"
            }
        }
        // end::invalid[]
        assertThat(catchThrowableOfType(InvalidDatasetException.class,
                () -> Dataset.builder(district).contacts(stray).build()).problems())
                .containsExactly(new Problem("/contacts/0/familyId", "no family \"f-99\""));
    }

    @Test
    void batchEvaluation() {
        Dataset dataset = buildDataset();
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        // tag::batch[]
        RuleEngine engine = RuleEngine.builder().build();        // once, at start-up: immutable, thread-safe
        Report report = engine.evaluate(dataset, asOf);          // any thread, any time
        // end::batch[]
        assertThat(report).isEqualTo(ENGINE.evaluate(dataset, asOf));
    }

    @Test
    void judgingInPartitions() {
        Dataset dataset = buildDataset();
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        RuleEngine engine = ENGINE;
        List<Family> families = dataset.families();
        List<Dataset> partitions = List.of(dataset.partition(families.subList(0, families.size() / 2)),
                dataset.partition(families.subList(families.size() / 2, families.size())));
        // tag::partitions[]
        EvaluationCounts whole = null;
        for (Dataset partition : partitions) {                   // on any machine: counts are serializable
            EvaluationCounts counts = engine.count(partition, asOf);
            whole = whole == null ? counts : whole.plus(counts);
        }
        List<Finding> findings = new ArrayList<>();
        for (Dataset partition : partitions) {                   // each against the whole dataset's counts
            findings.addAll(engine.judge(partition, whole));
        }
        Report report = engine.report(dataset.district(), whole, findings);   // equals evaluate(dataset, asOf)
        // end::partitions[]
        assertThat(report).isEqualTo(engine.evaluate(dataset, asOf));
    }

    @Test
    void liveSession() {
        Dataset dataset = buildDataset();
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        Instant nextMorning = Instant.parse("2026-11-23T14:00:00Z");
        RuleEngine engine = ENGINE;
        Contact reply = dataset.contact("k-2").orElseThrow();
        Contact call = Contact.builder("k-3", "f-1", Instant.parse("2026-11-19T22:00:00Z"), Direction.OUTBOUND,
                Channel.PHONE).language("so").build();
        LiveSession.Changes changes;
        List<Finding> forFamily;
        Report all;
        // tag::live[]
        try (LiveSession live = engine.openSession(dataset, asOf)) {
            live.addContact(call);                                     // re-judges that family only
            live.correctContact(reply.toBuilder().delivered(false).build());   // same id, corrected
            changes = live.changes();                                  // findings added and removed since
            forFamily = live.findingsFor("f-1");
            live.advanceTo(nextMorning);                               // re-judges everyone
            all = live.findings();
        }
        // end::live[]
        assertThat(changes.added()).extracting(Finding::ruleId).contains("unanswered-input");
        assertThat(forFamily).extracting(Finding::ruleId).contains("unanswered-input");
        assertThat(all.asOf()).isEqualTo(nextMorning);
    }
}
