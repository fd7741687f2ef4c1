package org.familyengagement.io;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Passes a UTF-8 document through to Jackson, refusing the byte sequences Jackson's own decoder
 * lets by (jackson-core 2.22 has no feature for them): overlong forms ({@code C0 AF} for "/"),
 * UTF-16 surrogates encoded in UTF-8 ({@code ED A0 80}, which Jackson refuses only in the strings
 * it decodes, not in those it skips), and code points past U+10FFFF ({@code F4 90 ..},
 * {@code F5..F7}). Everything else, including what Jackson already refuses, passes untouched.
 *
 * <p>The lead byte and the byte after it decide (Unicode, table 3-7), so the guard looks at most
 * one byte ahead. When it finds such a sequence, it hands over the bytes before it and throws an
 * {@link InvalidUtf8} at the next read, which Jackson makes only once it has used up every byte
 * before: the reader's pointer is then on the value that holds the sequence. The exception gives
 * the sequence's line and column (in bytes, as Jackson counts them).
 *
 * <p>Inactive for a document Jackson reads as UTF-16 or UTF-32 (a zero byte or a UTF-16 byte order
 * mark among the first two bytes): that is decoded by a {@code java.io.Reader}, which replaces bad
 * sequences. Costs one comparison per ASCII byte. Not thread-safe; never closes its stream.
 */
final class Utf8Guard extends InputStream {
    /** The bytes are not valid UTF-8, and say where. */
    static final class InvalidUtf8 extends CharConversionException {
        private static final long serialVersionUID = 1L;

        private final long line;
        private final long column;

        InvalidUtf8(long line, long column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        long line() {
            return line;
        }

        long column() {
            return column;
        }
    }

    private final InputStream in;
    private boolean decided;
    private boolean active;
    /** A lead byte held back until the byte after it is known, or -1. */
    private int carry = -1;
    /** Found, to be thrown at the next read. */
    private InvalidUtf8 pending;
    /** Bytes handed over so far. */
    private long position;
    private long line = 1;
    private long lineStart;
    private boolean afterCarriageReturn;

    Utf8Guard(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (length == 0) {
            return 0;
        }
        if (decided && !active) {
            return in.read(buffer, offset, length);
        }
        int count = fill(buffer, offset, length);
        if (count <= 0) {
            return count;
        }
        if (!decided) {
            decided = true;
            active = isUtf8(buffer, offset, count);
            if (!active) {
                return count;
            }
        }
        return scan(buffer, offset, count);
    }

    /** Reads at least two bytes unless the stream ends, starting with any held-back byte. */
    private int fill(byte[] buffer, int offset, int length) throws IOException {
        int count = 0;
        if (carry >= 0) {
            buffer[offset] = (byte) carry;
            carry = -1;
            count = 1;
        }
        int wanted = Math.min(length, 2);
        while (count < wanted || count == 0) {
            int n = in.read(buffer, offset + count, length - count);
            if (n < 0) {
                return count == 0 ? -1 : count;
            }
            count += n;
        }
        return count;
    }

    /** As Jackson decides (ByteSourceJsonBootstrapper): not UTF-8 when a zero byte or a UTF-16 byte order mark starts it. */
    private static boolean isUtf8(byte[] buffer, int offset, int count) {
        if (count < 2) {
            return true;
        }
        int first = buffer[offset] & 0xFF;
        int second = buffer[offset + 1] & 0xFF;
        return first != 0 && second != 0 && !(first == 0xFE && second == 0xFF) && !(first == 0xFF && second == 0xFE);
    }

    /** Checks {@code buffer[offset, offset + count)}; returns how many bytes of it to hand over. */
    private int scan(byte[] buffer, int offset, int count) throws IOException {
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            int b = buffer[i];
            if (b >= 0) {
                if (b == '\n') {
                    if (!afterCarriageReturn) {
                        line++;
                    }
                    lineStart = position + (i - offset) + 1;
                    afterCarriageReturn = false;
                } else if (b == '\r') {
                    line++;
                    lineStart = position + (i - offset) + 1;
                    afterCarriageReturn = true;
                } else {
                    afterCarriageReturn = false;
                }
                continue;
            }
            afterCarriageReturn = false;
            int lead = b & 0xFF;
            if (!isDecidedBySecondByte(lead)) {
                continue;
            }
            if (i + 1 == end) {
                // The next byte decides: hold this one back, unless it is all there is.
                if (i == offset) {
                    int next = in.read();
                    if (next < 0) {
                        return advance(count);
                    }
                    carry = next;
                    String problem = problem(lead, next);
                    if (problem == null) {
                        return advance(count);
                    }
                    pending = found(i - offset, lead, next, problem);
                    throw pending;
                }
                carry = lead;
                return advance(i - offset);
            }
            int second = buffer[i + 1] & 0xFF;
            String problem = problem(lead, second);
            if (problem != null) {
                pending = found(i - offset, lead, second, problem);
                if (i == offset) {
                    throw pending;
                }
                return advance(i - offset);
            }
        }
        return advance(count);
    }

    private int advance(int handedOver) {
        position += handedOver;
        return handedOver;
    }

    private InvalidUtf8 found(int at, int lead, int second, String problem) {
        long column = position + at - lineStart + 1;
        return new InvalidUtf8(line, column, String.format(Locale.ROOT, "bytes 0x%02X 0x%02X are not valid UTF-8: %s",
                lead, second, problem));
    }

    /** The lead bytes whose sequence Jackson may accept although it is not UTF-8. */
    private static boolean isDecidedBySecondByte(int lead) {
        return lead == 0xC0 || lead == 0xC1 || lead == 0xE0 || lead == 0xED || lead == 0xF0
                || (lead >= 0xF4 && lead <= 0xF7);
    }

    /** Why a lead and the byte after it are not UTF-8 although Jackson would decode them, or {@code null}. */
    private static String problem(int lead, int second) {
        boolean continuation = (second & 0xC0) == 0x80;
        if (!continuation) {
            return null; // Jackson refuses this one itself ("Invalid UTF-8 middle byte").
        }
        if (lead == 0xC0 || lead == 0xC1 || (lead == 0xE0 && second < 0xA0) || (lead == 0xF0 && second < 0x90)) {
            return "an overlong encoding (a character written with more bytes than it needs)";
        }
        if (lead == 0xED && second >= 0xA0) {
            return "a UTF-16 surrogate, which UTF-8 never encodes";
        }
        if ((lead == 0xF4 && second >= 0x90) || lead >= 0xF5) {
            return "a code point past U+10FFFF, the last there is";
        }
        return null;
    }
}
