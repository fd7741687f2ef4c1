package org.familyengagement.importer.internal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.familyengagement.errors.Problem;

/**
 * A checked view of one mapping of a configuration: unknown keys are reported (with "did you
 * mean"), and each getter reports a value of the wrong kind, at its place, and returns
 * {@code null} (or the default) so that reading goes on and every problem is found in one pass.
 */
public final class Settings {
    private final Path file;
    private final Node.Mapping mapping;
    private final Problems problems;

    private Settings(Path file, Node.Mapping mapping, Problems problems) {
        this.file = file;
        this.mapping = mapping;
        this.problems = problems;
    }

    /**
     * The mapping at {@code node} with only {@code known} keys, or {@code null} (reported) when the
     * node is not a mapping.
     */
    public static Settings of(Path file, Node node, Problems problems, String... known) {
        if (!(node instanceof Node.Mapping mapping)) {
            problems.add(Problems.at(file, node), "expected a mapping of settings, found " + node.describe());
            return null;
        }
        Settings settings = new Settings(file, mapping, problems);
        List<String> names = List.of(known);
        for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
            if (!names.contains(entry.getKey())) {
                problems.add(Problems.at(file, entry.getValue()),
                        Texts.unknown("setting", entry.getKey(), names));
            }
        }
        return settings;
    }

    public Path file() {
        return file;
    }

    public Node node() {
        return mapping;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        Node node = mapping.entries().get(key);
        return node != null && !(node instanceof Node.Scalar scalar && scalar.isNull());
    }

    /** The node of {@code key}, or {@code null} when absent. */
    public Node get(String key) {
        return mapping.entries().get(key);
    }

    /** The place of {@code key}'s value, or of this mapping when it is absent. */
    public String at(String key) {
        Node node = mapping.entries().get(key);
        return Problems.at(file, node != null ? node : mapping);
    }

    public void problem(String key, String message) {
        problems.add(at(key), message);
    }

    /** Reports that a required key is missing. */
    public void missing(String key, String hint) {
        problems.add(Problems.at(file, mapping), "missing setting " + Problem.quote(key)
                + (hint == null ? "" : ": " + hint));
    }

    /** A string (any scalar), or {@code null} when absent or not a scalar (reported). */
    public String string(String key) {
        Node node = mapping.entries().get(key);
        if (node == null) {
            return null;
        }
        return scalar(node);
    }

    /**
     * A setting that makes (part of) ids: its text, or {@code null} when no id may hold it
     * ({@link Problems#isId}, reported here).
     */
    public String id(String key) {
        String value = string(key);
        return value == null || problems.isId(at(key), key, value) ? value : null;
    }

    /** The start of ids ({@code familyIdPrefix}): empty, or checked as an {@link #id}. */
    public String idPrefix(String key) {
        String value = string(key);
        return value == null || value.isEmpty() ? value : id(key);
    }

    /** A string that must be there and not blank. */
    public String required(String key, String hint) {
        if (!has(key)) {
            missing(key, hint);
            return null;
        }
        String value = string(key);
        if (value != null && value.isBlank()) {
            problem(key, "must not be blank");
            return null;
        }
        return value;
    }

    /** The scalar text of a node, reporting anything else. */
    public String scalar(Node node) {
        if (node instanceof Node.Scalar scalar) {
            return scalar.text();
        }
        problems.add(Problems.at(file, node), "expected a single value, found " + node.describe());
        return null;
    }

    /** A file path relative to the configuration file's directory. */
    public Path path(String key) {
        String text = string(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        Path base = file.toAbsolutePath().getParent();
        Path given = Path.of(text);
        return given.isAbsolute() || base == null ? given : relative(base.resolve(given).normalize());
    }

    /** A path as problems show it: relative to the working directory when that is shorter. */
    private static Path relative(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        try {
            Path relative = here.relativize(absolute);
            String text = relative.toString();
            return text.isEmpty() || text.length() >= absolute.toString().length() ? absolute : relative;
        } catch (IllegalArgumentException e) {
            return absolute;
        }
    }

    public Boolean bool(String key, Boolean otherwise) {
        String text = string(key);
        if (text == null) {
            return otherwise;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                problem(key, "expected true or false, found " + Problem.quote(text));
                return otherwise;
            }
        }
    }

    public Integer integer(String key, Integer otherwise, int min, int max) {
        String text = string(key);
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                problem(key, "must be between " + min + " and " + max + ", not " + value);
                return otherwise;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(key, "expected a whole number, found " + Problem.quote(text));
            return otherwise;
        }
    }

    /** One of an enum's constants, written as the contract spells them (case-insensitive). */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E otherwise) {
        String text = string(key);
        if (text == null) {
            return otherwise;
        }
        E value = Enums.find(type, text);
        if (value == null) {
            problem(key, Texts.unknown(Enums.noun(type), text, Enums.names(type)));
            return otherwise;
        }
        return value;
    }

    public ZoneId zone(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            problem(key, "unknown time zone " + Problem.quote(text) + Texts.didYouMean(text, ZoneId.getAvailableZoneIds())
                    + "; use an IANA zone such as America/Chicago");
            return null;
        }
    }

    public LocalDate date(Node node) {
        String text = scalar(node);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problems.at(file, node), Problem.quote(text) + " is not a date YYYY-MM-DD");
            return null;
        }
    }

    /** The items of a list (a single value counts as a list of one); empty when absent. */
    public List<Node> list(String key) {
        Node node = mapping.entries().get(key);
        if (node == null || node instanceof Node.Scalar scalar && scalar.isNull()) {
            return List.of();
        }
        if (node instanceof Node.Sequence sequence) {
            return sequence.items();
        }
        if (node instanceof Node.Scalar) {
            return List.of(node);
        }
        problems.add(Problems.at(file, node), "expected a list, found " + node.describe());
        return List.of();
    }

    /** The strings of a list; unusable items are reported and left out. */
    public List<String> strings(String key) {
        List<String> values = new ArrayList<>();
        for (Node item : list(key)) {
            String text = scalar(item);
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    /** A mapping of strings to nodes (keys in the order written); empty when absent. */
    public Map<String, Node> entries(String key) {
        Node node = mapping.entries().get(key);
        if (node == null || node instanceof Node.Scalar scalar && scalar.isNull()) {
            return Map.of();
        }
        if (node instanceof Node.Mapping map) {
            return map.entries();
        }
        problems.add(Problems.at(file, node), "expected a mapping, found " + node.describe());
        return Map.of();
    }

    /** A nested mapping's settings, or {@code null} when absent (or reported). */
    public Settings nested(String key, String... known) {
        Node node = mapping.entries().get(key);
        if (node == null || node instanceof Node.Scalar scalar && scalar.isNull()) {
            return null;
        }
        return of(file, node, problems, known);
    }

    /** A map from text to one of an enum's constants: {@code {Text: SMS, Voice: PHONE}}. */
    public <E extends Enum<E>> Map<String, E> enumMap(String key, Class<E> type) {
        Map<String, E> values = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : entries(key).entrySet()) {
            String text = scalar(entry.getValue());
            if (text == null) {
                continue;
            }
            E value = Enums.find(type, text);
            if (value == null) {
                problems.add(Problems.at(file, entry.getValue()), Texts.unknown(Enums.noun(type), text, Enums.names(type)));
            } else {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

    /** Which of {@code keys} are present. */
    public List<String> present(Set<String> keys) {
        List<String> found = new ArrayList<>();
        for (String key : mapping.entries().keySet()) {
            if (keys.contains(key) && has(key)) {
                found.add(key);
            }
        }
        return found;
    }
}
