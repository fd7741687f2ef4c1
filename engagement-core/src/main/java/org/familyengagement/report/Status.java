package org.familyengagement.report;

/** What became of a finding since a baseline (a previous findings document), by finding id. */
public enum Status {
    /** In this report, not in the baseline. */
    NEW,
    /** In both. */
    PERSISTING,
    /** In the baseline, no longer in this report. */
    RESOLVED
}
