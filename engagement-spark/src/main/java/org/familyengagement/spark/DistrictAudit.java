package org.familyengagement.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.EvaluationCounts;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.Urgency;
import scala.Tuple2;

/**
 * One district audited on Spark, in the three steps of {@code RuleEngine#count}: each partition
 * of its families is counted on an executor, the counts are added up on the driver, each
 * partition is judged against the sum on an executor, and the driver writes the report. Only
 * counts and findings travel; every family's records stay on the executor that read them.
 *
 * <p>A district comes as a contract document (read on the driver, which checks it whole and
 * deals its families out), or in the family-records layout: a directory with the header
 * ({@code district.json}) and the families' records ({@code families.jsonl}, or
 * {@code families.parquet} with the same fields), which only executors read.
 */
final class DistrictAudit {
    static final String HEADER = "district.json";
    static final String RECORDS_JSONL = "families.jsonl";
    static final String RECORDS_PARQUET = "families.parquet";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The line or row a problem of family records names ({@code families.jsonl:12: }, {@code families.parquet row 12: }). */
    private static final Pattern RECORD_NUMBER = Pattern.compile("(?:\\.jsonl:| row )(\\d+): ");
    /** Problems of records by line or row (as numbers: line 9 before line 10), the others first, each group as text. */
    private static final Comparator<String> IN_RECORD_ORDER = Comparator
            .comparingLong((String problem) -> {
                Matcher number = RECORD_NUMBER.matcher(problem);
                return number.find() ? Long.parseLong(number.group(1)) : -1;
            })
            .thenComparing(Comparator.naturalOrder());

    private final SparkSession spark;
    private final JavaSparkContext context;
    private final EngineSpec spec;
    private final int partitions;
    private final Locations locations;

    /** @param partitions how many partitions to judge in; 0 for Spark's default parallelism */
    DistrictAudit(SparkSession spark, EngineSpec spec, int partitions) {
        this.spark = spark;
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.spec = spec;
        this.partitions = partitions;
        this.locations = new Locations(spark.sparkContext().hadoopConfiguration());
    }

    /** What auditing one district gave: its triaged report, or every problem of its data. */
    record Outcome(String districtId, Triage triage, List<String> problems) {
    }

    /**
     * A partition's count, or the problems of its records; and, for family records, the hashes of
     * the ids it declares, so that the driver can see an id given in two partitions.
     */
    private record Counted(EvaluationCounts counts, List<String> problems, long[] idHashes) implements Serializable {
    }

    /** A partition's findings, each with how overdue it is (measured where its evidence is). */
    private record Judged(List<Finding> findings, long[] overdue) implements Serializable {
    }

    /** Audits the district at a location: a dataset document, or a directory in the family-records layout. */
    Outcome audit(String input, Instant asOf) throws IOException {
        if (!locations.exists(input)) {
            return new Outcome(null, null, List.of("--data: " + input + " does not exist"));
        }
        return locations.isDirectory(input) ? auditRecords(input, asOf) : auditDocument(input, asOf);
    }

