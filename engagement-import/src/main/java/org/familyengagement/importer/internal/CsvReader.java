package org.familyengagement.importer.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * An RFC 4180 CSV reader for the import's hot loop: one record at a time, its cells as ranges of
 * one reused character array, so that a cell becomes a {@code String} only when the caller asks
 * (a cell that names a roster id or a mapped value is looked up straight from the array).
 *
 * <p>It reads exactly as Apache Commons CSV 1.14 does with {@code CSVFormat.RFC4180}, a one-character
 * delimiter, {@code ignoreEmptyLines} and no trimming, which the import used before: the same
 * records, the same {@link #lineNumber()} after each (Commons' {@code getCurrentLineNumber()}, which
 * the import's row numbers are made from), and the same failures with the same messages
 * ({@code (startline 2) EOF reached before encapsulated token finished}, {@code Invalid character
 * between encapsulated token and delimiter at line: 2, position: 45}). {@code CsvReaderTest} holds it
 * to that, record by record, against Commons CSV on generated input. A quote opens a quoted cell
 * only as a cell's first character; {@code ""} inside one is a quote; a line ends at CR, LF or CR LF.
 * The input is not read past the end of the record returned (but for the character after a CR),
 * so an error of the {@code Reader} below, such as {@link DecodingReader.BadEncoding}, surfaces
 * at the record it is in. Not thread-safe.
 */
final class CsvReader implements Closeable {
    /** Input that is not CSV: the message is Commons CSV's. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private static final int EOF = -1;
    /** Before the first character. */
    private static final int UNDEFINED = -2;
    private static final int TOKEN = 0;
    private static final int END_OF_RECORD = 1;
    /** The end of the input, after a cell's content. */
    private static final int END_OF_FILE_READY = 2;
    /** The end of the input, with no content read. */
    private static final int END_OF_FILE = 3;

    private final Reader in;
    private final char delimiter;
    private final char[] input = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean inputEnded;

    /** The record's cells, one after the other; cell i is {@code [i == 0 ? 0 : ends[i - 1], ends[i])}. */
    private char[] cells = new char[512];
    private int length;
    private int[] ends = new int[16];
    private int count;

    // What Commons CSV's reader counts, for the same line numbers and positions.
    private long lineNumber;
    private int lastChar = UNDEFINED;
    private long position;
    private boolean lastTokenDelimiter;

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws Malformed   for input that is not CSV
     * @throws IOException from the reader below
     */
    boolean next() throws IOException {
        count = 0;
        length = 0;
        while (true) {
            int type = nextToken();
            switch (type) {
                case TOKEN -> endCell();
                case END_OF_RECORD, END_OF_FILE_READY -> {
                    endCell();
                    return true;
                }
                default -> {
                    return count > 0;
                }
            }
        }
    }

    /** The number of cells of the record. */
    int size() {
        return count;
    }

    /** The characters the record's cells are ranges of; valid until the next {@link #next()}. */
    char[] chars() {
        return cells;
    }

    int start(int cell) {
        return cell == 0 ? 0 : ends[cell - 1];
    }

    int end(int cell) {
        return ends[cell];
    }

    String get(int cell) {
        int start = start(cell);
        return new String(cells, start, ends[cell] - start);
    }

    /** Commons CSV's {@code getCurrentLineNumber()}: the line the reading has reached. */
    long lineNumber() {
        return lastChar == '\r' || lastChar == '\n' || lastChar == UNDEFINED || lastChar == EOF
                ? lineNumber : lineNumber + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- Commons CSV's Lexer, for one format -----------------------------------------------------

    private int nextToken() throws IOException {
        int previous = lastChar;
        int c = read();
        boolean eol = readEndOfLine(c);
        // Empty lines are skipped.
        while (eol && isStartOfLine(previous)) {
            previous = c;
            c = read();
            eol = readEndOfLine(c);
            if (c == EOF) {
                return END_OF_FILE;
            }
        }
        if (previous == EOF || !lastTokenDelimiter && c == EOF) {
            return END_OF_FILE;
        }
        lastTokenDelimiter = c == delimiter;
        if (lastTokenDelimiter) {
            return TOKEN;
        }
        if (eol) {
            return END_OF_RECORD;
        }
        if (c == '"') {
            return quoted();
        }
        if (c == EOF) {
            return END_OF_FILE_READY;
        }
        return simple(c);
    }

    private static boolean isStartOfLine(int c) {
        return c == '\n' || c == '\r' || c == UNDEFINED;
    }

    private int simple(int first) throws IOException {
        append((char) first);
        while (true) {
            scanPlain(false);
            int c = read();
            if (readEndOfLine(c)) {
                return END_OF_RECORD;
            }
            if (c == EOF) {
                return END_OF_FILE_READY;
            }
            if (c == delimiter) {
                lastTokenDelimiter = true;
                return TOKEN;
            }
            append((char) c);
        }
    }

    private int quoted() throws IOException {
        long startLine = lineNumber();
        while (true) {
            scanPlain(true);
            int c = read();
            if (c == '"') {
                if (peek() == '"') {
                    append((char) read());
                    continue;
                }
                // The closing quote: only white space may come before the delimiter or the line's end.
                while (true) {
                    c = read();
                    if (c == delimiter) {
                        lastTokenDelimiter = true;
                        return TOKEN;
                    }
                    if (c == EOF) {
                        return END_OF_FILE_READY;
                    }
                    if (readEndOfLine(c)) {
                        return END_OF_RECORD;
                    }
                    if (!Character.isWhitespace((char) c)) {
                        throw new Malformed(String.format(
                                "Invalid character between encapsulated token and delimiter at line: %,d, position: %,d",
                                lineNumber(), position));
                    }
                }
            } else if (c == EOF) {
                throw new Malformed(String.format("(startline %,d) EOF reached before encapsulated token finished",
                        startLine));
            } else {
                append((char) c);
            }
        }
    }

    /**
     * Appends the characters that need no decision (no delimiter, line end or quote; in a quoted
     * cell any but a quote, CR or LF) straight from the input buffer, counting them as read.
     */
    private void scanPlain(boolean inQuotes) {
        int start = pos;
        int i = pos;
        char[] chars = input;
        int end = limit;
        if (inQuotes) {
            while (i < end) {
                char ch = chars[i];
                if (ch == '"' || ch == '\r' || ch == '\n') {
                    break;
                }
                i++;
            }
        } else {
            char stop = delimiter;
            while (i < end) {
                char ch = chars[i];
                if (ch == stop || ch == '\r' || ch == '\n') {
                    break;
                }
                i++;
            }
        }
        int n = i - start;
        if (n > 0) {
            if (length + n > cells.length) {
                cells = Arrays.copyOf(cells, Math.max(cells.length * 2, length + n));
            }
            System.arraycopy(chars, start, cells, length, n);
            length += n;
            pos = i;
            position += n;
            lastChar = chars[i - 1];
        }
    }

    private boolean readEndOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
            return true;
        }
        return c == '\n' || c == '\r';
    }

    private int read() throws IOException {
        int c = pos < limit || fill() ? input[pos++] : EOF;
        if (c == '\r' || c == '\n' && lastChar != '\r' || c == EOF && lastChar != '\r' && lastChar != '\n'
                && lastChar != EOF) {
            lineNumber++;
        }
        lastChar = c;
        position++;
        return c;
    }

    private int peek() throws IOException {
        return pos < limit || fill() ? input[pos] : EOF;
    }

    private boolean fill() throws IOException {
        while (!inputEnded) {
            int n = in.read(input, 0, input.length);
            if (n < 0) {
                inputEnded = true;
            } else if (n > 0) {
                pos = 0;
                limit = n;
                return true;
            }
        }
        return false;
    }

    private void append(char ch) {
        if (length == cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
        }
        cells[length++] = ch;
    }

    private void endCell() {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = length;
    }
}
