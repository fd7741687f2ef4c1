package org.familyengagement.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.familyengagement.model.Dataset;

/**
 * Small generated districts, committed as test resources ({@code samples/}): written once by the
 * sample generator (engagement-sample, which depends on this module and so cannot be a test
 * dependency of it) with seeds 1, 2, 3, 4, 11 and 5.
 */
final class SampleData {
    private SampleData() {
    }

    static Dataset read(String name) {
        try (InputStream in = SampleData.class.getResourceAsStream("samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource samples/" + name);
            }
            return DatasetReader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
