package org.familyengagement.examples.embedding;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Rows as a (made-up) SIS stores them: its own names, codes and local timestamps. The point of
 * the example is the mapping from rows like these onto the library's model.
 */
public final class SisExport {
    private SisExport() {
    }

    /** A household row. {@code homeLanguageCode} is the SIS's code list, not BCP 47. */
    public record Household(long householdId, String homeLanguageCode, String preferredContactMethod,
                            boolean frlEligible, boolean mckinneyVento) {
    }

    /** A contact-log row, entered by staff. Local wall-clock time in the district's zone. */
    public record ContactLogEntry(long logId, long householdId, String staffBadge, LocalDateTime loggedAt,
                                  String method, boolean fromParent, String purposeCode, boolean reached,
                                  Long answersLogId) {
    }

    /** The whole export. */
    public record Export(List<Household> households, List<ContactLogEntry> contactLog) {
    }
}
