package org.familyengagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jars as their users run them: {@code java -jar target/engagement-spark.jar} (the
 * command docs/scale-out.md gives a newcomer), and the job jar under {@code spark-submit} with
 * nothing on the class path but Spark's own jars, as on a cluster.
 */
class SparkJarIT {
    private static final String AS_OF = "2026-11-20T23:00:00Z";
    private static final Path SAMPLE = Path.of("..", "examples", "data", "sample-district.json");
    private static String expected;
    @TempDir
    Path dir;

    @BeforeAll
    static void oracle() throws IOException {
        expected = Oracle.findingsDocument(RuleEngine.builder().build(), DatasetReader.read(SAMPLE), Instant.parse(AS_OF));
    }

    @Test
    void javaDashJarWritesTheCliDocument() throws Exception {
        Path out = dir.resolve("findings.json");

        Result result = run(List.of(java(), "-jar", System.getProperty("engagement.spark.jar"), "--master", "local[2]",
                "--data", SAMPLE.toString(), "--as-of", AS_OF, "--out", out.toString()));

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("d-1: 5220 findings -> " + out);
        assertThat(Files.readString(out)).isEqualTo(expected);
    }

    @Test
    void theJobJarRunsUnderSparkSubmitWithSparksClassPathAlone() throws Exception {
        Path jobJar = Path.of(System.getProperty("engagement.spark.jobjar"));
        Path out = dir.resolve("submitted.json");
        List<String> command = new ArrayList<>(List.of(java(), "-cp", sparkOnlyClassPath(jobJar)));
        command.addAll(Arrays.asList(System.getProperty("engagement.spark.opens").trim().split("\\s+")));
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class",
                SparkAudit.class.getName(), jobJar.toString(), "--data", SAMPLE.toString(), "--as-of", AS_OF,
                "--out", out.toString()));

        Result result = run(command);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(expected);
    }

    @Test
    void badInputExitsWithTwoAndNoStackTrace() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 2, \"district\": {\"id\": \"d-1\"}}");

        Result result = run(List.of(java(), "-jar", System.getProperty("engagement.spark.jar"), "--master", "local[1]",
                "--data", bad.toString(), "--as-of", AS_OF, "--out", dir.resolve("x.json").toString()));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("error: " + bad + ": /district").doesNotContain("\tat ", "Exception");
    }

    /** The jars of target/lib that the job jar does not carry: Spark and what Spark brings. */
    private static String sparkOnlyClassPath(Path jobJar) throws IOException {
        List<String> jars = new ArrayList<>();
        try (JarFile job = new JarFile(jobJar.toFile());
             Stream<Path> lib = Files.list(Path.of(System.getProperty("engagement.spark.lib")))) {
            for (Path jar : lib.sorted().toList()) {
                String probe = firstClass(jar);
                if (probe == null || job.getEntry(probe) == null) {
                    jars.add(jar.toString());
                }
            }
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static String firstClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && !n.contains("module-info"))
                    .findFirst().orElse(null);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> command) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
