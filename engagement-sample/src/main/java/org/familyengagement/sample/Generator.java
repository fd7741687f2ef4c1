package org.familyengagement.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Tone;
import org.familyengagement.sample.ContactLog.PromiseLog;
import org.familyengagement.sample.ContactLog.Tags;
import org.familyengagement.sample.Population.Household;

import static org.familyengagement.sample.SampleDistrict.DISTRICT_ID;
import static org.familyengagement.sample.SampleDistrict.DISTRICT_NAME;
import static org.familyengagement.sample.SampleDistrict.TIME_ZONE;
import static org.familyengagement.sample.SampleDistrict.digits;
import static org.familyengagement.sample.SampleDistrict.id;

/**
 * One run of {@link SampleDistrict#generate}: the people, the broadcast calendar, every family's
 * contacts from its own random stream, then the dataset with ids given in time order.
 */
final class Generator {
    private final SplittableRandom random;
    private final int familyCount;
    final Semester semester;
    final Tags tags = new Tags();
    Population population;
    /** Parent-teacher conferences fall about 60% of the way through (2-6 Nov 2026). */
    final int conferenceWeek;
    Broadcasts broadcasts;
    final ContactLog log;
    final PromiseLog promises = new PromiseLog();
    /** The tag index of English. */
    final int en;

    Generator(long seed, int familyCount, Semester semester) {
        this.random = new SplittableRandom(seed);
        this.familyCount = familyCount;
        this.semester = semester;
        this.log = new ContactLog(familyCount * 21);
        this.en = tags.index("en");
        this.conferenceWeek = (int) Math.round(semester.weeks() * 0.62);
    }

    Dataset run() {
        population = new Population(random, familyCount, semester);
        broadcasts = new Broadcasts(random, semester, population.schools.size(), conferenceWeek);
        for (Household household : population.households) {
            new FamilyLog(this, household).write();
        }
        return build();
    }

    private Dataset build() {
        List<Household> households = population.households;
        List<String> studentIds = population.studentIds;
        List<Staff> staff = population.staff;
        int size = log.size;
        TimeOrder order = new TimeOrder(log.at, size);
        int width = Math.max(7, digits(size));
        String[] contactIds = new String[size];
        for (int i = 0; i < size; i++) {
            contactIds[i] = id("k-", i + 1, width);
        }
        Instant[] instants = order.instants();
        int[] rank = order.ranks();
        // Every contact states its language, English included: a contact without one would be
        // copied by Dataset.of to fill in the default, which at two million contacts costs
        // more in garbage collection than the tag check it saves.
        String[] languageTags = tags.all();
        Direction[] directions = Direction.values();
        Channel[] channels = Channel.values();
        Mode[] modes = Mode.values();
        Tone[] tones = Tone.values();
        // Walk the columns in order (cache friendly) and drop each contact into its place in time.
        Contact[] contacts = new Contact[size];
        for (int k = 0; k < size; k++) {
            int flags = log.flags[k];
            int student = log.student[k];
            int member = log.staff[k];
            int replyTo = log.replyTo[k];
            Tone tone = tones[(flags >> 6) & 3];
            String language = languageTags[(flags >> 16) & 0xFF];
            boolean delivered = (flags & ContactLog.DELIVERED) != 0;
            Contact.Builder contact = Contact.builder(contactIds[rank[k]], households.get(log.family[k]).id,
                            instants[rank[k]], directions[flags & 1], channels[(flags >> 1) & 7])
                    .studentId(student < 0 ? null : studentIds.get(student))
                    .staffId(member < 0 ? null : staff.get(member).id())
                    .mode(modes[(flags >> 4) & 3])
                    .interpretation((flags & ContactLog.INTERPRETED) != 0 ? Interpretation.QUALIFIED : Interpretation.NONE)
                    .awaitsReply((flags & ContactLog.AWAITS_REPLY) != 0)
                    .replyTo(replyTo < 0 ? null : contactIds[rank[replyTo]]);
            // A field is recorded where the district's log states it: non-default values.
            if (tone != Tone.NEUTRAL) {
                contact.tone(tone);
            }
            if (!language.equals(District.DEFAULT_LANGUAGE)) {
                contact.language(language);
            }
            if (!delivered) {
                contact.delivered(false);
            }
            contacts[rank[k]] = contact.build();
        }
        int[] promiseOrder = new TimeOrder(promises.madeAt, promises.size).positions();
        int promiseWidth = Math.max(6, digits(promiseOrder.length));
        List<Commitment> commitments = new ArrayList<>(promiseOrder.length);
        for (int i = 0; i < promiseOrder.length; i++) {
            int p = promiseOrder[i];
            int member = promises.staff[p];
            int fulfilledBy = promises.fulfilledBy[p];
            commitments.add(new Commitment(id("m-", i + 1, promiseWidth), households.get(promises.family[p]).id,
                    member < 0 ? null : staff.get(member).id(), Instant.ofEpochSecond(promises.madeAt[p]),
                    Instant.ofEpochSecond(promises.dueBy[p]),
                    fulfilledBy < 0 ? null : contactIds[rank[fulfilledBy]]));
        }
        List<Family> families = new ArrayList<>(households.size());
        for (Household h : households) {
            families.add(h.family);
        }
        District district = new District(DISTRICT_ID, DISTRICT_NAME, TIME_ZONE, District.DEFAULT_LANGUAGE,
                District.DEFAULT_WEEKEND, semester.holidays);
        return Dataset.of(district, staff, families, Arrays.asList(contacts), commitments);
    }
}
