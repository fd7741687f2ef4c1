package org.familyengagement.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Staff;
import org.familyengagement.rules.RuleEngine;

/**
 * The facts of a verification. Immutable: each call returns a new step.
 */
public final class GivenStep {
    private final RuleEngine engine;
    private final String ruleId;

    GivenStep(RuleEngine engine, String ruleId) {
        this.engine = engine;
        this.ruleId = ruleId;
    }

    /**
     * The facts: at most one {@link District} (default: the district of the specs made by
     * {@code Facts.in(district)}, else {@link Facts#DEFAULT_DISTRICT}, America/Chicago; a District
     * given overrides the specs' own, holidays and all, when it has their time zone),
     * {@link Family}, {@link Staff}, {@link Contact}, {@link Commitment}, {@link Meeting}, or their {@link FactSpec}s
     * (built here); collections and arrays of these are flattened. Any other object is an extra
     * fact for custom rules.
     *
     * @throws IllegalArgumentException when the facts do not make a valid dataset, listing every problem
     */
    public AsOfStep given(Object... facts) {
        Objects.requireNonNull(facts, "facts must not be null");
        List<Object> flat = new ArrayList<>();
        List<District> described = new ArrayList<>();
        flatten(facts, flat, described);
        District district = null;
        List<Family> families = new ArrayList<>();
        List<Staff> staff = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Commitment> commitments = new ArrayList<>();
        List<Meeting> meetings = new ArrayList<>();
        List<Object> extra = new ArrayList<>();
        for (Object fact : flat) {
            if (fact instanceof District d) {
                if (district != null && !district.equals(d)) {
                    throw new IllegalArgumentException("given(...) has two districts: " + district.id() + " and "
                            + d.id() + ". A verification judges one district.");
                }
                district = d;
            } else if (fact instanceof Family f) {
                families.add(f);
            } else if (fact instanceof Staff s) {
                staff.add(s);
            } else if (fact instanceof Contact c) {
                contacts.add(c);
            } else if (fact instanceof Commitment m) {
                commitments.add(m);
            } else if (fact instanceof Meeting m) {
                meetings.add(m);
            } else if (fact instanceof Dataset) {
                throw new IllegalArgumentException("given(...) received a Dataset. Use givenDataset(dataset, extraFacts...).");
            } else {
                extra.add(fact);
            }
        }
        District actual = district != null ? district : describedDistrict(described);
        for (District d : described) {
            if (!d.timeZone().equals(actual.timeZone())) {
                throw new IllegalArgumentException("given(...) judges in district " + actual.id() + " ("
                        + actual.timeZone() + "), but some facts were described in " + d.id() + " (" + d.timeZone()
                        + "): their local times would mean other instants. Describe them with Facts.in(...) of"
                        + " the district you give.");
            }
        }
        Dataset dataset;
        try {
            dataset = Dataset.of(actual, staff, families, contacts, commitments, meetings);
        } catch (InvalidDatasetException e) {
            throw new IllegalArgumentException("The facts given to " + Explain.scope(ruleId)
                    + " do not make a valid dataset (pointers count facts of each kind in given order):"
                    + System.lineSeparator() + e.getMessage() + System.lineSeparator()
                    + "Maybe a family, staff member or replied-to contact is missing from given(...)?", e);
        }
        return new AsOfStep(engine, ruleId, dataset, List.copyOf(extra));
    }

    /** A whole dataset (read from a file, or the sample district), with extra facts for custom rules. */
    public AsOfStep givenDataset(Dataset dataset, Object... extraFacts) {
        Objects.requireNonNull(dataset, "dataset must not be null");
        Objects.requireNonNull(extraFacts, "extraFacts must not be null");
        List<Object> extra = new ArrayList<>();
        flatten(extraFacts, extra, new ArrayList<>());
        return new AsOfStep(engine, ruleId, dataset, List.copyOf(extra));
    }

    /**
     * The district of specs made by {@code Facts.in(district)} when no District is given: it must be
     * one; none means the default district.
     */
    private static District describedDistrict(List<District> described) {
        District found = null;
        for (District d : described) {
            if (found != null && !found.equals(d)) {
                throw new IllegalArgumentException("given(...) has two districts: " + found.id() + " and " + d.id()
                        + " (the districts of Facts.in(...) that made its specs). A verification judges one district;"
                        + " give the District to judge in.");
            }
            found = d;
        }
        return found != null ? found : Facts.DEFAULT_DISTRICT;
    }

    /** Flattens facts into {@code into}, building specs; the districts specs were described in go to {@code districts}. */
    private static void flatten(Object[] facts, List<Object> into, List<District> districts) {
        for (int i = 0; i < facts.length; i++) {
            Object fact = facts[i];
            if (fact == null) {
                throw new NullPointerException("fact " + i + " of given(...) is null");
            }
            if (fact instanceof FactSpec<?> spec) {
                into.add(spec.build());
                if (spec.district() != null) {
                    districts.add(spec.district());
                }
            } else if (fact instanceof Iterable<?> many) {
                List<Object> items = new ArrayList<>();
                many.forEach(items::add);
                flatten(items.toArray(), into, districts);
            } else if (fact instanceof Object[] many) {
                flatten(many, into, districts);
            } else {
                into.add(fact);
            }
        }
    }
}
