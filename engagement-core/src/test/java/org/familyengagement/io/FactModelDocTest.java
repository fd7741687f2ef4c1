package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples in docs/fact-model.md are read by the code they describe, so they cannot drift from it.
 *
 * <p>A dataset example is a {@code json} block with {@code "schemaVersion"} in it, and says what it
 * is in an HTML comment on the line before its fence: {@code <!-- dataset: valid -->} (it reads),
 * {@code <!-- dataset: invalid -->} (it is rejected with exactly the problems of the {@code text}
 * block that follows it), {@code <!-- dataset: version 1 -->} and, for the next such block,
 * {@code <!-- dataset: written as version 2 -->} (what the writer makes of the first). A dataset
 * example without one of these fails {@link #everyDatasetExampleSaysWhatItIs}.
 */
class FactModelDocTest {
    private static final Path DOC = Path.of("..", "docs", "fact-model.md");
    private static final Pattern BLOCK = Pattern.compile("(?:<!-- (dataset: [a-z0-9 ]+) -->\n)?```(\\w+)\n(.*?)```",
            Pattern.DOTALL);

    /** One fenced block of the page: its language, its text and the marker before it, if any. */
    private record Block(String marker, String language, String text) {
    }

    private static List<Block> blocks() throws IOException {
        Matcher matcher = BLOCK.matcher(Files.readString(DOC));
        List<Block> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return blocks;
    }

    private static List<String> blocks(String language) throws IOException {
        return blocks().stream().filter(b -> b.language().equals(language)).map(Block::text).toList();
    }

    private static List<Block> marked(String marker) throws IOException {
        return blocks().stream().filter(b -> ("dataset: " + marker).equals(b.marker())).toList();
    }

    @Test
    void everyDatasetExampleSaysWhatItIs() throws IOException {
        List<Block> datasets = blocks().stream()
                .filter(b -> b.language().equals("json") && b.text().contains("\"schemaVersion\"")).toList();

        assertThat(datasets).hasSizeGreaterThanOrEqualTo(4).allSatisfy(block -> assertThat(block.marker())
                .as("the marker of the example starting %s", block.text().lines().limit(3).toList())
                .isIn("dataset: valid", "dataset: invalid", "dataset: version 1", "dataset: written as version 2"));
    }

    @Test
    void theDatasetAtAGlanceIsValid() throws IOException {
        Dataset dataset = DatasetReader.readString(marked("valid").get(0).text());

        assertThat(dataset.contact("k-1")).hasValueSatisfying(c -> assertThat(c.language()).isEqualTo("en"));
        assertThat(dataset.meeting("mt-1")).isPresent();
        assertThat(dataset.district().schools()).hasSize(1);
    }

    @Test
    void everyValidExampleReads() throws IOException {
        for (Block block : marked("valid")) {
            assertThat(catchThrowableOfType(InvalidDatasetException.class, () -> DatasetReader.readString(block.text())))
                    .as("reading %s", block.text().lines().limit(3).toList()).isNull();
        }
    }

    @Test
    void theInvalidExampleGivesExactlyTheProblemsListedAfterIt() throws IOException {
        List<Block> blocks = blocks();
        List<Block> invalid = marked("invalid");
        assertThat(invalid).isNotEmpty();

        for (Block block : invalid) {
            Block listed = blocks.get(blocks.indexOf(block) + 1);
            assertThat(listed.language()).as("the block after an invalid example").isEqualTo("text");

            InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                    () -> DatasetReader.readString(block.text()));

            assertThat(e).as("the invalid example is rejected").isNotNull();
            assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(listed.text().lines().toList());
        }
    }

    @Test
    void theVersionOneExampleIsWrittenAsTheVersionTwoExampleAndReadsBackEqual() throws IOException {
        String versionOne = marked("version 1").get(0).text();
        String versionTwo = marked("written as version 2").get(0).text();

        Dataset read = DatasetReader.readString(versionOne);

        assertThat(DatasetWriter.pretty().toJson(read)).isEqualTo(versionTwo);
        Dataset back = DatasetReader.readString(versionTwo);
        assertThat(back.contacts()).isEqualTo(read.contacts());
        assertThat(back.families()).isEqualTo(read.families());
        assertThat(back.district()).isEqualTo(read.district());
    }

    @Test
    void theJavaExampleCompiles(@TempDir Path dir) throws IOException, InterruptedException {
        List<String> java = blocks("java");
        assertThat(java).hasSize(1);
        Path source = Files.writeString(dir.resolve("ReadExport.java"), java.get(0));
        Path log = dir.resolve("javac.log");
        // The JDK's javac in a process of its own: these tests run inside the module, which does not read java.compiler.
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", dir.toString(), "-classpath", System.getProperty("java.class.path"), source.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(javac.waitFor(2, TimeUnit.MINUTES)).as("javac finished").isTrue();
        assertThat(javac.exitValue()).as(Files.readString(log)).isZero();
        assertThat(dir.resolve("ReadExport.class")).exists();
    }

    @Test
    void thePolicyExampleIsTheDefaultPolicy() throws IOException {
        Policy policy = PolicyReader.readString(blocks("yaml").get(0));

        assertThat(policy.withDisabledRules(java.util.Set.of())).isEqualTo(Policy.defaults());
    }

    @Test
    void theFindingsExampleIsExactlyWhatTheWriterWrites() throws IOException {
        // The findings example is the json block that is a findings document, wherever it stands.
        String example = blocks("json").stream().filter(b -> b.contains("\"findings\":")).findFirst().orElseThrow();

        Report report = ReportReader.readString(example);

        assertThat(ReportWriter.toJson(report)).isEqualTo(example);
    }
}
