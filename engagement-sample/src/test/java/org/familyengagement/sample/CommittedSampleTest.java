package org.familyengagement.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.familyengagement.io.DatasetWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/data/sample-district.json} is what the generator gives for seed 2026 and 3000
 * families, written by {@link DatasetWriter#compact()}: a change to the generator or the writer
 * that changes the data fails here until the file is regenerated (examples/data/README.md says how).
 */
class CommittedSampleTest {
    static final Path COMMITTED = Path.of(System.getProperty("basedir", "."), "..", "examples", "data",
            "sample-district.json");

    @Test
    void theCommittedSampleIsTheGeneratorsOutputForSeed2026And3000Families() throws Exception {
        assertThat(COMMITTED).as("the committed sample, relative to the engagement-sample module").isRegularFile();

        String committed = sha256(Files.readAllBytes(COMMITTED));
        String generated = sha256(DatasetWriter.compact().toBytes(Fall2026.sample()));

        assertThat(committed).as("SHA-256 of %s; regenerate it as examples/data/README.md says", COMMITTED)
                .isEqualTo(generated);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
