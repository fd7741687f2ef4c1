package org.familyengagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Dataset;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition of family records is checked as a whole document is, and every problem names its
 * record's line and a pointer within the record, never a place in the document the job assembled.
 */
class FamilyLinesTest {
    private static final String PLACE = "families.jsonl:";
    @TempDir
    static Path dir;
    private static Dataset district;
    private static String header;
    private static List<String> lines;

    @BeforeAll
    static void write() throws IOException {
        district = SampleDistrict.generate(5, 12);
        FamilyRecords.write(district, dir);
        header = Files.readString(dir.resolve(DistrictAudit.HEADER));
        lines = Files.readAllLines(dir.resolve(DistrictAudit.RECORDS_JSONL));
    }

    @Test
    void recordsWrittenFromADatasetReadBackToItsFamilies() {
        FamilyLines.Parsed parsed = read(lines);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.dataset().families()).isEqualTo(district.families());
        assertThat(parsed.dataset().contacts()).hasSameSizeAs(district.contacts());
        assertThat(parsed.dataset().staff()).isEqualTo(district.staff());
    }

    @Test
    void aReferenceProblemNamesItsRecordsLineAndItsPlaceInTheRecord() {
        List<String> bad = new ArrayList<>(lines);
        // The third record's first contact names a staff member the header does not have.
        bad.set(2, bad.get(2).replaceFirst("\"staffId\":\"[^\"]+\"", "\"staffId\":\"t-999\""));

        List<String> problems = read(bad).problems();

        assertThat(problems).singleElement().asString()
                .matches("families\\.jsonl:3: /contacts/\\d+/staffId: .*t-999.*");
    }

    @Test
    void everyMalformedRecordIsListedWithItsLine() {
        List<String> bad = new ArrayList<>(lines);
        bad.set(0, "{\"family\": ");
        bad.set(1, "[1, 2]");
        bad.set(3, bad.get(3).replaceFirst("^\\{\"family\"", "{\"familly\""));
        bad.set(4, bad.get(4).replaceFirst("\"familyId\":\"f-[0-9]+\"", "\"familyId\":\"f-000001\""));

        List<String> problems = read(bad).problems();

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("families.jsonl:1: not JSON");
        assertThat(problems.get(1)).startsWith("families.jsonl:2: a family record must be a JSON object");
        assertThat(problems.get(2)).startsWith("families.jsonl:4: unknown field(s) [familly]");
        assertThat(problems.get(3)).matches("families\\.jsonl:5: /contacts/0/familyId: \"f-000001\" is not this"
                + " record's family .*");
    }

    @Test
    void blankLinesAreSkipped() {
        List<String> spaced = new ArrayList<>(lines);
        spaced.add(1, "");
        spaced.add("   ");

        assertThat(read(spaced).dataset().families()).hasSize(district.families().size());
    }

    private static FamilyLines.Parsed read(List<String> records) {
        List<FamilyLines.Line> numbered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            numbered.add(new FamilyLines.Line(i + 1, records.get(i)));
        }
        return FamilyLines.read(PLACE, header, numbered.iterator());
    }
}
