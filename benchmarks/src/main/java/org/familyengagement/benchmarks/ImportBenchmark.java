package org.familyengagement.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.familyengagement.importer.Importer;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Student;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The import target: a contact log of about 2M rows (CSV, one row per delivery, ISO instants) plus
 * a OneRoster roster of 100k families, imported with {@link Importer}, against reading the dataset
 * that import gives from the project's JSON ({@link DatasetReader}), side by side in one fork.
 * Target: import at most 1.5x the JSON read. Both end in the same checked {@code Dataset}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ImportBenchmark -p families=100000 -f 1 -wi 2 -i 3 -w 5s -r 5s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class ImportBenchmark {
    @Param({"10000", "100000"})
    public int families;

    private Path dir;
    private Path config;
    private Path json;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("import-bench-");
        config = writeInputs(families, dir);
        json = dir.resolve("dataset.json");
    }

    /**
     * Writes both sides' inputs into {@code dir}: the roster zip, the contact log and the import
     * configuration (returned), and {@code dataset.json}, the JSON of exactly what the import
     * gives, so both sides build the same dataset.
     */
    public static Path writeInputs(int families, Path dir) throws IOException {
        Path config = write(Districts.generate(families), dir);
        Dataset imported = Importer.run(config).dataset();
        Path json = dir.resolve("dataset.json");
        DatasetWriter.compact().write(imported, json);
        System.out.printf("%n%s: %,d families, %,d contacts; log %,d bytes, JSON %,d bytes%n", dir,
                imported.families().size(), imported.contacts().size(), Files.size(dir.resolve("log.csv")),
                Files.size(json));
        return config;
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Dataset readJson() throws IOException {
        return DatasetReader.read(json);
    }

    @Benchmark
    public Dataset importSources() throws IOException {
        return Importer.run(config).dataset();
    }

    /** Writes the dataset as a OneRoster zip, a contact log and an import configuration; returns the configuration. */
    static Path write(Dataset dataset, Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve("roster.zip"));
             ZipOutputStream zip = new ZipOutputStream(file);
             Writer out = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            out.write("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\n");
            out.flush();
            zip.putNextEntry(new ZipEntry("orgs.csv"));
            out.write("sourcedId,status,dateLastModified,name,type\nd,,,District,district\n");
            out.flush();
            zip.putNextEntry(new ZipEntry("users.csv"));
            out.write("sourcedId,status,role,givenName,familyName,sms,phone,email,agentSourcedIds,grades\n");
            for (Staff member : dataset.staff()) {
                out.write(member.id() + ",,teacher,A,B,,,,,\n");
            }
            for (Family family : dataset.families()) {
                StringBuilder agents = new StringBuilder();
                for (Caregiver caregiver : family.caregivers()) {
                    agents.append(agents.length() == 0 ? "" : ",").append(caregiver.id());
                }
                for (Student student : family.students()) {
                    out.write(student.id() + ",,student,A,B,,,,\"" + agents + "\"," + (student.grade() == null ? "" : student.grade()) + "\n");
                }
                for (Caregiver caregiver : family.caregivers()) {
                    out.write(caregiver.id() + ",,parent,A,B,555,555,,,\n");
                }
            }
            out.flush();
            zip.closeEntry();
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("log.csv"))) {
            out.write("Delivery ID,Sent At,Household,Student,Sender,Direction,Channel,Mode,Tone,Status,Awaits Reply,Reply To\n");
            java.util.Map<String, String> firstStudent = new java.util.HashMap<>();
            for (Family family : dataset.families()) {
                firstStudent.put(family.id(), family.students().get(0).id());
            }
            for (Contact c : dataset.contacts()) {
                // A log row names a student: the contact's, or else its family's first one.
                String student = c.studentId() != null ? c.studentId() : firstStudent.get(c.familyId());
                out.write(c.id() + "," + c.at() + "," + c.familyId() + "," + student + "," + n(c.staffId()) + ","
                        + c.direction() + "," + c.channel() + "," + c.mode() + "," + (c.recorded().tone() ? c.tone() : "")
                        + "," + (c.delivered() ? "yes" : "no") + "," + (c.isInbound() ? c.awaitsReply() : "") + ","
                        + n(c.replyTo()) + "\n");
            }
        }
        Path config = dir.resolve("import.yaml");
        Files.writeString(config, "district: {id: " + dataset.district().id() + ", timeZone: "
                + dataset.district().timeZone() + "}\n"
                + "oneRoster: {file: roster.zip, familyIdPrefix: \"fam-\"}\n"
                + "contactLogs:\n  - name: log\n    file: log.csv\n    mapping:\n      fields:\n"
                + "        id: Delivery ID\n        at: Sent At\n        studentId: Student\n        staffId: Sender\n"
                + "        direction: Direction\n        channel: Channel\n        mode: Mode\n        tone: Tone\n"
                + "        delivered: Status\n        awaitsReply: Awaits Reply\n        replyTo: Reply To\n"
                + "unjoinable: SKIP\n");
        return config;
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }
}
