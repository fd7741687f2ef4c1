/**
 * Embedder API: the typed exceptions of bad input, each carrying every
 * {@link org.familyengagement.errors.Problem} with its JSON pointer.
 */
package org.familyengagement.errors;
