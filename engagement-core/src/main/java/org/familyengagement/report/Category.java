package org.familyengagement.report;

/** The concern a rule belongs to. */
public enum Category {
    /** Input is answered and promises are kept. */
    RESPONSIVENESS,
    /** Families hear about strengths, not only problems. */
    STRENGTHS,
    /** Contact in the family's language, on its channels, at its hours. */
    ACCESS,
    /** Every family is reached, two-way, and not flooded. */
    REACH,
    /** Groups of families are reached and answered alike. */
    EQUITY,
    /** Families share decisions: IEP meetings, conferences, meetings at times they can come. */
    PARTNERSHIP,
    /** The school does not contact a person it must not contact. */
    SAFETY
}
