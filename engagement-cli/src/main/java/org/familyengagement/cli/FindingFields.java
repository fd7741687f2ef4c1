package org.familyengagement.cli;

import java.util.List;

import org.familyengagement.report.Finding;

/** Findings v2 fields, until the findings v2 foundation is merged. */
final class FindingFields {
    private FindingFields() {
    }

    static String id(Finding f) {
        return "";
    }

    static String broadcastId(Finding f) {
        return null;
    }

    static List<String> schoolIds(Finding f) {
        return List.of();
    }

    static List<String> staffIds(Finding f) {
        return List.of();
    }
}
