package org.familyengagement.io;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Dataset;

/**
 * Reads a dataset document (the JSON contract of {@code docs/fact-model.md}) into a
 * {@link Dataset}.
 *
 * <pre>{@code
 * Dataset dataset = DatasetReader.read(Path.of("export.json"));
 * }</pre>
 *
 * <p>The document is read in one streaming pass and never held in memory as text or as a tree,
 * so two million contacts cost little more than the model they become. Defaults of the
 * contract are applied as it is read.
 *
 * <p>A document that breaks the contract is rejected as a whole with an
 * {@link InvalidDatasetException} that lists every problem, each with a JSON pointer and a
 * sentence that quotes only ids, enum values and the offending token (cut to 32 characters).
 * Problems are sorted by pointer ({@link Dataset#comparePointers}: sections in contract order,
 * array positions by number). A missing required field is reported on the object that lacks
 * it: {@code /contacts/3: missing required field "at"}. After a syntax error the parser cannot
 * go on, so the problems found up to it and the syntax error (with line and column) are
 * reported, without the cross-reference checks that need the whole document.
 *
 * <p>Both schema versions are read ({@link Dataset#READABLE_SCHEMA_VERSIONS}): a version 1
 * document reads as it always did, into the same model a version 2 document does.
 *
 * <p>A leading byte order mark is skipped, whichever entry point the document comes through.
 * Bytes must be valid UTF-8 (or UTF-16/32 with a byte order mark): overlong forms and encoded
 * surrogates are refused with their line and column, and strings must be valid Unicode text.
 * At most {@link org.familyengagement.errors.InvalidInputException#MAX_PROBLEMS} problems are
 * listed, then one more that counts the rest: the document is still read to its end.
 *
 * <p>Thread-safe: all methods are static and share nothing mutable. Streams and readers passed
 * in are read to the end of the document and not closed.
 */
public final class DatasetReader {
    /** U+FEFF: many Windows tools start a UTF-8 export with it. Accepted and skipped everywhere. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DatasetReader() {
    }

    /**
     * Reads the document in {@code file} (UTF-8).
     *
     * @throws InvalidDatasetException when the document breaks the contract
     * @throws IOException             when the file cannot be read
     */
    public static Dataset read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads a document from a byte stream (UTF-8, or UTF-16/32 with a byte order mark).
     *
     * @throws InvalidDatasetException when the document breaks the contract, bytes that are not
     *                                 text in its encoding included
     * @throws IOException             when the stream cannot be read
     */
    public static Dataset read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "input stream must not be null");
        JsonParser parser;
        try {
            // Jackson's UTF-8 decoder lets overlong forms by ("C0 AF" for "/"): the guard refuses them.
            parser = Formats.JSON.createParser(new Utf8Guard(in));
        } catch (Utf8Guard.InvalidUtf8 e) {
            throw new InvalidDatasetException(List.of(new Problem("", JsonWalker.malformedUtf8("JSON", e))));
        } catch (CharConversionException e) {
            // Jackson refuses some byte orders (UCS-4 2143 and 3412) while detecting the encoding.
            throw new InvalidDatasetException(List.of(new Problem("", JsonWalker.undecodable("JSON", e))));
        }
        try (parser) {
            return new DatasetParser(parser).read();
        }
    }

    /**
     * Reads a document from a character stream.
     *
     * @throws InvalidDatasetException when the document breaks the contract
     * @throws IOException             when the reader fails
     */
    public static Dataset read(Reader reader) throws IOException {
        Objects.requireNonNull(reader, "reader must not be null");
        // A reader hands a UTF-8 byte order mark over as U+FEFF; skip it, as the byte entry points do.
        PushbackReader text = new PushbackReader(reader, 1);
        int first = text.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            text.unread(first);
        }
        try (JsonParser parser = Formats.JSON.createParser(text)) {
            return new DatasetParser(parser).read();
        }
    }

    /**
     * Reads a document held in a string.
     *
     * @throws InvalidDatasetException when the document breaks the contract
     */
    public static Dataset readString(String json) {
        Objects.requireNonNull(json, "json must not be null");
        String document = !json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK ? json.substring(1) : json;
        try (JsonParser parser = Formats.JSON.createParser(document)) {
            return new DatasetParser(parser).read();
        } catch (IOException e) {
            // Syntax errors are problems, not exceptions; a string has no other way to fail.
            throw new UncheckedIOException(e);
        }
    }
}
