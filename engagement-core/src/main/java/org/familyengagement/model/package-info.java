/**
 * Embedder API: the fact model. Family, preference, contact, commitment, meeting, staff and
 * district as validated records with builders, and {@link org.familyengagement.model.Dataset},
 * which checks every cross-reference. Ids and classifications only: no names, no contact
 * details, nothing a family wrote.
 */
package org.familyengagement.model;
