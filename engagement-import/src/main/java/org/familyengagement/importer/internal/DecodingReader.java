package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream strictly: bytes that are not text in the charset stop the reading with a
 * {@link BadEncoding} that says where (line and column of the first character that could not be
 * decoded) and which byte, instead of being replaced silently. A UTF-8 (or UTF-16) byte order mark
 * is skipped.
 */
final class DecodingReader extends Reader {
    /** Bytes that are not text in the file's charset. */
    static final class BadEncoding extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;
        final int badByte;

        BadEncoding(long line, long column, int badByte) {
            super("not valid text at line " + line + ", column " + column);
            this.line = line;
            this.column = column;
            this.badByte = badByte;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private boolean endOfInput;
    private boolean first = true;
    private BadEncoding failure;
    private long line = 1;
    private long column = 1;

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (failure != null) {
                throw failure;
            }
            if (endOfInput && !bytes.hasRemaining()) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private void fill() throws IOException {
        bytes.compact();
        while (!endOfInput && bytes.hasRemaining()) {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else if (n == 0) {
                break;
            } else {
                bytes.position(bytes.position() + n);
                if (n < 1024) {
                    break;
                }
            }
        }
        bytes.flip();
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && !result.isError() && !bytes.hasRemaining()) {
            result = decoder.flush(chars);
        }
        chars.flip();
        int start = chars.position();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(start) == '\uFEFF') {
                chars.position(++start);
            }
        }
        // The place of every decoded character is counted, so that an error can say where it is.
        for (int i = start; i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        if (result.isError()) {
            failure = new BadEncoding(line, column, bytes.get(bytes.position()) & 0xFF);
        } else if (endOfInput && bytes.hasRemaining() && !chars.hasRemaining()) {
            // A truncated multi-byte sequence at the very end.
            failure = new BadEncoding(line, column, bytes.get(bytes.position()) & 0xFF);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The charset named in a configuration, or {@code null}: UTF-8 when {@code name} is {@code null}. */
    static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
