package org.familyengagement.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.familyengagement.model.District;
import org.familyengagement.model.Commitment;

/** A commitment being described: made two days before it is due unless told otherwise. Not thread-safe. */
public final class CommitmentSpec implements FactSpec<Commitment> {
    private final String id;
    private final String familyId;
    private final ZoneId zone;
    private final Instant dueBy;
    private Instant madeAt;
    private String staffId;
    private String fulfilledBy;

    private final District district;

    @Override
    public District district() {
        return district;
    }

    CommitmentSpec(String id, String familyId, Instant dueBy, ZoneId zone, District district) {
        this.district = district;
        this.id = id;
        this.familyId = familyId;
        this.dueBy = dueBy;
        this.zone = zone;
        this.madeAt = dueBy.minus(Duration.ofDays(2));
    }

    /** When it was made, local time. */
    public CommitmentSpec madeAt(String time) {
        this.madeAt = Times.parse(time, zone);
        return this;
    }

    /** Who made it. */
    public CommitmentSpec by(String staffId) {
        this.staffId = staffId;
        return this;
    }

    /** The contact that kept it. */
    public CommitmentSpec fulfilledBy(String contactId) {
        this.fulfilledBy = contactId;
        return this;
    }

    @Override
    public Commitment build() {
        return new Commitment(id, familyId, staffId, madeAt, dueBy, fulfilledBy);
    }
}
