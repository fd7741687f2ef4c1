package org.familyengagement.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.familyengagement.sample.Broadcasts.Broadcast;
import org.familyengagement.sample.ContactLog.MeetingLog;
import org.familyengagement.sample.ContactLog.PromiseLog;
import org.familyengagement.sample.ContactLog.Tags;
import org.familyengagement.sample.Population.Household;
import org.familyengagement.sample.Population.School;

import static org.familyengagement.sample.SampleDistrict.DISTRICT_ID;
import static org.familyengagement.sample.SampleDistrict.DISTRICT_NAME;
import static org.familyengagement.sample.SampleDistrict.TIME_ZONE;
import static org.familyengagement.sample.SampleDistrict.digits;
import static org.familyengagement.sample.SampleDistrict.id;

/**
 * One run of {@link SampleDistrict#generate}: the people, the broadcast calendar, every family's
 * contacts and meetings from its own random stream, then the dataset with ids given in time order.
 */
final class Generator {
    private final SplittableRandom random;
    private final int familyCount;
    final Semester semester;
    final Tags tags = new Tags();
    final Milestones milestones;
    Population population;
    Broadcasts broadcasts;
    final ContactLog log;
    final MeetingLog meetings = new MeetingLog();
    final PromiseLog promises = new PromiseLog();
    /** The tag index of English. */
    final int en;

    Generator(long seed, int familyCount, Semester semester) {
        this.random = new SplittableRandom(seed);
        this.familyCount = familyCount;
        this.semester = semester;
        this.log = new ContactLog(familyCount * 21);
        this.en = tags.index("en");
        this.milestones = new Milestones(semester);
    }

    Dataset run() {
        population = new Population(random, familyCount, semester);
        broadcasts = new Broadcasts(random, semester, milestones, population.schools.size());
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
        // Every contact carries its language, English included, even where the source did not
        // state it (recorded.language() says which): a contact without one would be copied by
        // Dataset.of to fill in the default, which at two million contacts costs more in garbage
        // collection than the tag check it saves.
        String[] languageTags = tags.all();
        Direction[] directions = Direction.values();
        Channel[] channels = Channel.values();
        Mode[] modes = Mode.values();
        Tone[] tones = Tone.values();
        Topic[] topics = Topic.values();
        Interpretation[] interpretations = Interpretation.values();
        Delivery[] deliveries = Delivery.values();
        List<School> schools = population.schools;
        List<Broadcast> allBroadcasts = broadcasts.all;
        // Walk the columns in order (cache friendly) and drop each contact into its place in time.
        Contact[] contacts = new Contact[size];
        for (int k = 0; k < size; k++) {
            int flags = log.flags[k];
            int detail = log.detail[k];
            int student = log.student[k];
            int member = log.staff[k];
            int replyTo = log.replyTo[k];
            int origin = log.origin[k];
            Household household = households.get(log.family[k]);
            int topic = (detail >> ContactLog.TOPIC_SHIFT) & 0xF;
            int delivery = (detail >> ContactLog.DELIVERY_SHIFT) & 7;
            int caregiver = (detail >> ContactLog.CAREGIVER_SHIFT) & 7;
            Broadcast broadcast = origin > 0 ? allBroadcasts.get(origin - 1) : null;
            String schoolId = broadcast != null ? broadcast.school < 0 ? null : schools.get(broadcast.school).id
                    : origin < 0 ? schools.get(-origin - 1).id : null;
            contacts[rank[k]] = new Contact(contactIds[rank[k]], household.id,
                    student < 0 ? null : studentIds.get(student),
                    member < 0 ? null : staff.get(member).id(),
                    caregiver == 0 ? null : household.family.caregivers().get(caregiver - 1).id(),
                    schoolId,
                    broadcast == null ? null : broadcast.id,
                    instants[rank[k]], directions[flags & 1], channels[(flags >> 1) & 7], modes[(flags >> 4) & 3],
                    tones[(flags >> 6) & 3],
                    topic == 0 ? null : topics[topic - 1],
                    languageTags[(flags >> 16) & 0xFF],
                    interpretations[(detail >> ContactLog.INTERPRETATION_SHIFT) & 7],
                    delivery == 0 ? null : deliveries[delivery - 1],
                    (flags & ContactLog.DELIVERED) != 0,
                    (flags & ContactLog.AWAITS_REPLY) != 0,
                    replyTo < 0 ? null : contactIds[rank[replyTo]],
                    Contact.Recorded.of((detail & ContactLog.TONE_RECORDED) != 0,
                            (detail & ContactLog.LANGUAGE_RECORDED) != 0,
                            (detail & ContactLog.DELIVERY_RECORDED) != 0));
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
        List<org.familyengagement.model.School> schoolRecords = new ArrayList<>(schools.size());
        for (School school : schools) {
            schoolRecords.add(new org.familyengagement.model.School(school.id, school.name));
        }
        District district = new District(DISTRICT_ID, DISTRICT_NAME, TIME_ZONE, District.DEFAULT_LANGUAGE,
                District.DEFAULT_WEEKEND, semester.holidays, semester.first, schoolRecords);
        return Dataset.of(district, staff, families, Arrays.asList(contacts), commitments, meetings(studentIds));
    }

    /** The meetings in time order, with ids in that order ({@code mt-000001}). */
    private List<Meeting> meetings(List<String> studentIds) {
        int[] order = new TimeOrder(meetings.at, meetings.size).positions();
        int width = Math.max(6, digits(order.length));
        MeetingKind[] kinds = MeetingKind.values();
        MeetingStatus[] statuses = MeetingStatus.values();
        Interpretation[] interpretations = Interpretation.values();
        List<Meeting> result = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            int m = order[i];
            Household household = population.households.get(meetings.family[m]);
            int caregiver = meetings.caregiver[m];
            int student = meetings.student[m];
            long[] offered = meetings.offered[m];
            List<Instant> offeredTimes = new ArrayList<>(offered.length);
            for (long time : offered) {
                offeredTimes.add(Instant.ofEpochSecond(time));
            }
            result.add(new Meeting(id("mt-", i + 1, width), household.id,
                    student < 0 ? null : studentIds.get(student),
                    caregiver < 0 ? null : household.family.caregivers().get(caregiver).id(),
                    population.staff.get(meetings.staff[m]).id(),
                    meetings.school[m] < 0 ? null : population.schools.get(meetings.school[m]).id,
                    kinds[meetings.kind[m]],
                    Instant.ofEpochSecond(meetings.at[m]),
                    meetings.status[m] < 0 ? null : statuses[meetings.status[m]], offeredTimes,
                    interpretations[meetings.interpretation[m]], instant(meetings.noticeSentAt[m]),
                    instant(meetings.inputRequestedAt[m]), instant(meetings.inputReceivedAt[m]),
                    instant(meetings.draftSharedAt[m])));
        }
        return result;
    }

    private static Instant instant(long epochSecond) {
        return epochSecond == MeetingLog.NONE ? null : Instant.ofEpochSecond(epochSecond);
    }
}
