package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Java snippets of README.md and docs/*.md are copies of regions of the test classes in this
 * package, which compile and run with the build: every {@code ```java} block must follow a
 * {@code <!-- snippet: ClassName#region -->} line and equal that region (between
 * {@code // tag::region[]} and {@code // end::region[]}, indentation removed). So a snippet that
 * no longer compiles, or no longer does what the doc says, fails the build.
 */
class DocSnippetsTest {
    /** The repository root: this module's parent (tests run in the module, ReadmeSnippets at the root). */
    private static final Path ROOT = Files.isDirectory(Path.of("docs")) ? Path.of("").toAbsolutePath()
            : Path.of("").toAbsolutePath().getParent();
    private static final Path SOURCES = ROOT.resolve("examples/src/test/java/org/familyengagement/examples/docs");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->");
    private static final Pattern REGION = Pattern.compile(
            "(?m)^[ \\t]*// tag::([\\w-]+)\\[]\\R(.*?)^[ \\t]*// end::\\1\\[]", Pattern.DOTALL);

    @Test
    void everyJavaSnippetOfTheDocsIsARegionOfACompiledTest() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) {
                    continue;
                }
                String where = ROOT.relativize(doc) + ":" + (i + 1);
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                String snippet = String.join("\n", lines.subList(i + 1, end));
                Matcher marker = i > 0 ? MARKER.matcher(previousNonBlank(lines, i)) : null;
                if (marker == null || !marker.find()) {
                    failures.add(where + ": a java block without a <!-- snippet: Class#region --> line before it");
                } else {
                    String region = regions(marker.group(1)).get(marker.group(2));
                    if (region == null) {
                        failures.add(where + ": no region " + marker.group(2) + " in " + marker.group(1) + ".java");
                    } else if (!region.equals(snippet)) {
                        failures.add(where + ": differs from " + marker.group(1) + "#" + marker.group(2)
                                + "\n--- doc\n" + snippet + "\n--- test source\n" + region);
                    }
                    checked++;
                }
                i = end;
            }
        }
        assertThat(failures).as("doc snippets").isEmpty();
        assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyRegionOfTheSnippetSourcesIsShownInSomeDoc() throws IOException {
        StringBuilder docs = new StringBuilder();
        for (Path doc : docs()) {
            docs.append(Files.readString(doc));
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path source : files.filter(f -> f.toString().endsWith("Snippets.java")).sorted().toList()) {
                String name = source.getFileName().toString().replace(".java", "");
                for (String region : regions(name).keySet()) {
                    if (!docs.toString().contains("<!-- snippet: " + name + "#" + region + " -->")) {
                        unused.add(name + "#" + region);
                    }
                }
            }
        }
        assertThat(unused).as("regions no doc shows").isEmpty();
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static String previousNonBlank(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        return "";
    }

    /** The regions of one snippet source, by name, each with its common indentation removed. */
    private static Map<String, String> regions(String className) throws IOException {
        Path source = SOURCES.resolve(className + ".java");
        Map<String, String> regions = new LinkedHashMap<>();
        if (!Files.isRegularFile(source)) {
            return regions;
        }
        Matcher matcher = REGION.matcher(Files.readString(source));
        while (matcher.find()) {
            regions.put(matcher.group(1), dedent(matcher.group(2)));
        }
        return regions;
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out);
    }

    @Test
    void theSnippetSourcesHaveNoOverlappingOrUnclosedRegions() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path source : files.filter(f -> f.toString().endsWith("Snippets.java")).toList()) {
                String text = Files.readString(source);
                TreeSet<String> opened = new TreeSet<>();
                Matcher tag = Pattern.compile("// (tag|end)::([\\w-]+)\\[]").matcher(text);
                while (tag.find()) {
                    if (tag.group(1).equals("tag")) {
                        assertThat(opened.add(tag.group(2))).as(source + ": region " + tag.group(2) + " opened twice").isTrue();
                    } else {
                        assertThat(opened.remove(tag.group(2))).as(source + ": region " + tag.group(2) + " closed but not open").isTrue();
                    }
                }
                assertThat(opened).as(source + ": unclosed regions").isEmpty();
            }
        }
    }
}
