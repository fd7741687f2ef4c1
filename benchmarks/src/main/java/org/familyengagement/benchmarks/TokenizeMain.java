package org.familyengagement.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The cold floor for {@code validate}: tokenizes a file with Jackson's streaming parser in a fresh
 * JVM and does nothing else. {@code TokenizeMain <file>} prints the token count.
 */
public final class TokenizeMain {
    private TokenizeMain() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("tokens=" + tokenize(Path.of(args[0])));
    }

    /** Tokenizes a file and does nothing else; returns the number of tokens. */
    public static long tokenize(Path file) throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = new JsonFactory().createParser(in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens++;
            }
        }
        return tokens;
    }
}
