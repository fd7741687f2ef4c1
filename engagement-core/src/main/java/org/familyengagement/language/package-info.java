/**
 * Embedder API and DRL vocabulary: whether a contact's language matches a family's
 * ({@link org.familyengagement.language.LanguageMatch}, ICU4J) and BCP 47 tags.
 */
package org.familyengagement.language;