    /** A contract document: checked whole on the driver, then dealt out by family. */
    private Outcome auditDocument(String file, Instant asOf) throws IOException {
        Dataset dataset;
        try (InputStream in = locations.open(file)) {
            dataset = DatasetReader.read(in);
        } catch (InvalidInputException e) {
            return new Outcome(null, null, located(file, e));
        }
        int count = partitions > 0 ? partitions : context.defaultParallelism();
        List<List<Family>> dealt = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < dataset.families().size(); i++) {
            dealt.get(i % count).add(dataset.families().get(i));
        }
        List<byte[]> documents = new ArrayList<>();
        for (List<Family> families : dealt) {
            documents.add(DatasetWriter.compact().toBytes(dataset.partition(families)));
        }
        JavaRDD<Dataset> parts = context.parallelize(documents, count).map(DistrictAudit::readPartition);
        return judge(dataset.district(), asOf, parts.map(part -> new Partition(part, List.of())), null);
    }

    private static Dataset readPartition(byte[] document) {
        try {
            return DatasetReader.read(new ByteArrayInputStream(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The family-records layout: the header read on the driver, the records only on executors. */
    private Outcome auditRecords(String directory, Instant asOf) throws IOException {
        String headerFile = Locations.child(directory, HEADER);
        String jsonl = Locations.child(directory, RECORDS_JSONL);
        String parquet = Locations.child(directory, RECORDS_PARQUET);
        boolean lines = locations.exists(jsonl);
        List<String> problems = new ArrayList<>();
        if (!locations.exists(headerFile) || locations.isDirectory(headerFile)) {
            problems.add(directory + ": no " + HEADER + " (the district's header document)");
        }
        if (lines == locations.exists(parquet)) {
            problems.add(directory + ": needs one of " + RECORDS_JSONL + " or " + RECORDS_PARQUET
                    + (lines ? ", not both" : ""));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, null, problems);
        }
        String header = locations.readString(headerFile);
        District district;
        try {
            Dataset alone = DatasetReader.readString(header);
            if (!alone.families().isEmpty() || !alone.contacts().isEmpty() || !alone.commitments().isEmpty()
                    || !alone.meetings().isEmpty()) {
                return new Outcome(null, null, List.of(Locations.display(directory, HEADER) + ": the header holds no"
                        + " families, contacts, commitments or meetings; they are in the records file"));
            }
            district = alone.district();
        } catch (InvalidInputException e) {
            return new Outcome(null, null, located(Locations.display(directory, HEADER), e));
        }
        String place = lines ? Locations.display(directory, RECORDS_JSONL) + ":"
                : Locations.display(directory, RECORDS_PARQUET) + " row ";
        JavaRDD<String> texts = lines ? context.textFile(jsonl) : spark.read().parquet(parquet).toJSON().javaRDD();
        JavaRDD<FamilyLines.Line> records = texts.zipWithIndex()
                .map(line -> new FamilyLines.Line(line._2() + 1, line._1()));
        if (partitions > 0) {
            records = records.repartition(partitions);
        }
        Broadcast<String> shared = context.broadcast(FamilyLines.headerOnly(header));
        JavaRDD<Partition> parts = records.mapPartitions(it -> {
            FamilyLines.Parsed parsed = FamilyLines.read(place, shared.value(), it);
            return List.of(new Partition(parsed.dataset(), parsed.problems())).iterator();
        });
        JavaRDD<FamilyLines.Line> numbered = records;
        return judge(district, asOf, parts, () -> duplicateIds(numbered, place));
    }

    /** A partition read on an executor: its dataset, or the problems of its records. */
    private record Partition(Dataset dataset, List<String> problems) {
    }

    /**
     * The three steps over partitions read once and kept in executor memory between them.
     *
     * @param duplicates for partitions read on executors, the exact search for ids given in two of
     *                   them, run only when the ids' hashes collide; {@code null} for a document
     */
    private Outcome judge(District district, Instant asOf, JavaRDD<Partition> parts,
                          Supplier<List<String>> duplicates) {
        JavaRDD<Partition> kept = parts.persist(StorageLevel.MEMORY_ONLY());
        try {
            EngineSpec engineSpec = spec;
            boolean hashIds = duplicates != null;
            List<Counted> counted = kept.map(part -> part.problems().isEmpty()
                    ? new Counted(engineSpec.engine().count(part.dataset(), asOf), List.of(),
                            hashIds ? IdHashes.of(part.dataset()) : null)
                    : new Counted(null, part.problems(), null)).collect();
            List<String> problems = new ArrayList<>();
            EvaluationCounts whole = null;
            List<long[]> hashes = new ArrayList<>();
            for (Counted share : counted) {
                problems.addAll(share.problems());
                if (share.counts() != null) {
                    whole = whole == null ? share.counts() : whole.plus(share.counts());
                }
                if (share.idHashes() != null) {
                    hashes.add(share.idHashes());
                }
            }
            if (problems.isEmpty() && hashIds && IdHashes.collide(hashes)) {
                problems.addAll(duplicates.get());
            }
            if (!problems.isEmpty()) {
                problems.sort(IN_RECORD_ORDER);
                return new Outcome(district.id(), null, problems);
            }
            Broadcast<EvaluationCounts> sum = context.broadcast(whole);
            List<Judged> judged = kept.map(part -> {
                RuleEngine engine = engineSpec.engine();
                List<Finding> findings = engine.judge(part.dataset(), sum.value());
                var measure = Urgency.overdue(part.dataset(), engine.policy(), asOf);
                long[] overdue = new long[findings.size()];
                for (int i = 0; i < overdue.length; i++) {
                    overdue[i] = measure.applyAsLong(findings.get(i));
                }
                return new Judged(new ArrayList<>(findings), overdue);
            }).collect();
            List<Finding> findings = new ArrayList<>();
            Map<Finding, Long> overdue = new HashMap<>();
            for (Judged share : judged) {
                findings.addAll(share.findings());
                for (int i = 0; i < share.overdue().length; i++) {
                    overdue.put(share.findings().get(i), share.overdue()[i]);
                }
            }
            RuleEngine engine = spec.engine();
            Report report = engine.report(district, whole, findings);
            sum.destroy();
            return new Outcome(district.id(), Triage.of(report, Urgency.order(f -> overdue.getOrDefault(f, 0L)),
                    engine.policy()), List.of());
        } finally {
            kept.unpersist(true);
        }
    }

    /**
     * Ids given twice across the records of a district (each partition checks its own; these may
     * be in different ones): a shuffle of ids, not of records, run only when their hashes collide.
     */
    private static List<String> duplicateIds(JavaRDD<FamilyLines.Line> records, String place) {
        JavaPairRDD<String, long[]> ids = records.flatMapToPair(line -> idsOf(line).iterator());
        return ids.reduceByKey((a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1]), Math.max(a[2], b[2])})
                .filter(id -> id._2()[0] > 1)
                .sortByKey()
                .take(InvalidInputException.MAX_PROBLEMS)
                .stream()
                .map(id -> place + id._2()[2] + ": " + id._1() + " is given " + id._2()[0] + " times; first at "
                        + place + id._2()[1])
                .toList();
    }

    /** The ids a record declares, keyed by collection ({@code contact "c-1"}), with its line twice. */
    private static List<Tuple2<String, long[]>> idsOf(FamilyLines.Line line) {
        List<Tuple2<String, long[]>> ids = new ArrayList<>();
        if (line.text().isBlank()) {
            return ids;
        }
        JsonNode record;
        try {
            record = JSON.readTree(line.text());
        } catch (IOException e) {
            return ids; // reported with its place when the partition is read
        }
        add(ids, "family", record.path("family"), line.number());
        for (String collection : FamilyLines.COLLECTIONS) {
            for (JsonNode item : record.path(collection)) {
                add(ids, collection.substring(0, collection.length() - 1), item, line.number());
            }
        }
        return ids;
    }

    private static void add(List<Tuple2<String, long[]>> ids, String kind, JsonNode item, long line) {
        JsonNode id = item.path("id");
        if (id.isTextual()) {
            ids.add(new Tuple2<>(kind + " " + Problem.quote(id.asText()), new long[] {1, line, line}));
        }
    }

    private static List<String> located(String file, InvalidInputException e) {
        List<String> problems = new ArrayList<>();
        for (Problem problem : e.problems()) {
            problems.add(file + ": " + problem);
        }
        return problems;
    }
}
