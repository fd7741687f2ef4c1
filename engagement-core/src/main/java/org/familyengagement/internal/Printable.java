package org.familyengagement.internal;

/**
 * Text as a terminal may show it, for the CLI and the Spark job alike: what they print comes partly
 * from the data and the command line (ids, a custom rule's message, an option's value), and a
 * control character there (ESC starts a terminal escape sequence; CR and LF
 * forge report lines) or a bidi control (U+202E reverses what follows) must not reach the terminal
 * as itself. Each such character is written as a visible {@code \\u} escape instead.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with control, format (bidi) and separator characters and lone surrogates escaped. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean unsafe = isUnsafe(ch) || (Character.isSurrogate(ch) && !isPair(text, i));
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04X", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            if (Character.isHighSurrogate(ch) && isPair(text, i)) {
                if (out != null) {
                    out.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isUnsafe(char ch) {
        int type = Character.getType(ch);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isPair(String text, int i) {
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
