package org.familyengagement.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.internal.AtomicFiles;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Dataset;

/**
 * Writes a dataset in the family-records layout (docs/fact-model.md, "Family records"): the
 * header, {@code district.json}, the document without its families, contacts, commitments and
 * meetings; and {@code families.jsonl}, one line per family with its contacts, commitments and
 * meetings, each as the document wrote it. Data too big for one document is best exported this way
 * from the start; this turns a document into the layout:
 *
 * <pre>
 * java -cp engagement-spark/target/engagement-spark.jar org.familyengagement.spark.FamilyRecords \
 *     --data district.json --out district/ [--district-id d-7]
 * </pre>
 *
 * ({@code --district-id} gives the district another id: generated sample districts all have
 * {@code d-1}). The document is checked first; its elements are then regrouped by family as text,
 * so that the records read exactly as the document does.
 */
public final class FamilyRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RECORDS = List.of("families", "contacts", "commitments", "meetings");

    private FamilyRecords() {
    }

    /** Turns a dataset document into the layout: {@code --data FILE --out DIR [--district-id ID]}. */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("--data") || !options.containsKey("--out")
                || !Set.of("--data", "--out", "--district-id").containsAll(options.keySet())) {
            System.err.println("usage: FamilyRecords --data FILE --out DIR [--district-id ID]");
            System.exit(2);
        }
        Path document = Path.of(options.get("--data"));
        try {
            DatasetReader.read(document);
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        try (InputStream in = Files.newInputStream(document)) {
            write(in, Path.of(options.get("--out")), options.get("--district-id"));
        }
    }

    /** Writes the layout of a dataset into {@code directory}, creating it; existing files of the layout are replaced. */
    public static void write(Dataset dataset, Path directory) throws IOException {
        write(new ByteArrayInputStream(DatasetWriter.compact().toBytes(dataset)), directory, null);
    }

    /**
     * Writes the layout of a dataset document (already checked) into {@code directory}.
     *
     * @param districtId the district's new id, or {@code null} to keep it
     */
    static void write(InputStream document, Path directory, String districtId) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        // Family id to its record's parts, as JSON text: the family, then its elements by collection.
        Map<String, Map<String, List<String>>> byFamily = new LinkedHashMap<>();
        Map<String, String> familyText = new HashMap<>();
        try (JsonParser parser = JSON.createParser(document)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!RECORDS.contains(field)) {
                    header.set(field, parser.readValueAsTree());
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode element = parser.readValueAsTree();
                    String text = JSON.writeValueAsString(element);
                    if (field.equals("families")) {
                        String id = element.get("id").asText();
                        familyText.put(id, text);
                        byFamily.put(id, new HashMap<>());
                    } else {
                        byFamily.get(element.get("familyId").asText()).computeIfAbsent(field, k -> new ArrayList<>())
                                .add(text);
                    }
                }
            }
        }
        if (districtId != null) {
            ((ObjectNode) header.get("district")).put("id", districtId);
        }
        Files.createDirectories(directory);
        AtomicFiles.write(directory.resolve(DistrictAudit.HEADER), JSON.writeValueAsBytes(header));
        AtomicFiles.write(directory.resolve(DistrictAudit.RECORDS_JSONL), out -> {
            for (Map.Entry<String, Map<String, List<String>>> family : byFamily.entrySet()) {
                StringBuilder line = new StringBuilder("{\"family\":").append(familyText.get(family.getKey()));
                for (String collection : FamilyLines.COLLECTIONS) {
                    List<String> items = family.getValue().get(collection);
                    if (items != null) {
                        line.append(",\"").append(collection).append("\":[").append(String.join(",", items)).append(']');
                    }
                }
                out.write(line.append("}\n").toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
