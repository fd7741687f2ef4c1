package org.familyengagement.model;

/**
 * What a finding can cite as its evidence: a contact, a commitment or a meeting, each named by
 * its id. Sealed, so a rule's evidence can only ever be one of them.
 */
public sealed interface Evidence permits Contact, Commitment, Meeting {
    /** The id, unique within its collection. */
    String id();
}
