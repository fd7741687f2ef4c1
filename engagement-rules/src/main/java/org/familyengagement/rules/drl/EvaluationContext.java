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
    private final Instant progressPeriodStart;
    private final LocalDate earlyConferenceDeadline;
    private final boolean judgesEarlyConference;

    public EvaluationContext(Instant asOf, Policy policy, District district) {
        this.asOf = Objects.requireNonNull(asOf, "asOf must not be null");
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
        this.district = Objects.requireNonNull(district, "district must not be null");
        this.windowStart = asOf.minus(policy.lookback());
        this.calendar = district.calendar();
        this.progressPeriodStart = asOf.minus(policy.progressContact().period());
        this.earlyConferenceDeadline = district.schoolYearStart() == null ? null
                : nthSchoolDayFrom(district.schoolYearStart(), policy.conference().bySchoolDay());
        this.judgesEarlyConference = earlyConferenceDeadline != null
                && !earlyConferenceDeadline.plusDays(1).atStartOfDay(calendar.zone()).toInstant().isAfter(asOf);
    }

    /**
     * The n-th school day on or after {@code start}, {@code start} itself being the first when it is
     * a school day; {@code null} when ten years hold fewer (a calendar with no school days).
     */
    private LocalDate nthSchoolDayFrom(LocalDate start, int n) {
        LocalDate day = start;
        int count = calendar.isSchoolDay(day) ? 1 : 0;
        for (int days = 0; count < n; days++) {
            if (days > 3660) {
                return null;
            }
            day = day.plusDays(1);
            if (calendar.isSchoolDay(day)) {
                count++;
            }
        }
        return day;
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

    /** The exclusive start of the progress period {@code (asOf - progressContact.period, asOf]}. */
    public Instant progressPeriodStart() {
        return progressPeriodStart;
    }

    /**
     * D of {@code early-conference-missing}: the {@code conference.bySchoolDay}-th school day on or
     * after the district's {@code schoolYearStart}; {@code null} without a {@code schoolYearStart}.
     */
    public LocalDate earlyConferenceDeadline() {
        return earlyConferenceDeadline;
    }

    /**
     * True when {@code early-conference-missing} judges: there is a deadline D and its end (the
     * start of the next local day) is at or before {@code asOf}.
     */
    public boolean judgesEarlyConference() {
        return judgesEarlyConference;
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
