package org.familyengagement.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.JsonWalker.Vocabulary;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Category;
import org.familyengagement.report.Coverage;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.LabelRate;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;

/**
 * Reads a findings document, as {@link ReportWriter} writes it, back into a {@link Report}.
 *
 * <p>{@code asOf}, {@code findings} and each finding's {@code ruleId}, {@code category},
 * {@code severity} and {@code message} are required; {@code familyId}, {@code group},
 * {@code broadcastId} and {@code metrics} may be absent or {@code null} (but a finding names
 * exactly one family, one group or one broadcast), {@code evidence}, {@code schoolIds} and
 * {@code staffIds} may be absent (none). {@code id} may be absent (a version 1 findings document
 * has none); when present it must be the finding's own {@link Finding#id()}. The metrics of a
 * group finding are {@code n, rate, referenceLabel, referenceRate, ratio, pValue}, of a broadcast
 * finding {@code families, deliveries, languages}. What the writer derives for a triage (each
 * finding's {@code rank}, {@code status} and {@code borderline}, the root's {@code resolved} and
 * {@code summary}) is accepted and left out of the report, except the summary's equity table,
 * which becomes the report's {@link Report#rates()}: a document written for a triage reads back as
 * the same report (and an audit's output can be the next audit's baseline). A bad document
 * is rejected with an
 * {@link InvalidInputException} (document name {@value #DOCUMENT}) listing every problem with
 * its JSON pointer. Thread-safe; streams passed in are not closed.
 */
public final class ReportReader {
    /** The document name of the exceptions this reader throws. */
    public static final String DOCUMENT = "findings document";

    /**
     * {@code resolved} and {@code summary} are what {@link ReportWriter} writes for a {@code Triage}:
     * of them only the summary's equity table is read back (as the report's rates).
     */
    private enum RootField { AS_OF, FINDINGS, COVERAGE, RESOLVED, SUMMARY }

    private enum SummaryField { CHANGES, BY_SEVERITY, BY_RULE, BY_SCHOOL, BY_STAFF, BY_BROADCAST, EQUITY }

    /** The derived {@code rate}, {@code ratio}, {@code flagged} and {@code borderline} are skipped. */
    private enum EquityField {
        RULE_ID, DIMENSION, LABEL, N, SUCCESSES, RATE, REFERENCE_LABEL, REFERENCE_RATE, RATIO, FLAGGED, BORDERLINE
    }

    private static final Fields<SummaryField> SUMMARY = Fields.of(SummaryField.class);
    private static final Fields<EquityField> EQUITY = Fields.of(EquityField.class, EquityField.RULE_ID,
            EquityField.DIMENSION, EquityField.LABEL, EquityField.N, EquityField.SUCCESSES,
            EquityField.REFERENCE_LABEL, EquityField.REFERENCE_RATE);

    private enum CoverageField { SHARES, NOT_JUDGED }

    private enum ShareField { FIELD, POPULATION, RECORDED, TOTAL }

    private enum NotJudgedField { RULE_ID, REASON }

    private static final Fields<CoverageField> COVERAGE = Fields.of(CoverageField.class, CoverageField.values());
    private static final Fields<ShareField> SHARE = Fields.of(ShareField.class, ShareField.values());
    private static final Fields<NotJudgedField> NOT_JUDGED = Fields.of(NotJudgedField.class, NotJudgedField.values());

    /** {@code rank}, {@code status} and {@code borderline} are derived for a {@code Triage}: skipped. */
    private enum FindingField {
        ID, RULE_ID, CATEGORY, SEVERITY, FAMILY_ID, GROUP, BROADCAST_ID, EVIDENCE, SCHOOL_IDS, STAFF_IDS, MESSAGE,
        METRICS, RANK, STATUS, BORDERLINE
    }

    private enum GroupField { DIMENSION, LABEL }

    /** The metrics of a group finding (the first six) and of a broadcast finding (the last three). */
    private enum MetricsField { N, RATE, REFERENCE_LABEL, REFERENCE_RATE, RATIO, P_VALUE, FAMILIES, DELIVERIES, LANGUAGES }

    private static final List<MetricsField> GROUP_METRICS = List.of(MetricsField.N, MetricsField.RATE,
            MetricsField.REFERENCE_LABEL, MetricsField.REFERENCE_RATE, MetricsField.RATIO, MetricsField.P_VALUE);
    private static final List<MetricsField> BROADCAST_METRICS = List.of(MetricsField.FAMILIES,
            MetricsField.DELIVERIES, MetricsField.LANGUAGES);

