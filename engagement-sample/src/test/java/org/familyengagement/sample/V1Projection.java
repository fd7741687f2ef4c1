package org.familyengagement.sample;

import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;

/**
 * A dataset as a schema-version-1 document can carry it (FACT-MODEL.md): no schools, school year
 * start, caregiver preferences or restrictions, meetings, and on contacts no caregiver, school,
 * broadcast, topic or delivery status; {@code interpretation} only as v1's {@code interpreted}
 * (which reads back as {@code QUALIFIED}).
 */
final class V1Projection {
    private V1Projection() {
    }

    static Dataset of(Dataset dataset) {
        District d = dataset.district();
        District district = new District(d.id(), d.name(), d.timeZone(), d.defaultLanguage(), d.weekend(), d.holidays());
        List<Family> families = new ArrayList<>();
        for (Family family : dataset.families()) {
            List<Caregiver> caregivers = new ArrayList<>();
            for (Caregiver caregiver : family.caregivers()) {
                caregivers.add(new Caregiver(caregiver.id(), caregiver.relationship()));
            }
            families.add(new Family(family.id(), family.students(), caregivers, family.preference(), family.groups()));
        }
        List<Contact> contacts = new ArrayList<>();
        for (Contact c : dataset.contacts()) {
            Interpretation interpreted = c.interpretation() == Interpretation.NONE
                    ? Interpretation.NONE : Interpretation.QUALIFIED;
            contacts.add(new Contact(c.id(), c.familyId(), c.studentId(), c.staffId(), null, null, null, c.at(),
                    c.direction(), c.channel(), c.mode(), c.tone(), null, c.language(), interpreted, null,
                    c.delivered(), c.awaitsReply(), c.replyTo(), c.recorded()));
        }
        return Dataset.of(district, dataset.staff(), families, contacts, dataset.commitments());
    }
}
