package org.familyengagement.testkit;

/**
 * A fact being described by a test, built into a model object when needed. Specs can be passed to
 * {@link GivenStep#given(Object...)} unbuilt; {@link #build()} is called for them.
 *
 * @param <T> the model type it builds
 */
public interface FactSpec<T> {
    /** The model object, validated by its own constructor. */
    T build();
}
