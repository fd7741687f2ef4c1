package org.familyengagement.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Dataset;

/**
 * Reads a partition of a district in the family-records layout (docs/fact-model.md, "Family
 * records"): the district's header document, and records of one family each, with its contacts,
 * commitments and meetings ({@code {"family": {...}, "contacts": [...], "commitments": [...],
 * "meetings": [...]}}, one per line of a JSON Lines file or one per row of Parquet). The records'
 * parts are spliced into the header, as text, into one contract document read by
 * {@link DatasetReader}, so a partition is checked exactly as a whole document is; each problem is
 * then given back the place of its record (file and line or row) and a pointer within it.
 */
final class FamilyLines {
    /** The collections a record holds, in the document's order. */
    static final List<String> COLLECTIONS = List.of("contacts", "commitments", "meetings");
    private static final Pattern IN_COLLECTION = Pattern.compile("^/(families|contacts|commitments|meetings)/(\\d+)(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FamilyLines() {
    }

    /** A record and where it is: its line (JSON Lines) or row (Parquet), from 1. */
    record Line(long number, String text) implements Serializable {
    }

    /** What reading a partition gave: its dataset, or the problems that kept it from being one. */
    record Parsed(Dataset dataset, List<String> problems) {
    }

    /**
     * Reads one partition's records into a dataset with the header's district and staff.
     *
     * @param place  how problems name a record: the file, then {@code :} or {@code  row }
     * @param header the district's header document, checked on the driver and written without
     *               families, contacts, commitments or meetings ({@link #headerOnly})
     */
    static Parsed read(String place, String header, Iterator<Line> records) {
        // The document is the header with the records' elements spliced in as the lines wrote
        // them: a record is tokenized once to find its parts, and the reader parses the result.
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        Map<String, Origins> origins = new HashMap<>();
        for (String collection : List.of("families", "contacts", "commitments", "meetings")) {
            texts.put(collection, new StringBuilder());
            origins.put(collection, new Origins());
        }
        List<String> problems = new ArrayList<>();
        while (records.hasNext()) {
            Line line = records.next();
            if (line.text().isBlank()) {
                continue;
            }
            String at = place + line.number() + ": ";
            Record record;
            try {
                record = Record.split(line.text(), at, problems);
            } catch (IOException e) {
                problems.add(at + "not JSON: " + (e instanceof JsonProcessingException json ? json.getOriginalMessage()
                        : e.getMessage()));
                continue;
            }
            if (record == null) {
                continue;
            }
            append(texts.get("families"), record.family());
            origins.get("families").add(line.number(), 0);
            record.elements().forEach((collection, elements) -> {
                for (int i = 0; i < elements.size(); i++) {
                    append(texts.get(collection), elements.get(i));
                    origins.get(collection).add(line.number(), i);
                }
            });
        }
        StringBuilder document = new StringBuilder(header.length() + texts.values().stream()
                .mapToInt(StringBuilder::length).sum() + 64);
        String open = header.strip();
        document.append(open, 0, open.length() - 1);
        boolean first = open.substring(1, open.length() - 1).isBlank();
        for (Map.Entry<String, StringBuilder> collection : texts.entrySet()) {
            document.append(first ? "" : ",").append('"').append(collection.getKey()).append("\":[")
                    .append(collection.getValue()).append(']');
            first = false;
        }
        document.append('}');
        // The well-formed records are read even when others are not, for their problems too: a
        // family's records never refer to another family's, so one missing family hides nothing.
        try {
            Dataset dataset = DatasetReader.readString(document.toString());
            return problems.isEmpty() ? new Parsed(dataset, List.of()) : new Parsed(null, problems);
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                problems.add(locate(place, problem, origins));
            }
            return new Parsed(null, problems);
        }
    }

    /** The header as the executors get it: compact, without any families, contacts, commitments or meetings. */
    static String headerOnly(String header) throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(header);
        document.remove(List.of("families", "contacts", "commitments", "meetings"));
        return JSON.writeValueAsString(document);
    }

    private static void append(StringBuilder collection, String element) {
        if (collection.length() > 0) {
            collection.append(',');
        }
        collection.append(element);
    }

    /** One record's parts as text: its family object, and the elements of each collection present. */
    private record Record(String family, Map<String, List<String>> elements) {
        /** The parts of a record, or {@code null} after adding its problems. */
        static Record split(String text, String at, List<String> problems) throws IOException {
            try (JsonParser parser = JSON.getFactory().createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    problems.add(at + "a family record must be a JSON object with \"family\" and its records");
                    return null;
                }
                String family = null;
                String familyId = null;
                Map<String, List<String>> elements = new HashMap<>();
                Map<String, List<String>> owners = new HashMap<>();
                Set<String> unknown = new TreeSet<>();
                List<String> ownProblems = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("family")) {
                        if (value != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            continue;
                        }
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        familyId = scanObject(parser, "id");
                        family = text.substring(start, (int) parser.currentLocation().getCharOffset());
                    } else if (COLLECTIONS.contains(name)) {
                        if (value == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        if (value != JsonToken.START_ARRAY) {
                            parser.skipChildren();
                            ownProblems.add(at + "/" + name + ": must be an array");
                            continue;
                        }
                        List<String> items = new ArrayList<>();
                        List<String> itemOwners = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            int start = (int) parser.currentTokenLocation().getCharOffset();
                            String owner = parser.currentToken() == JsonToken.START_OBJECT
                                    ? scanObject(parser, "familyId") : skip(parser);
                            items.add(text.substring(start, (int) parser.currentLocation().getCharOffset()));
                            itemOwners.add(owner);
                        }
                        elements.put(name, items);
                        owners.put(name, itemOwners);
                    } else {
                        unknown.add(name);
                        parser.skipChildren();
                    }
                }
                if (parser.nextToken() != null) {
                    ownProblems.add(at + "more than one JSON value on the line");
                }
                if (!unknown.isEmpty()) {
                    problems.add(at + "unknown field(s) " + unknown + "; a family record has family, contacts,"
                            + " commitments and meetings");
                    return null;
                }
                if (family == null) {
                    problems.add(at + "/family: required, a family object");
                    return null;
                }
                for (String collection : COLLECTIONS) {
                    List<String> itemOwners = owners.getOrDefault(collection, List.of());
                    for (int i = 0; i < itemOwners.size(); i++) {
                        String owner = itemOwners.get(i);
                        if (owner != null && familyId != null && !owner.equals(familyId)) {
                            ownProblems.add(at + "/" + collection + "/" + i + "/familyId: " + Problem.quote(owner)
                                    + " is not this record's family " + Problem.quote(familyId)
                                    + "; each family's records go with it");
                        }
                    }
                }
                problems.addAll(ownProblems);
                return ownProblems.isEmpty() ? new Record(family, elements) : null;
            }
        }

        /** Reads an object to its end, returning its string field {@code field} at the top level, if any. */
        private static String scanObject(JsonParser parser, String field) throws IOException {
            String found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals(field);
                JsonToken value = parser.nextToken();
                if (wanted && value == JsonToken.VALUE_STRING) {
                    found = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return found;
        }

        private static String skip(JsonParser parser) throws IOException {
            parser.skipChildren();
            return null;
        }
    }

    /** Where the elements of one collection came from: each one's line, and its index there. */
    private static final class Origins {
        private long[] lines = new long[64];
        private int[] indexes = new int[64];
        private int size;

        void add(long line, int index) {
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                indexes = Arrays.copyOf(indexes, size * 2);
            }
            lines[size] = line;
            indexes[size++] = index;
        }
    }

    /** A problem of the assembled document, at its record: {@code /contacts/12/at} becomes line 7's {@code /contacts/0/at}. */
    private static String locate(String place, Problem problem, Map<String, Origins> origins) {
        if (problem.notListedCount() > 0) {
            return problem.toString();
        }
        Matcher in = IN_COLLECTION.matcher(problem.pointer());
        if (in.matches()) {
            Origins of = origins.get(in.group(1));
            int index = Integer.parseInt(in.group(2));
            if (index < of.size) {
                String pointer = in.group(1).equals("families") ? "/family" + in.group(3)
                        : "/" + in.group(1) + "/" + of.indexes[index] + in.group(3);
                return place + of.lines[index] + ": " + pointer + ": " + problem.message();
            }
        }
        return "the district's header: " + problem;
    }
}
