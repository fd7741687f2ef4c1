package org.familyengagement.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Jackson factories every reader and writer shares (they are thread-safe). Streams belong to
 * the caller: parsers and generators never close them. Locations carry no source excerpt, so a
 * syntax error cannot echo a family's free text.
 */
final class Formats {
    static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Formats() {
    }

    /** YAML in a holder of its own: only policies use it, and SnakeYAML is slow to load. */
    static final class Yaml {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();

        private Yaml() {
        }
    }
}
