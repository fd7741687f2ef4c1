package org.familyengagement.report;

import java.util.Objects;

/**
 * One row of the equity table as outputs show it: an eligible label's rate with the finding that
 * flags it, if any.
 *
 * @param rate       the label's rate against its reference
 * @param finding    the group finding that flags this label under this rule, or {@code null}
 * @param borderline true when that finding's p-value is within a factor of two of alpha
 *                   ({@link Metrics#isBorderline})
 */
public record EquityRow(LabelRate rate, Finding finding, boolean borderline) {
    public EquityRow {
        Objects.requireNonNull(rate, "rate");
        if (borderline && finding == null) {
            throw new IllegalArgumentException("only a flagged label can be borderline: " + rate.group());
        }
    }

    /** True when a finding flags this label. */
    public boolean flagged() {
        return finding != null;
    }
}
