package org.familyengagement.importer.internal;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.errors.Problem;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;

/**
 * A contact-log mapping: how the columns of one CSV shape become contacts. Read from YAML:
 *
 * <pre>{@code
 * csv: { delimiter: ",", encoding: UTF-8 }
 * fields:
 *   id:          { template: "{Message ID}-{Recipient ID}-{Method}" }
 *   at:          { column: Sent, format: "M/d/yyyy h:mm a" }       # local time in the district's zone
 *   direction:   { value: OUTBOUND }
 *   channel:     { column: Method, map: { Text: SMS, Voice: PHONE, Email: EMAIL } }
 *   caregiverId: Recipient ID                                       # a bare name is a column
 * skip: { Recipient Type: [Staff] }
 * }</pre>
 *
 * Immutable once read.
 */
public final class LogMapping {
    /** The contract's contact fields a mapping may fill. */
    public enum Field {
        ID(Kind.ID), FAMILY_ID(Kind.ID), STUDENT_ID(Kind.ID), CAREGIVER_ID(Kind.ID), STAFF_ID(Kind.ID),
        SCHOOL_ID(Kind.ID), BROADCAST_ID(Kind.ID), REPLY_TO(Kind.ID),
        AT(Kind.INSTANT), DIRECTION(Direction.class), CHANNEL(Channel.class), MODE(Mode.class), TONE(Tone.class),
        TOPIC(Topic.class), LANGUAGE(Kind.LANGUAGE), INTERPRETATION(Interpretation.class),
        DELIVERY(Delivery.class), DELIVERED(Kind.BOOLEAN), AWAITS_REPLY(Kind.BOOLEAN);

        final Kind kind;
        final Class<? extends Enum<?>> type;
        final String camel;

        Field(Kind kind) {
            this.kind = kind;
            this.type = null;
            this.camel = camel(name());
        }

        Field(Class<? extends Enum<?>> type) {
            this.kind = Kind.ENUM;
            this.type = type;
            this.camel = camel(name());
        }

        public String camel() {
            return camel;
        }

        static Field byCamel(String name) {
            for (Field field : values()) {
                if (field.camel.equals(name)) {
                    return field;
                }
            }
            return null;
        }

        static List<String> camelNames() {
            List<String> names = new ArrayList<>();
            for (Field field : values()) {
                names.add(field.camel);
            }
            return names;
        }

