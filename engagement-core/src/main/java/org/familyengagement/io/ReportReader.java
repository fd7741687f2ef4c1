package org.familyengagement.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.JsonWalker.Vocabulary;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;

/**
 * Reads a findings document, as {@link ReportWriter} writes it, back into a {@link Report}.
 *
 * <p>{@code asOf}, {@code findings} and each finding's {@code ruleId}, {@code category},
 * {@code severity} and {@code message} are required; {@code familyId}, {@code group} and
 * {@code metrics} may be absent or {@code null} (but a finding names exactly one family or one
 * group), {@code evidence} may be absent (none). What the writer derives for a triage (each
 * finding's {@code rank}, {@code status} and {@code borderline}, the root's {@code resolved} and
 * {@code summary}) is accepted and left out of the report, so a document written with them reads
 * back as the same findings (an audit's output can be the next audit's baseline). A bad document is rejected with an
 * {@link InvalidInputException} (document name {@value #DOCUMENT}) listing every problem with
 * its JSON pointer. Thread-safe; streams passed in are not closed.
 */
public final class ReportReader {
    /** The document name of the exceptions this reader throws. */
    public static final String DOCUMENT = "findings document";

    /** {@code resolved} and {@code summary} are what {@link ReportWriter} derives for a {@code Triage}: skipped. */
    private enum RootField { AS_OF, FINDINGS, RESOLVED, SUMMARY }

    /** {@code rank}, {@code status} and {@code borderline} are derived for a {@code Triage}: skipped. */
    private enum FindingField { RULE_ID, CATEGORY, SEVERITY, FAMILY_ID, GROUP, EVIDENCE, MESSAGE, METRICS, RANK,
        STATUS, BORDERLINE }

    private enum GroupField { DIMENSION, LABEL }

    private enum MetricsField { N, RATE, REFERENCE_LABEL, REFERENCE_RATE, RATIO, P_VALUE }

    private static final Fields<RootField> ROOT = Fields.of(RootField.class, RootField.AS_OF, RootField.FINDINGS);
    private static final Fields<FindingField> FINDING = Fields.of(FindingField.class, FindingField.RULE_ID,
            FindingField.CATEGORY, FindingField.SEVERITY, FindingField.MESSAGE);
    private static final Fields<GroupField> GROUP = Fields.of(GroupField.class, GroupField.DIMENSION, GroupField.LABEL);
    private static final Fields<MetricsField> METRICS = Fields.of(MetricsField.class, MetricsField.values());

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

        Parse(JsonWalker walker) {
            this.walker = walker;
        }

        Report report() throws IOException {
            walker.document("the document is empty; expected a JSON object", "the document must be a JSON object",
                    this::root);
            walker.throwIfProblems(problems -> new InvalidInputException(DOCUMENT, problems));
            return new Report(asOf, findings);
        }

        private void root() throws IOException {
            ObjectReader<RootField> object = ObjectReader.open(walker, ROOT);
            for (RootField field; (field = object.next()) != null; ) {
                switch (field) {
                    case AS_OF -> asOf = walker.instant();
                    case FINDINGS -> findings = walker.values(this::finding);
                    case RESOLVED, SUMMARY -> walker.parser().skipChildren();
                }
            }
        }

        private Finding finding() throws IOException {
            ObjectReader<FindingField> object = ObjectReader.open(walker, FINDING);
            if (object == null) {
                return null;
            }
            String ruleId = null;
            Category category = null;
            Severity severity = null;
            String familyId = null;
            Group group = null;
            List<String> evidence = List.of();
            String message = null;
            Metrics metrics = null;
            boolean usable = true;
            for (FindingField field; (field = object.next()) != null; ) {
                switch (field) {
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
                    case EVIDENCE -> evidence = walker.values(walker::id);
                    case MESSAGE -> message = walker.string();
                    case METRICS -> {
                        boolean isNull = walker.parser().currentToken() == JsonToken.VALUE_NULL;
                        metrics = isNull ? null : metrics();
                        usable &= isNull || metrics != null;
                    }
                    case RANK, STATUS, BORDERLINE -> walker.parser().skipChildren();
                }
            }
            if (!usable || ruleId == null || category == null || severity == null || message == null) {
                return null;
            }
            if ((familyId == null) == (group == null)) {
                walker.problem("a finding must concern exactly one family (familyId) or one group (group)");
                return null;
            }
            return new Finding(ruleId, category, severity, familyId, group, evidence, message, metrics);
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

        private Metrics metrics() throws IOException {
            ObjectReader<MetricsField> object = ObjectReader.open(walker, METRICS);
            if (object == null) {
                return null;
            }
            Integer n = null;
            Double rate = null;
            String referenceLabel = null;
            Double referenceRate = null;
            Double ratio = null;
            Double pValue = null;
            for (MetricsField field; (field = object.next()) != null; ) {
                switch (field) {
                    case N -> n = walker.integer();
                    case RATE -> rate = walker.number();
                    case REFERENCE_LABEL -> referenceLabel = walker.string();
                    case REFERENCE_RATE -> referenceRate = walker.number();
                    case RATIO -> ratio = walker.number();
                    case P_VALUE -> pValue = walker.number();
                }
            }
            if (n == null || rate == null || referenceLabel == null || referenceRate == null || ratio == null
                    || pValue == null) {
                return null;
            }
            return new Metrics(n, rate, referenceLabel, referenceRate, ratio, pValue);
        }
    }
}
