package org.familyengagement.importer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.familyengagement.errors.Problem;

/**
 * Reads a small YAML document (an import configuration, a contact-log mapping) into a tree of
 * {@link Node}s that remember their line, column and JSON pointer. Problems of the document itself
 * (not UTF-8, malformed, empty, duplicate keys, aliases, more than one document) are reported
 * with their place; the reader then returns {@code null}.
 */
public final class YamlTree {
    /** Configurations are small: a larger file is not one. */
    static final int MAX_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 32;

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final Path file;
    private final Problems problems;

    private YamlTree(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * The root node of {@code file}, or {@code null} when it cannot be read (the problems say why).
     *
     * @param what how a message names the document: "import configuration", "mapping"
     */
    public static Node read(Path file, String what, Problems problems) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                problems.add(Problems.name(file), "is a directory, not a " + what + " file");
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                problems.add(Problems.name(file), "is larger than 1 MB; a " + what + " is a short YAML file");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(Problems.name(file), "no such file");
            return null;
        } catch (IOException e) {
            problems.add(Problems.name(file), "cannot be read: " + Texts.reason(e));
            return null;
        }
        String text = utf8(bytes, file, problems);
        if (text == null) {
            return null;
        }
        return readString(text, file, what, problems);
    }

    /** The root node of a document held in a string; {@code file} only names it in problems. */
    public static Node readString(String text, Path file, String what, Problems problems) {
        String document = text.startsWith("\uFEFF") ? text.substring(1) : text;
        YamlTree tree = new YamlTree(file, problems);
        try (JsonParser parser = YAML.createParser(document)) {
            return tree.document(parser, what);
        } catch (IOException e) {
            // A string has no other way to fail than a syntax error, reported below.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Node document(JsonParser parser, String what) throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(Problems.at(file, 1, 1), "the " + what + " is empty");
                return null;
            }
            long before = problems.size();
            Node root = value(parser, "", 0);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(Problems.at(file, at.getLineNr(), at.getColumnNr()),
                        "a second YAML document; the " + what + " is one document");
            }
            return problems.size() == before ? root : null;
        } catch (JsonProcessingException e) {
            malformed(e, parser);
            return null;
        }
    }

    private Node value(JsonParser parser, String pointer, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            problems.add(Problems.at(file, line, column, pointer), "nested more than " + MAX_DEPTH + " levels deep");
            parser.skipChildren();
            return new Node.Scalar(pointer, line, column, null);
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String child = pointer + "/" + escape(key);
                    parser.nextToken();
                    Node value = value(parser, child, depth + 1);
                    if (entries.containsKey(key)) {
                        problems.add(Problems.at(file, keyAt.getLineNr(), keyAt.getColumnNr(), child),
                                "the key " + Problem.quote(key) + " appears more than once");
                    } else {
                        entries.put(key, value);
                    }
                }
                return new Node.Mapping(pointer, line, column, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, pointer + "/" + items.size(), depth + 1));
                }
                return new Node.Sequence(pointer, line, column, items);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(pointer, line, column, null);
            }
            default -> {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    problems.add(Problems.at(file, line, column, pointer),
                            "YAML aliases (*name) are not supported; write the value itself");
                }
                return new Node.Scalar(pointer, line, column, parser.getText());
            }
        }
    }

    private void malformed(JsonProcessingException e, JsonParser parser) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
            String verdict = yaml.getProblem() != null ? yaml.getProblem() : yaml.getContext();
            problems.add(mark == null ? Problems.name(file) : Problems.at(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "malformed YAML: " + Texts.firstLine(verdict));
            return;
        }
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        problems.add(Problems.at(file, location.getLineNr(), location.getColumnNr()),
                "malformed YAML: " + Texts.firstLine(e.getOriginalMessage()));
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The bytes as UTF-8 text, or {@code null} with a problem naming the first bad byte's place. */
    static String utf8(byte[] bytes, Path file, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            out.flip();
            return out.toString();
        }
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.limit(); i++) {
            if (out.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        problems.add(Problems.at(file, line, column), String.format(Locale.ROOT,
                "the file is not UTF-8 text: byte 0x%02X is not valid UTF-8; save it as UTF-8",
                bytes[in.position()] & 0xFF));
        return null;
    }
}
