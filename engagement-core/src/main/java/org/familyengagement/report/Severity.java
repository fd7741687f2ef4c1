package org.familyengagement.report;

/** How urgent a finding is; ordered from least to most. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    /** True when this severity is {@code other} or above. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
