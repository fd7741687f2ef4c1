package org.familyengagement.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Dataset;

/**
 * Reads a partition of a district in the family-records layout (docs/fact-model.md, "Family
 * records"): the district's header document, and records of one family each, with its contacts,
 * commitments and meetings ({@code {"family": {...}, "contacts": [...], "commitments": [...],
 * "meetings": [...]}}, one per line of a JSON Lines file or one per row of Parquet). The records
 * are put into the header as one contract document and read by {@link DatasetReader}, so a
 * partition is checked exactly as a whole document is; each problem is then given back the place
 * of its record (file and line or row) and a pointer within it.
 */
final class FamilyLines {
    /** The collections a record holds, in the document's order. */
    static final List<String> COLLECTIONS = List.of("contacts", "commitments", "meetings");
    private static final Set<String> KEYS = Set.of("family", "contacts", "commitments", "meetings");
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
     * @param place  how problems name a record: the file, then {@code :line} or {@code row}
     * @param header the district's header document (checked on the driver)
     */
    static Parsed read(String place, String header, Iterator<Line> records) {
        ObjectNode document;
        try {
            document = (ObjectNode) JSON.readTree(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the header was checked on the driver", e);
        }
        ArrayNode families = document.putArray("families");
        Map<String, ArrayNode> collections = Map.of("contacts", document.putArray("contacts"),
                "commitments", document.putArray("commitments"), "meetings", document.putArray("meetings"));
        // Where each element of the document came from: its record, and its index there.
        Map<String, List<long[]>> origins = Map.of("families", new ArrayList<>(), "contacts", new ArrayList<>(),
                "commitments", new ArrayList<>(), "meetings", new ArrayList<>());
        List<String> problems = new ArrayList<>();
        while (records.hasNext()) {
            Line line = records.next();
            if (line.text().isBlank()) {
                continue;
            }
            String at = place + line.number() + ": ";
            JsonNode record;
            try {
                record = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                problems.add(at + "not JSON: " + e.getOriginalMessage());
                continue;
            }
            if (!(record instanceof ObjectNode object)) {
                problems.add(at + "a family record must be a JSON object with \"family\" and its records");
                continue;
            }
            Set<String> unknown = new TreeSet<>();
            object.fieldNames().forEachRemaining(name -> {
                if (!KEYS.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                problems.add(at + "unknown field(s) " + unknown + "; a family record has family, contacts, commitments"
                        + " and meetings");
                continue;
            }
            JsonNode family = object.get("family");
            if (!(family instanceof ObjectNode)) {
                problems.add(at + "/family: required, a family object");
                continue;
            }
            JsonNode familyId = family.get("id");
            boolean fits = true;
            for (String collection : COLLECTIONS) {
                JsonNode items = object.get(collection);
                if (items == null || items.isNull()) {
                    continue;
                }
                if (!items.isArray()) {
                    problems.add(at + "/" + collection + ": must be an array");
                    fits = false;
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    JsonNode owner = items.get(i).get("familyId");
                    if (owner != null && familyId != null && !owner.equals(familyId)) {
                        problems.add(at + "/" + collection + "/" + i + "/familyId: " + owner + " is not this record's"
                                + " family " + familyId + "; each family's records go with it");
                        fits = false;
                    }
                }
            }
            if (!fits) {
                continue;
            }
            origins.get("families").add(new long[] {line.number(), 0});
            families.add(family);
            for (String collection : COLLECTIONS) {
                JsonNode items = object.get(collection);
                if (items == null || items.isNull()) {
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    origins.get(collection).add(new long[] {line.number(), i});
                    collections.get(collection).add(items.get(i));
                }
            }
        }
        // The well-formed records are read even when others are not, for their problems too: a
        // family's records never refer to another family's, so one missing family hides nothing.
        try {
            Dataset dataset = DatasetReader.readString(JSON.writeValueAsString(document));
            return problems.isEmpty() ? new Parsed(dataset, List.of()) : new Parsed(null, problems);
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                problems.add(locate(place, problem, origins));
            }
            return new Parsed(null, problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of parsed JSON writes back", e);
        }
    }

    /** A problem of the assembled document, at its record: {@code /contacts/12/at} becomes line 7's {@code /contacts/0/at}. */
    private static String locate(String place, Problem problem, Map<String, List<long[]>> origins) {
        if (problem.notListedCount() > 0) {
            return problem.toString();
        }
        Matcher in = IN_COLLECTION.matcher(problem.pointer());
        if (in.matches()) {
            List<long[]> of = origins.get(in.group(1));
            int index = Integer.parseInt(in.group(2));
            if (index < of.size()) {
                long[] origin = of.get(index);
                String pointer = in.group(1).equals("families") ? "/family" + in.group(3)
                        : "/" + in.group(1) + "/" + origin[1] + in.group(3);
                return place + origin[0] + ": " + pointer + ": " + problem.message();
            }
        }
        return "the district's header: " + problem;
    }
}