        private static String camel(String constant) {
            StringBuilder out = new StringBuilder();
            boolean upper = false;
            for (char ch : constant.toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    out.append(upper ? ch : Character.toLowerCase(ch));
                    upper = false;
                }
            }
            return out.toString();
        }
    }

    /** What a field's values are. */
    enum Kind { ID, INSTANT, ENUM, LANGUAGE, BOOLEAN }

    /** Where a mapped cell's value comes from and how it becomes the field's value. */
    static final class FieldSpec {
        final Field field;
        final Node node;
        /** One or more columns (several only for {@code at}: joined with a space); empty for a constant. */
        final List<String> columns;
        /** A constant value, already converted; {@code null} when a column gives it. */
        final Object constant;
        /** An id template: {@code "{Message ID}-{Recipient ID}"}; {@code null} otherwise. */
        final String template;
        /** Source text -> converted value ({@link #NOT_RECORDED} for "treat as empty"). */
        final Map<String, Object> map;
        /** The value of an empty cell, converted; {@code null} for none. */
        final Object otherwise;
        /** {@code at} only: the format ({@code null} for ISO) and the zone of local times ({@code null}: the district's). */
        final String format;
        final ZoneId zone;

        FieldSpec(Field field, Node node, List<String> columns, Object constant, String template,
                  Map<String, Object> map, Object otherwise, String format, ZoneId zone) {
            this.field = field;
            this.node = node;
            this.columns = columns;
            this.constant = constant;
            this.template = template;
            this.map = map;
            this.otherwise = otherwise;
            this.format = format;
            this.zone = zone;
        }

        /** The parser of this field's date-times; {@code districtZone} for local times unless it names a zone. */
        Timestamps timestamps(ZoneId districtZone) {
            return Timestamps.of(format, zone != null ? zone : districtZone);
        }
    }

    /** A map target that means "not recorded": the cell counts as empty. */
    static final Object NOT_RECORDED = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    final Path file;
    final Charset charset;
    final char delimiter;
    final Map<Field, FieldSpec> fields;
    /** column -> values of it that make a row be skipped (compared ignoring case). */
    final Map<String, List<String>> skip;

    private LogMapping(Path file, Charset charset, char delimiter, Map<Field, FieldSpec> fields,
                       Map<String, List<String>> skip) {
        this.file = file;
        this.charset = charset;
        this.delimiter = delimiter;
        this.fields = fields;
        this.skip = skip;
    }

    /** The file the mapping was read from (the import configuration for an inline one). */
    public Path file() {
        return file;
    }

    /**
     * Reads a mapping from its settings; problems go to the settings' collector.
     *
     * @param zone the zone of date-times without an offset unless the mapping names one (the district's)
     */
    static LogMapping read(Settings settings) {
        Problems problems = settings.problems();
        Path file = settings.file();
        Settings csv = settings.nested("csv", "delimiter", "encoding");
        Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        char delimiter = ',';
        if (csv != null) {
            String encoding = csv.string("encoding");
            if (encoding != null) {
                charset = DecodingReader.charset(encoding);
                if (charset == null) {
                    csv.problem("encoding", "unknown encoding " + Problem.quote(encoding)
                            + Texts.didYouMean(encoding, Charset.availableCharsets().keySet())
                            + "; use UTF-8, UTF-16, ISO-8859-1 or windows-1252");
                    charset = java.nio.charset.StandardCharsets.UTF_8;
                }
            }
            String given = csv.string("delimiter");
            if (given != null) {
                String text = given.equals("\\t") || given.equalsIgnoreCase("tab") ? "\t" : given;
                if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
                    csv.problem("delimiter", "must be one character other than a quote or a line break, such as \",\", \";\" or tab");
                } else {
                    delimiter = text.charAt(0);
                }
            }
        }
        Map<Field, FieldSpec> fields = new EnumMap<>(Field.class);
        Node fieldsNode = settings.get("fields");
        if (fieldsNode == null) {
            settings.missing("fields", "a mapping from contact fields (at, direction, channel, studentId, ...) to columns");
        } else {
            Map<String, Node> entries = settings.entries("fields");
            for (Map.Entry<String, Node> entry : entries.entrySet()) {
                Field field = Field.byCamel(entry.getKey());
                if (field == null) {
                    problems.add(Problems.at(file, entry.getValue()),
                            Texts.unknown("contact field", entry.getKey(), Field.camelNames()));
                    continue;
                }
                FieldSpec spec = fieldSpec(field, entry.getValue(), settings);
                if (spec != null) {
                    fields.put(field, spec);
                }
            }
            for (Field required : List.of(Field.AT, Field.DIRECTION, Field.CHANNEL)) {
                if (!entries.containsKey(required.camel)) {
                    problems.add(Problems.at(file, fieldsNode), "missing contact field " + Problem.quote(required.camel)
                            + ": every contact needs at, direction and channel (a column, or a constant value)");
                }
            }
            if (!entries.containsKey("familyId") && !entries.containsKey("studentId")
                    && !entries.containsKey("caregiverId")) {
                problems.add(Problems.at(file, fieldsNode), "no familyId, studentId or caregiverId: a contact must "
                        + "name its family, or a student or caregiver of one");
            }
        }
        Map<String, List<String>> skip = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : settings.entries("skip").entrySet()) {
            List<String> values = new ArrayList<>();
            Node node = entry.getValue();
            List<Node> items = node instanceof Node.Sequence sequence ? sequence.items() : List.of(node);
            for (Node item : items) {
                String text = settings.scalar(item);
                if (text != null) {
                    values.add(text.strip().toLowerCase(Locale.ROOT));
                }
            }
            skip.put(entry.getKey(), values);
        }
        return new LogMapping(file, charset, delimiter, fields, skip);
    }

    private static FieldSpec fieldSpec(Field field, Node node, Settings parent) {
        Problems problems = parent.problems();
        Path file = parent.file();
        if (node instanceof Node.Scalar scalar) {
            if (scalar.isNull() || scalar.text().isBlank()) {
                problems.add(Problems.at(file, node), "give a column name, or {value: ...} for a constant");
                return null;
            }
            return new FieldSpec(field, node, List.of(scalar.text()), null, null, Map.of(), null, null, null);
        }
        Settings spec = Settings.of(file, node, problems, "column", "columns", "value", "template", "map", "default",
                "format", "zone");
        if (spec == null) {
            return null;
        }
        List<String> sources = spec.present(java.util.Set.of("column", "columns", "value", "template"));
        if (sources.size() != 1) {
            problems.add(Problems.at(file, node), sources.isEmpty()
                    ? "say where " + field.camel + " comes from: column, value" + (field == Field.AT ? ", columns" : "")
                            + (field == Field.ID ? ", template" : "")
                    : "give only one of " + String.join(", ", sources));
            return null;
        }
        String source = sources.get(0);
        if (source.equals("columns") && field != Field.AT) {
            spec.problem("columns", "only at may join several columns (a date and a time); use column");
            return null;
        }
        if (source.equals("template") && field != Field.ID) {
            spec.problem("template", "only id is made from a template; use column");
            return null;
        }
        String format = null;
        ZoneId zone = null;
        if (field == Field.AT) {
            zone = spec.has("zone") ? spec.zone("zone") : null;
            format = spec.string("format");
            if (format != null && format.equalsIgnoreCase("ISO")) {
                format = null;
            } else if (format != null) {
                String why = Timestamps.whyInvalid(format);
                if (why != null) {
                    spec.problem("format", "not a date-time pattern: " + why
                            + "; use ISO or a pattern such as M/d/yyyy h:mm a");
                    return null;
                }
            }
        } else {
            for (String key : List.of("format", "zone")) {
                if (spec.has(key)) {
                    spec.problem(key, "only at has a " + key);
                }
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : spec.entries("map").entrySet()) {
            Node target = entry.getValue();
            if (target instanceof Node.Scalar scalar && scalar.isNull()) {
                map.put(entry.getKey(), NOT_RECORDED);
                continue;
            }
            String text = spec.scalar(target);
            Object value = text == null ? null : convertConstant(field, text, Problems.at(file, target), problems);
            if (value != null) {
                map.put(entry.getKey(), value);
            }
        }
        if (!map.isEmpty() && (field == Field.AT || source.equals("value") || source.equals("template"))) {
            spec.problem("map", field == Field.AT ? "at has no map; give its format" : "a map applies to a column");
        }
        Object otherwise = null;
        if (spec.has("default")) {
            otherwise = convertConstant(field, spec.string("default"), spec.at("default"), problems);
        }
        return switch (source) {
            case "column" -> {
                String column = spec.string("column");
                yield column == null ? null : new FieldSpec(field, node, List.of(column), null, null, map, otherwise, format, zone);
            }
            case "columns" -> {
                List<String> columns = spec.strings("columns");
                if (columns.isEmpty()) {
                    spec.problem("columns", "name at least one column");
                    yield null;
                }
                yield new FieldSpec(field, node, columns, null, null, map, otherwise, format, zone);
            }
            case "template" -> {
                String template = spec.string("template");
                if (template == null) {
                    yield null;
                }
                List<String> columns = placeholders(template);
                if (columns.isEmpty()) {
                    spec.problem("template", "name at least one column in braces: \"{Message ID}-{Recipient ID}\"");
                    yield null;
                }
                yield new FieldSpec(field, node, columns, null, template, map, otherwise, null, null);
            }
            default -> {
                if (field == Field.AT) {
                    spec.problem("value", "at comes from a column");
                    yield null;
                }
                String text = spec.string("value");
                Object constant = text == null ? null : convertConstant(field, text, spec.at("value"), problems);
                yield constant == null ? null : new FieldSpec(field, node, List.of(), constant, null, map, otherwise,
                        null, null);
            }
        };
    }

    static List<String> placeholders(String template) {
        List<String> columns = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            columns.add(matcher.group(1));
        }
        return columns;
    }

    /** A value written in the mapping, converted to the field's kind; {@code null} (reported) when it is not one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convertConstant(Field field, String text, String at, Problems problems) {
        switch (field.kind) {
            case ID -> {
                if (text.isBlank()) {
                    problems.add(at, "an id must not be blank");
                    return null;
                }
                String id = text.strip();
                return problems.isId(at, field.camel, id) ? id : null;
            }
            case ENUM -> {
                Enum<?> value = Enums.find((Class) field.type, text);
                if (value == null) {
                    problems.add(at, Texts.unknown(Enums.noun(field.type), text, Enums.names((Class) field.type)));
                }
                return value;
            }
            case LANGUAGE -> {
                String tag = text.strip();
                if (!LanguageTags.isWellFormed(tag)) {
                    problems.add(at, Problem.quote(text) + " is not a well-formed BCP 47 language tag such as en, es-MX");
                    return null;
                }
                return tag;
            }
            case BOOLEAN -> {
                Boolean value = bool(text);
                if (value == null) {
                    problems.add(at, "expected true or false, found " + Problem.quote(text));
                }
                return value;
            }
            default -> {
                problems.add(at, field.camel + " takes no constant value");
                return null;
            }
        }
    }

    /** true/false, yes/no, y/n, 1/0 (any case); {@code null} for anything else. */
    static Boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
