package org.familyengagement.testkit;

import org.familyengagement.model.District;

/**
 * A fact being described by a test, built into a model object when needed. Specs can be passed to
 * {@link GivenStep#given(Object...)} unbuilt; {@link #build()} is called for them.
 *
 * @param <T> the model type it builds
 */
public interface FactSpec<T> {
    /** The model object, validated by its own constructor. */
    T build();

    /**
     * The district whose local times this spec was described in: {@code Facts.in(district)}'s, or
     * {@code null} for {@link Facts#defaults()}. {@code given(...)} judges in that district, holidays
     * and all, so a test "in" a district need not pass it again.
     */
    default District district() {
        return null;
    }
}
