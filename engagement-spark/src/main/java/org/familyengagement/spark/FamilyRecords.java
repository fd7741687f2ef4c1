package org.familyengagement.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familyengagement.internal.AtomicFiles;
import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;

/**
 * Writes a dataset in the family-records layout (docs/fact-model.md, "Family records"): the
 * header, {@code district.json}, a contract document with the district and staff and no
 * families; and {@code families.jsonl}, one line per family with its contacts, commitments and
 * meetings. Data too big for one document is best exported this way from the start; this turns a
 * document into the layout (the tests and the benchmark use it).
 */
public final class FamilyRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FamilyRecords() {
    }

    /** Writes the layout into {@code directory}, creating it; existing files of the layout are replaced. */
    public static void write(Dataset dataset, Path directory) throws IOException {
        Files.createDirectories(directory);
        DatasetWriter writer = DatasetWriter.compact();
        AtomicFiles.write(directory.resolve(DistrictAudit.HEADER), writer.toBytes(dataset.partition(List.of())));
        AtomicFiles.write(directory.resolve(DistrictAudit.RECORDS_JSONL), out -> {
            for (Family family : dataset.families()) {
                out.write(line(writer.toJson(dataset.partition(List.of(family)))).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        });
    }

    /** One family's document as its record: the family, and its records that are present. */
    private static String line(String document) throws IOException {
        JsonNode tree = JSON.readTree(document);
        ObjectNode record = JSON.createObjectNode();
        record.set("family", tree.get("families").get(0));
        for (String collection : FamilyLines.COLLECTIONS) {
            JsonNode items = tree.get(collection);
            if (items != null && !items.isEmpty()) {
                record.set(collection, items);
            }
        }
        return JSON.writeValueAsString(record);
    }
}