    private static final Fields<RootField> ROOT = Fields.of(RootField.class, RootField.AS_OF, RootField.FINDINGS);
    private static final Fields<FindingField> FINDING = Fields.of(FindingField.class, FindingField.RULE_ID,
            FindingField.CATEGORY, FindingField.SEVERITY, FindingField.MESSAGE);
    private static final Fields<GroupField> GROUP = Fields.of(GroupField.class, GroupField.DIMENSION, GroupField.LABEL);
    /** Which ones a finding needs depends on its subject, known only once the whole finding is read. */
    private static final Fields<MetricsField> METRICS = Fields.of(MetricsField.class);

    private static final Vocabulary<Category> CATEGORIES = Vocabulary.of(Category.class, "category");
    private static final Vocabulary<Severity> SEVERITIES = Vocabulary.of(Severity.class, "severity");

    private ReportReader() {
    }

    /**
     * Reads the document in {@code file} (UTF-8).
     *
     * @throws InvalidInputException when the document is not a findings document
     * @throws IOException           when the file cannot be read
     */
    public static Report read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads a document from a byte stream (UTF-8).
     *
     * @throws InvalidInputException when the document is not a findings document
     * @throws IOException           when the stream cannot be read
     */
    public static Report read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "input stream must not be null");
        try (JsonParser parser = Formats.JSON.createParser(in)) {
            return new Parse(new JsonWalker(parser, "JSON")).report();
        }
    }

    /**
     * Reads a document from a character stream.
     *
     * @throws InvalidInputException when the document is not a findings document
     * @throws IOException           when the reader fails
     */
    public static Report read(Reader reader) throws IOException {
        Objects.requireNonNull(reader, "reader must not be null");
        try (JsonParser parser = Formats.JSON.createParser(reader)) {
            return new Parse(new JsonWalker(parser, "JSON")).report();
        }
    }

    /**
     * Reads a document held in a string.
     *
     * @throws InvalidInputException when the document is not a findings document
     */
    public static Report readString(String json) {
        Objects.requireNonNull(json, "json must not be null");
        try (JsonParser parser = Formats.JSON.createParser(json)) {
            return new Parse(new JsonWalker(parser, "JSON")).report();
        } catch (IOException e) {
            // Syntax errors are problems, not exceptions; a string has no other way to fail.
            throw new UncheckedIOException(e);
        }
    }

    /** One read of one document. */
    private static final class Parse {
        private final JsonWalker walker;
        private Instant asOf;
        private List<Finding> findings = List.of();
        private Coverage coverage;
        private List<LabelRate> rates = List.of();

        Parse(JsonWalker walker) {
            this.walker = walker;
        }

        Report report() throws IOException {
            walker.document("the document is empty; expected a JSON object", "the document must be a JSON object",
                    this::root);
            walker.throwIfProblems(problems -> new InvalidInputException(DOCUMENT, problems));
            return new Report(asOf, findings, coverage, rates);
        }

        private void root() throws IOException {
            ObjectReader<RootField> object = ObjectReader.open(walker, ROOT);
            for (RootField field; (field = object.next()) != null; ) {
                switch (field) {
                    case AS_OF -> asOf = walker.instant();
                    case FINDINGS -> findings = walker.values(this::finding);
                    case COVERAGE -> coverage = walker.parser().currentToken() == JsonToken.VALUE_NULL ? null
                            : coverage();
                    case RESOLVED -> walker.parser().skipChildren();
                    case SUMMARY -> summary();
                }
            }
        }

        private Finding finding() throws IOException {
            ObjectReader<FindingField> object = ObjectReader.open(walker, FINDING);
            if (object == null) {
                return null;
            }
            String findingPointer = walker.pointer();
            String id = null;
            String ruleId = null;
            Category category = null;
            Severity severity = null;
            String familyId = null;
            Group group = null;
            String broadcastId = null;
            List<String> evidence = List.of();
            List<String> schoolIds = List.of();
            List<String> staffIds = List.of();
            String message = null;
            RawMetrics raw = null;
            boolean usable = true;
            for (FindingField field; (field = object.next()) != null; ) {
                switch (field) {
                    case ID -> {
                        id = walker.string();
                        usable &= id != null;
                    }
                    case RULE_ID -> ruleId = walker.id();
                    case CATEGORY -> category = walker.enumValue(CATEGORIES);
                    case SEVERITY -> severity = walker.enumValue(SEVERITIES);
                    case FAMILY_ID -> {
                        boolean isNull = walker.parser().currentToken() == JsonToken.VALUE_NULL;
                        familyId = walker.optionalId(null);
                        usable &= isNull || familyId != null;
                    }
                    case GROUP -> {
                        boolean isNull = walker.parser().currentToken() == JsonToken.VALUE_NULL;
                        group = isNull ? null : group();
                        usable &= isNull || group != null;
                    }
                    case BROADCAST_ID -> {
                        boolean isNull = walker.parser().currentToken() == JsonToken.VALUE_NULL;
                        broadcastId = walker.optionalId(null);
                        usable &= isNull || broadcastId != null;
                    }
                    case EVIDENCE -> evidence = walker.values(walker::id);
                    case SCHOOL_IDS -> schoolIds = walker.values(walker::id);
                    case STAFF_IDS -> staffIds = walker.values(walker::id);
                    case MESSAGE -> message = walker.string();
                    case METRICS -> {
                        boolean isNull = walker.parser().currentToken() == JsonToken.VALUE_NULL;
                        raw = isNull ? null : metrics();
                        usable &= isNull || raw != null;
                    }
                    case RANK, STATUS, BORDERLINE -> walker.parser().skipChildren();
                }
            }
            // The metrics are checked whatever else is wrong, so that every problem is listed at once.
            Metrics metrics = null;
            BroadcastMetrics broadcastMetrics = null;
            if (raw != null) {
                if (object.has(FindingField.BROADCAST_ID) && broadcastId != null) {
                    broadcastMetrics = raw.forBroadcast();
                    usable &= broadcastMetrics != null;
                } else {
                    metrics = raw.forGroup();
                    usable &= metrics != null;
                }
            }
            if (!usable || ruleId == null || category == null || severity == null || message == null) {
                return null;
            }
            int subjects = (familyId == null ? 0 : 1) + (group == null ? 0 : 1) + (broadcastId == null ? 0 : 1);
            if (subjects != 1) {
                walker.problemAt(findingPointer, "a finding must concern exactly one family (familyId), one group"
                        + " (group) or one broadcast (broadcastId)");
                return null;
            }
            if (group != null && !(schoolIds.isEmpty() && staffIds.isEmpty())) {
                walker.problemAt(findingPointer, "a group finding carries no schoolIds or staffIds");
                return null;
            }
            Finding finding = new Finding(ruleId, category, severity, familyId, group, broadcastId, evidence,
                    schoolIds, staffIds, message, metrics, broadcastMetrics);
            if (id != null && !id.equals(finding.id())) {
                walker.problemAt(findingPointer.isEmpty() ? "/id" : findingPointer + "/id", "id \"" + id
                        + "\" is not this finding's id (" + finding.id() + "), which its rule, subject and"
                        + " evidence determine; leave it out or correct it");
                return null;
            }
            return finding;
        }

        private Coverage coverage() throws IOException {
            ObjectReader<CoverageField> object = ObjectReader.open(walker, COVERAGE);
            if (object == null) {
                return null;
            }
            List<Coverage.Share> shares = null;
            List<Coverage.NotJudged> notJudged = null;
            for (CoverageField field; (field = object.next()) != null; ) {
                switch (field) {
                    case SHARES -> shares = walker.values(this::share);
                    case NOT_JUDGED -> notJudged = walker.values(this::notJudged);
                }
            }
            return shares == null || notJudged == null ? null : new Coverage(shares, notJudged);
        }

        private Coverage.Share share() throws IOException {
            ObjectReader<ShareField> object = ObjectReader.open(walker, SHARE);
            if (object == null) {
                return null;
            }
            String field = null;
            String population = null;
            Integer recorded = null;
            Integer total = null;
            for (ShareField name; (name = object.next()) != null; ) {
                switch (name) {
                    case FIELD -> field = walker.string();
                    case POPULATION -> population = walker.string();
                    case RECORDED -> recorded = walker.integer();
                    case TOTAL -> total = walker.integer();
                }
            }
            if (field == null || population == null || recorded == null || total == null) {
                return null;
            }
            if (recorded < 0 || recorded > total) {
                walker.problem("recorded (" + recorded + ") must be between 0 and total (" + total + ")");
                return null;
            }
            return new Coverage.Share(field, population, recorded, total);
        }

        private Coverage.NotJudged notJudged() throws IOException {
            ObjectReader<NotJudgedField> object = ObjectReader.open(walker, NOT_JUDGED);
            if (object == null) {
                return null;
            }
            String ruleId = null;
            String reason = null;
            for (NotJudgedField name; (name = object.next()) != null; ) {
                switch (name) {
                    case RULE_ID -> ruleId = walker.id();
                    case REASON -> reason = walker.string();
                }
            }
            return ruleId == null || reason == null ? null : new Coverage.NotJudged(ruleId, reason);
        }

        private void summary() throws IOException {
            ObjectReader<SummaryField> object = ObjectReader.open(walker, SUMMARY);
            if (object == null) {
                return;
            }
            for (SummaryField field; (field = object.next()) != null; ) {
                if (field == SummaryField.EQUITY) {
                    rates = walker.values(this::labelRate);
                } else {
                    walker.parser().skipChildren();
                }
            }
        }

        private LabelRate labelRate() throws IOException {
            ObjectReader<EquityField> object = ObjectReader.open(walker, EQUITY);
            if (object == null) {
                return null;
            }
            String ruleId = null;
            String dimension = null;
            String label = null;
            Integer n = null;
            Integer successes = null;
            String referenceLabel = null;
            Double referenceRate = null;
            for (EquityField field; (field = object.next()) != null; ) {
                switch (field) {
                    case RULE_ID -> ruleId = walker.id();
                    case DIMENSION -> dimension = walker.string();
                    case LABEL -> label = walker.string();
                    case N -> n = walker.integer();
                    case SUCCESSES -> successes = walker.integer();
                    case REFERENCE_LABEL -> referenceLabel = walker.string();
                    case REFERENCE_RATE -> referenceRate = walker.number();
                    case RATE, RATIO, FLAGGED, BORDERLINE -> walker.parser().skipChildren();
                }
            }
            if (ruleId == null || dimension == null || label == null || n == null || successes == null
                    || referenceLabel == null || referenceRate == null) {
                return null;
            }
            if (n < 0 || successes < 0 || successes > n) {
                walker.problem("successes (" + successes + ") must be between 0 and n (" + n + ")");
                return null;
            }
            return new LabelRate(ruleId, new Group(dimension, label), n, successes, referenceLabel, referenceRate);
        }

        private Group group() throws IOException {
            ObjectReader<GroupField> object = ObjectReader.open(walker, GROUP);
            if (object == null) {
                return null;
            }
            String dimension = null;
            String label = null;
            for (GroupField field; (field = object.next()) != null; ) {
                switch (field) {
                    case DIMENSION -> dimension = walker.string();
                    case LABEL -> label = walker.string();
                }
            }
            return dimension == null || label == null ? null : new Group(dimension, label);
        }

        private RawMetrics metrics() throws IOException {
            ObjectReader<MetricsField> object = ObjectReader.open(walker, METRICS);
            if (object == null) {
                return null;
            }
            RawMetrics raw = new RawMetrics(walker.pointer());
            for (MetricsField field; (field = object.next()) != null; ) {
                raw.present.add(field);
                switch (field) {
                    case N -> raw.n = walker.integer();
                    case RATE -> raw.rate = walker.number();
                    case REFERENCE_LABEL -> raw.referenceLabel = walker.string();
                    case REFERENCE_RATE -> raw.referenceRate = walker.number();
                    case RATIO -> raw.ratio = walker.number();
                    case P_VALUE -> raw.pValue = walker.number();
                    case FAMILIES -> raw.families = walker.integer();
                    case DELIVERIES -> raw.deliveries = walker.integer();
                    case LANGUAGES -> raw.languages = walker.values(walker::string);
                }
            }
            return raw;
        }

        /** A metrics object as read, before the finding's subject says which kind it must be. */
        private final class RawMetrics {
            private final String pointer;
            private final EnumSet<MetricsField> present = EnumSet.noneOf(MetricsField.class);
            private Integer n;
            private Double rate;
            private String referenceLabel;
            private Double referenceRate;
            private Double ratio;
            private Double pValue;
            private Integer families;
            private Integer deliveries;
            private List<String> languages;

            RawMetrics(String pointer) {
                this.pointer = pointer;
            }

            Metrics forGroup() {
                if (!fits(GROUP_METRICS, BROADCAST_METRICS, "a broadcast finding") || n == null || rate == null
                        || referenceLabel == null || referenceRate == null || ratio == null || pValue == null) {
                    return null;
                }
                return new Metrics(n, rate, referenceLabel, referenceRate, ratio, pValue);
            }

            BroadcastMetrics forBroadcast() {
                if (!fits(BROADCAST_METRICS, GROUP_METRICS, "a group finding") || families == null
                        || deliveries == null || languages == null) {
                    return null;
                }
                if (families < 0 || deliveries < 0) {
                    walker.problemAt(pointer, "families and deliveries must not be negative");
                    return null;
                }
                return new BroadcastMetrics(families, deliveries, languages);
            }

            /** Reports the required fields missing and the other kind's fields present. */
            private boolean fits(List<MetricsField> required, List<MetricsField> foreign, String foreignKind) {
                boolean fits = true;
                for (MetricsField field : required) {
                    if (!present.contains(field)) {
                        walker.problemAt(pointer, "missing required field \"" + METRICS.name(field) + "\"");
                        fits = false;
                    }
                }
                for (MetricsField field : foreign) {
                    if (present.contains(field)) {
                        walker.problemAt(pointer + "/" + METRICS.name(field), "field \"" + METRICS.name(field)
                                + "\" belongs to the metrics of " + foreignKind);
                        fits = false;
                    }
                }
                return fits;
            }
        }
    }
}
