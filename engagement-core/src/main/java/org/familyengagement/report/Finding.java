package org.familyengagement.report;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One thing a rule found: about exactly one family, one group or one broadcast (its subject).
 * Carries ids and enum values only.
 *
 * @param ruleId           the rule's stable kebab-case id
 * @param category         the rule's category
 * @param severity         the rule's severity
 * @param familyId         the family concerned, or {@code null}
 * @param group            the group concerned, or {@code null}
 * @param broadcastId      the broadcast concerned, or {@code null}
 * @param evidence         ids of the contacts, commitments and meetings behind it
 * @param schoolIds        the schools of the evidence, sorted and distinct (empty for a group finding)
 * @param staffIds         the staff members of the evidence, sorted and distinct (empty for a group finding)
 * @param message          one sentence for a coordinator, with ids and dates only
 * @param metrics          the figures of a group finding, or {@code null}
 * @param broadcastMetrics the figures of a broadcast finding, or {@code null}
 */
public record Finding(String ruleId, Category category, Severity severity, String familyId, Group group,
                      String broadcastId, List<String> evidence, List<String> schoolIds, List<String> staffIds,
                      String message, Metrics metrics, BroadcastMetrics broadcastMetrics)
        implements Comparable<Finding>, Serializable {

    /** The length of {@link #id()}: 16 hex digits, 64 bits of SHA-256. */
    public static final int ID_LENGTH = 16;

    private static final HexFormat HEX = HexFormat.of();
    /** Cloned for each id: looking SHA-256 up among the security providers costs more than hashing. */
    private static final MessageDigest SHA_256 = newSha256();

    /** The order of findings in a report: rule, family, group, broadcast, evidence, message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::familyId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::group, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::broadcastId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> String.join("\u0000", f.evidence()))
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("ruleId must not be blank");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        int subjects = (familyId == null ? 0 : 1) + (group == null ? 0 : 1) + (broadcastId == null ? 0 : 1);
        if (subjects != 1) {
            throw new IllegalArgumentException("finding of rule " + ruleId
                    + " must concern exactly one family, one group or one broadcast");
        }
        evidence = List.copyOf(evidence);
        schoolIds = sortedDistinct(schoolIds);
        staffIds = sortedDistinct(staffIds);
        if (group != null && !(schoolIds.isEmpty() && staffIds.isEmpty())) {
            throw new IllegalArgumentException("group finding of rule " + ruleId
                    + " must carry no schoolIds or staffIds: a group is not attributed to schools or staff");
        }
        Objects.requireNonNull(message, "message");
        if (broadcastMetrics != null && broadcastId == null) {
            throw new IllegalArgumentException("finding of rule " + ruleId
                    + " has broadcast metrics but is not about a broadcast");
        }
        if (metrics != null && broadcastId != null) {
            throw new IllegalArgumentException("broadcast finding of rule " + ruleId
                    + " has group metrics; a broadcast's figures are BroadcastMetrics");
        }
    }

    /** A family finding, not yet attributed to schools or staff. */
    public static Finding ofFamily(String ruleId, Category category, Severity severity, String familyId,
                                   List<String> evidence, String message) {
        return new Finding(ruleId, category, severity, familyId, null, null, evidence, List.of(), List.of(),
                message, null, null);
    }

    /** A group finding. */
    public static Finding ofGroup(String ruleId, Category category, Severity severity, Group group,
                                  Metrics metrics, String message) {
        return new Finding(ruleId, category, severity, null, group, null, List.of(), List.of(), List.of(),
                message, metrics, null);
    }

    /** A broadcast finding, not yet attributed to schools or staff. */
    public static Finding ofBroadcast(String ruleId, Category category, Severity severity, String broadcastId,
                                      List<String> evidence, BroadcastMetrics metrics, String message) {
        return new Finding(ruleId, category, severity, null, null, broadcastId, evidence, List.of(), List.of(),
                message, null, metrics);
    }

    /** This finding with the schools and staff its evidence names. */
    public Finding withAttribution(List<String> newSchoolIds, List<String> newStaffIds) {
        return new Finding(ruleId, category, severity, familyId, group, broadcastId, evidence, newSchoolIds,
                newStaffIds, message, metrics, broadcastMetrics);
    }

    public boolean isGroupFinding() {
        return group != null;
    }

    /**
     * The rule and the subject's id only: no message, evidence or group label, so that a finding
     * logged by a rule engine at TRACE (a live session inserts findings as facts) leaks nothing.
     */
    @Override
    public String toString() {
        return "Finding[" + ruleId + ", " + (familyId != null ? "family " + familyId
                : group != null ? group : "broadcast " + broadcastId) + ", "
                + evidence.size() + " evidence]";
    }

    public boolean isBroadcastFinding() {
        return broadcastId != null;
    }

    /**
     * The finding's stable id: the first {@value #ID_LENGTH} hex digits of the SHA-256 of its rule
     * id, its subject and its evidence (in order). The same finding gets the same id on every run
     * and machine; message, severity and attribution do not enter it, so rewording a message or
     * reclassifying a rule does not make an old finding look new.
     */
    public String id() {
        MessageDigest digest = sha256();
        update(digest, ruleId);
        if (familyId != null) {
            update(digest, "\nfamily\n");
            update(digest, familyId);
        } else if (group != null) {
            update(digest, "\ngroup\n");
            update(digest, group.dimension());
            digest.update((byte) '\n');
            update(digest, group.label());
        } else {
            update(digest, "\nbroadcast\n");
            update(digest, broadcastId);
        }
        for (String item : evidence) {
            digest.update((byte) '\n');
            update(digest, item);
        }
        return HEX.formatHex(digest.digest(), 0, ID_LENGTH / 2);
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The parts' UTF-8 bytes one after another are the UTF-8 bytes of the parts joined. */
    private static void update(MessageDigest digest, String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> sortedDistinct(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return ids.size() == 1 ? List.of(ids.get(0)) : List.copyOf(new TreeSet<>(ids));
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
