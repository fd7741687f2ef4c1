package org.familyengagement.rules.drl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.familyengagement.calendar.SchoolCalendar;
import org.familyengagement.model.District;
import org.familyengagement.policy.Policy;

/**
 * DRL vocabulary: the fact that says when and how an evaluation judges: the instant of judgement
 * ({@code asOf}), the window {@code (windowStart, asOf]}, the policy and the district.
 * Exactly one is in every session; rules bind it to read thresholds:
 * <pre>{@code
 * $ctx : EvaluationContext( $min : policy.deficitOnly.minConcerns )
 * }</pre>
 */
public final class EvaluationContext {
    private final Instant asOf;
    private final Instant windowStart;
    private final Policy policy;
    private final District district;
    private final SchoolCalendar calendar;

    public EvaluationContext(Instant asOf, Policy policy, District district) {
        this.asOf = Objects.requireNonNull(asOf, "asOf must not be null");
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
        this.district = Objects.requireNonNull(district, "district must not be null");
        this.windowStart = asOf.minus(policy.lookback());
        this.calendar = district.calendar();
    }

    /** The instant of judgement. Nothing after it is seen. */
    public Instant asOf() {
        return asOf;
    }

    /** The exclusive start of the window {@code (windowStart, asOf]}: {@code asOf - lookback}. */
    public Instant windowStart() {
        return windowStart;
    }

    public Policy policy() {
        return policy;
    }

    public District district() {
        return district;
    }

    /** The district's school calendar. */
    public SchoolCalendar calendar() {
        return calendar;
    }

    /** True when {@code instant} is in {@code (windowStart, asOf]}. */
    public boolean inWindow(Instant instant) {
        return instant.isAfter(windowStart) && !instant.isAfter(asOf);
    }

    /** The district-local date of an instant, for messages. */
    public LocalDate localDate(Instant instant) {
        return calendar.localDate(instant);
    }

    /** The same context judged at another instant. */
    public EvaluationContext at(Instant newAsOf) {
        return new EvaluationContext(newAsOf, policy, district);
    }
}
