package org.familyengagement.io;

import java.io.CharConversionException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.IdIndex;
import org.familyengagement.internal.References;
import org.familyengagement.internal.Suggestions;
import org.familyengagement.model.Dataset;

/**
 * Walks one JSON or YAML document through a streaming parser, keeping the JSON pointer of the
 * value under the cursor and collecting problems.
 *
 * <p>Each value reader consumes the whole value under the cursor, whatever it is. When the
 * value is not what the contract says, it reports a problem at the current pointer and returns
 * {@code null}, so the caller can carry on and every problem of a document is found in one
 * pass. Pointers are built only when a problem is reported.
 *
 * <p>Messages quote ids, enum values and offending tokens only, each cut to
 * {@value #MAX_QUOTED} characters, and never a value with white space in it (see
 * {@link #quote}), so free text a family wrote cannot leak into them. Pointers show the keys
 * of the document with characters unsafe to print as '?'.
 *
 * <p>Problems are kept up to {@link InvalidInputException#MAX_PROBLEMS}, then only counted
 * ({@link #isFull()}): memory stays bounded however bad the input.
 *
 * <p>Strings must be valid Unicode (no half of a surrogate pair on its own, which a JSON escape
 * such as {@code "\ud800"} can make), instants and dates must fall in the years
 * {@value #MIN_YEAR} to {@value #MAX_YEAR}.
 */
final class JsonWalker {
    /** The longest token a message quotes in full. */
    static final int MAX_QUOTED = Problem.MAX_QUOTED;
    /** The earliest year of an instant or date the readers accept. */
    static final int MIN_YEAR = 1900;
    /** The latest year of an instant or date the readers accept. */
    static final int MAX_YEAR = 9999;
    static final Instant MIN_INSTANT = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");
    static final Instant MAX_INSTANT = Instant.parse(MAX_YEAR + "-12-31T23:59:59.999999999Z");

    private final JsonParser parser;
    private final String format;
    private final References.CappedProblems problems = new References.CappedProblems();
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    /**
     * The last instant read and its text: the contacts of one broadcast follow one another with the
     * same time (two in three contacts of the sample district), and share one parse and one object.
     */
    private final char[] lastInstantText = new char[40];
    private int lastInstantLength = -1;
    private Instant lastInstant;
    private int depth;
    /** The document's schemaVersion: 0 until it is read, -1 when it is unusable. */
    private int schemaVersion;
    /** Version 2 fields met before the version was known, reported if it turns out to be 1. */
    private References.CappedProblems versionTwoFields;

    /** @param format the document's format as users know it, {@code JSON} or {@code YAML} */
    JsonWalker(JsonParser parser, String format) {
        this.parser = parser;
        this.format = format;
    }

    JsonParser parser() {
        return parser;
    }

    JsonToken next() throws IOException {
        return parser.nextToken();
    }

    // ---------------------------------------------------------------- the document

    /** Reads the body of a document's root object, with the cursor on its start. */
    @FunctionalInterface
    interface Body {
        void read() throws IOException;
    }

    /**
     * Reads a document whose root must be an object, the skeleton every reader shares: an empty
     * document, another kind of root and content after the root are problems; {@code body} reads
     * the root object. A syntax error, or bytes that are not text in the document's encoding,
     * ends the reading as the last problem.
     *
     * @param whenEmpty the problem of an empty document
     * @param rootMust  how the problem of another root begins: "the document must be a JSON object"
     * @return {@code false} when the document could not be read to its end
     */
    boolean document(String whenEmpty, String rootMust, Body body) throws IOException {
        try {
            JsonToken first = next();
            if (first == null) {
                problem(whenEmpty);
            } else if (first != JsonToken.START_OBJECT) {
                problem(rootMust + ", not " + describeCurrent());
            } else {
                body.read();
                if (next() != null) {
                    problem("unexpected content after the end of the document");
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            malformed(e);
            return false;
        } catch (CharConversionException e) {
            // Bytes that are not text in the encoding detected (UTF-32 with a code point past U+10FFFF,
            // an overlong UTF-8 form).
            malformed(e);
            return false;
        }
    }

    /**
     * Throws {@code exception} of every problem, in document order, when there is any; the
     * problems only counted make one more, {@link Problem#notListed}, at the end.
     */
    <X extends RuntimeException> void throwIfProblems(Function<List<Problem>, X> exception) {
        if (!problems.isEmpty()) {
            throw exception.apply(problems.toList(Dataset.DOCUMENT_ORDER));
        }
    }

    // ---------------------------------------------------------------- the pointer

    void enter(String name) {
        grow();
        names[depth] = name;
        depth++;
    }

    void enter(int index) {
        grow();
        names[depth] = null;
        indexes[depth] = index;
        depth++;
    }

    void leave() {
        depth--;
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }

    /** The JSON pointer (RFC 6901) of the value under the cursor; {@code ""} for the root. */
    String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            pointer.append('/');
            if (names[i] == null) {
                pointer.append(indexes[i]);
            } else {
                appendEscaped(pointer, names[i]);
            }
        }
        return pointer.toString();
    }

    private static void appendEscaped(StringBuilder pointer, String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char ch = segment.charAt(i);
            if (ch == '~') {
                pointer.append("~0");
            } else if (ch == '/') {
                pointer.append("~1");
            } else if (ch < ' ' || ch >= 0x7F) {
                // A key is the document's to choose: ESC or a bidirectional control in one must not reach a terminal.
                int end = Character.isHighSurrogate(ch) && i + 1 < segment.length() ? i + 2 : i + 1;
                References.appendPrintable(pointer, segment, i, end);
                i = end - 1;
            } else {
                pointer.append(ch);
            }
        }
    }

    // ---------------------------------------------------------------- problems

    List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * True once {@link InvalidInputException#MAX_PROBLEMS} problems are kept: the document is
     * rejected whatever follows, further problems are only counted, and readers stop keeping
     * what they read.
     */
    boolean isFull() {
        return problems.isFull();
    }

    /** A problem at the current pointer. */
    void problem(String message) {
        // Once full, a problem is only counted: not even its pointer is built.
        if (problems.isFull()) {
            problems.countOne();
        } else {
            problems.add(new Problem(pointer(), message));
        }
    }

    /** A problem at another place. */
    void problemAt(String pointer, String message) {
        problems.add(new Problem(pointer, message));
    }

    /** Adds a problem found by another check, a {@link Problem#notListed} tally included. */
    void add(Problem problem) {
        problems.add(problem);
    }

    /** A problem at a field of the object under the cursor. */
    void problemIn(String field, String message) {
        if (problems.isFull()) {
            problems.countOne();
            return;
        }
        StringBuilder pointer = new StringBuilder(pointer()).append('/');
        appendEscaped(pointer, field);
        problems.add(new Problem(pointer.toString(), message));
    }

    // ---------------------------------------------------------------- schema version

    /** Records the document's schemaVersion ({@code -1}: unusable or unsupported). */
    void schemaVersion(int version) {
        schemaVersion = version;
        if (versionTwoFields != null) {
            if (version == 1) {
                for (Problem problem : versionTwoFields.toList(Dataset.DOCUMENT_ORDER)) {
                    problems.add(problem);
                }
            }
            versionTwoFields = null;
        }
    }

    /** True when the document said {@code schemaVersion: 1} before the cursor. */
    boolean isVersionOne() {
        return schemaVersion == 1;
    }

    /**
     * The cursor is on a field that version 2 added: a problem if the document is version 1, now
     * or once its version is read (the fields of a document come in any order).
     */
    void versionTwoField(String name) {
        if (schemaVersion > 1 || schemaVersion < 0) {
            return;
        }
        String message = "field " + quote(name) + " needs schemaVersion 2; this document says schemaVersion 1";
        if (schemaVersion == 1) {
            problem(message);
        } else {
            if (versionTwoFields == null) {
                versionTwoFields = new References.CappedProblems();
            }
            if (versionTwoFields.isFull()) {
                versionTwoFields.countOne();
            } else {
                versionTwoFields.add(new Problem(pointer(), message));
            }
        }
    }

    void unknownField(String name, List<String> known) {
        if (problems.isFull()) {
            problems.countOne();
            return;
        }
        String suggestion = Suggestions.closest(name, known);
        problem("unknown field " + quote(name) + (suggestion != null
                ? "; did you mean \"" + suggestion + "\"?"
                : "; known fields: " + String.join(", ", known)));
    }

    /** Reports that the value under the cursor is not {@code expected}, and skips it. */
    void wrongType(String expected) throws IOException {
        if (problems.isFull()) {
            problems.countOne();
        } else {
            problem("expected " + expected + ", found " + describeCurrent());
        }
        parser.skipChildren();
    }

    /**
     * Reports a syntax error at the innermost place the walker had reached. The parser cannot go
     * on after one, so this is the last problem of the document.
     */
    void malformed(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            // SnakeYAML's own text spans lines and quotes the source; keep its verdict and its mark.
            Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
            String where = mark != null ? " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) : "";
            String verdict = yaml.getProblem() != null ? yaml.getProblem() : yaml.getContext();
            problem("malformed " + format + where + ": " + sanitize(verdict));
            return;
        }
        JsonLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
                : "";
        problem("malformed " + format + where + ": " + parserMessage(e));
    }

    /**
     * Reports bytes that are not text in the document's encoding (Jackson's UTF-32 decoder throws
     * these instead of a parse exception). Like a syntax error, the last problem of the document.
     */
    void malformed(CharConversionException e) {
        if (e instanceof Utf8Guard.InvalidUtf8 utf8) {
            problem(malformedUtf8(format, utf8));
        } else {
            problem(undecodable(format, e));
        }
    }

    /** The sentence for a byte sequence that is not UTF-8, where it is. */
    static String malformedUtf8(String format, Utf8Guard.InvalidUtf8 e) {
        return "malformed " + format + " at line " + e.line() + ", column " + e.column() + ": " + e.getMessage();
    }

    /** The sentence for bytes that are not text in the document's encoding. */
    static String undecodable(String format, CharConversionException e) {
        return "malformed " + format + ": the bytes are not valid text in its encoding: " + sanitize(e.getMessage());
    }

    /**
     * The parser's own description of a syntax error, without the source excerpts it may carry
     * and with long quoted tokens cut short.
     */
    static String parserMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int source = message == null ? -1 : message.indexOf("[Source:");
        if (source >= 0) {
            int open = message.lastIndexOf('(', source);
            message = message.substring(0, open >= 0 ? open : source);
        }
        return sanitize(message);
    }

    /** The first line of a parser's message, long quoted tokens cut short, at most 200 characters. */
    private static String sanitize(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        // A quoted token has no white space; a span with some is the parser's own text between two tokens.
        message = message.replaceAll("'([^'\\s]{" + MAX_QUOTED + "})[^'\\s]+'", "'$1…'").strip();
        if (message.endsWith(":")) {
            message = message.substring(0, message.length() - 1);
        }
        // The parser quotes the character it stopped at, whatever it is: ESC or U+202E included.
        message = References.printable(message);
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** A token as a message shows it: see {@link Problem#quote}. */
    static String quote(String token) {
        return Problem.quote(token);
    }

    /** How a message names the value under the cursor. */
    String describeCurrent() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> isAlias() ? "the YAML alias *" + quote(parser.getText()).replace("\"", "")
                    + " (aliases are not supported; write the value itself)" : "the string " + quote(parser.getText());
            case VALUE_EMBEDDED_OBJECT -> "binary data";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + quote(parser.getText()).replace("\"", "");
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.asString() != null ? token.asString() : token.name();
        };
    }

    // ---------------------------------------------------------------- containers

    /** True on an object; otherwise reports and skips the value. */
    boolean expectObject() throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        wrongType("an object");
        return false;
    }

    /** True on an array; otherwise reports and skips the value. */
    boolean expectArray() throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        wrongType("an array");
        return false;
    }

    /** Reads one element of an array; {@code null} when it was reported as unusable. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read() throws IOException;
    }

    /**
     * The elements of the array under the cursor, with {@code null} where an element was
     * unusable, so positions match the document. An empty list when it is not an array.
     */
    <T> List<T> elements(ElementReader<T> element) throws IOException {
        List<T> list = new ArrayList<>();
        if (expectArray()) {
            // A parser throws on a truncated array; the null check only guards against looping forever.
            for (int i = 0; !isArrayEnd(parser.nextToken()); i++) {
                enter(i);
                T value = element.read();
                // Once problems are only counted the document is lost: its elements are read, not kept.
                if (!problems.isFull()) {
                    list.add(value);
                }
                leave();
            }
        }
        return list;
    }

    /** True at the end of an array, or (defensively) of the input. */
    static boolean isArrayEnd(JsonToken token) {
        return token == JsonToken.END_ARRAY || token == null;
    }

    /** The usable elements of the array under the cursor; unusable ones are reported and left out. */
    <T> List<T> values(ElementReader<T> element) throws IOException {
        List<T> list = elements(element);
        list.removeIf(Objects::isNull);
        return list;
    }

    // ---------------------------------------------------------------- scalars

    /** A string; {@code null} (reported) for anything else, JSON null included. */
    String string() throws IOException {
        return string(null);
    }

    /**
     * True when the value under the cursor is a YAML alias ({@code *name}). Jackson does not resolve
     * aliases: it hands over the anchor's name as if it were the value, which would silently read
     * {@code *P90D} as the string "P90D" whatever the anchor holds.
     */
    private boolean isAlias() {
        return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
    }

    /**
     * A string, taken from {@code pool} when there is one; {@code null} (reported) for anything
     * else, and for a string that holds half of a surrogate pair without the other.
     */
    String string(StringPool pool) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING && !isAlias()) {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            int lone = loneSurrogate(chars, offset, length);
            if (lone >= 0) {
                problem("the string holds " + References.codePointName(chars[offset + lone]) + " at character "
                        + (lone + 1) + ", half of a UTF-16 surrogate pair without the other half: not valid Unicode text");
                return null;
            }
            return pool == null ? new String(chars, offset, length) : pool.get(chars, offset, length);
        }
        wrongType("a string");
        return null;
    }

    /** The position of the first half of a surrogate pair standing alone, or -1. */
    static int loneSurrogate(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char ch = chars[i];
            if (ch >= Character.MIN_SURROGATE && ch <= Character.MAX_SURROGATE) {
                if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else {
                    return i - offset;
                }
            }
        }
        return -1;
    }

    /** A string, or {@code null} for JSON null (not a problem: the field says "none"). */
    String optionalString(StringPool pool) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : string(pool);
    }

    /** A non-blank string. */
    String id() throws IOException {
        return id(null);
    }

    /** An id ({@link References#idProblem} says what one may hold), taken from {@code pool} when there is one. */
    String id(StringPool pool) throws IOException {
        return checkedId(string(pool), "an id");
    }

    /**
     * {@code value} when it can be an id; otherwise reports why ("an id must not be blank") at the
     * cursor and returns {@code null}. Also for group dimensions and labels, which follow the same rule.
     *
     * @param noun how the message names the value: "an id", "a group label"
     */
    String checkedId(String value, String noun) {
        if (value == null) {
            return null;
        }
        String problem = References.idProblem(value);
        if (problem != null) {
            problem(noun + " " + problem);
            return null;
        }
        return value;
    }

    /** A non-blank string, or {@code null} for JSON null. */
    String optionalId(StringPool pool) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : id(pool);
    }

    Boolean bool() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        wrongType("true or false");
        return null;
    }

    /** An integral number that fits an {@code int}. */
    Integer integer() throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            wrongType("an integer");
            return null;
        }
        try {
            return parser.getIntValue();
        } catch (InputCoercionException e) {
            problem("the number " + quote(parser.getText()).replace("\"", "") + " is out of range");
            return null;
        }
    }

    /** Any number. */
    Double number() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        wrongType("a number");
        return null;
    }

    /** One of the vocabulary's values, matched in the parser's buffer without allocating a string. */
    <E extends Enum<E>> E enumValue(Vocabulary<E> vocabulary) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            wrongType("a string");
            return null;
        }
        E value = vocabulary.find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (value == null) {
            String text = parser.getText();
            String suggestion = Suggestions.closest(text, vocabulary.names);
            problem("unknown " + vocabulary.noun + " " + quote(text)
                    + (suggestion != null ? "; did you mean \"" + suggestion + "\"?" : "")
                    + "; allowed: " + String.join(", ", vocabulary.names));
        }
        return value;
    }

    /** An ISO-8601 instant with an offset, parsed from the parser's buffer without a detour through a String. */
    Instant instant() throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            wrongType("an instant such as \"2026-11-02T16:00:00Z\"");
            return null;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length == lastInstantLength && Arrays.equals(chars, offset, offset + length, lastInstantText, 0, length)) {
            return lastInstant;
        }
        Instant fast = Instants.parseFast(chars, offset, length);
        if (fast != null && !fast.isBefore(MIN_INSTANT) && !fast.isAfter(MAX_INSTANT)) {
            if (length <= lastInstantText.length) {
                System.arraycopy(chars, offset, lastInstantText, 0, length);
                lastInstantLength = length;
                lastInstant = fast;
            }
            return fast;
        }
        String text = new String(chars, offset, length);
        Instant instant;
        try {
            instant = fast != null ? fast : Instants.parseWithJavaTime(text);
        } catch (DateTimeParseException e) {
            problem(quote(text) + (isLocalDateTime(text)
                    ? " has no UTC offset; add Z or ±HH:MM"
                    : " is not an ISO-8601 instant with an offset, such as 2026-11-02T16:00:00Z"));
            return null;
        }
        if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
            // Far-off instants parse, then overflow date arithmetic later (year 999999999 plus a lookback).
            problem(quote(text) + " is outside the years " + MIN_YEAR + " to " + MAX_YEAR
                    + " (UTC) that an instant may fall in");
            return null;
        }
        return instant;
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A date {@code YYYY-MM-DD}. */
    LocalDate date() throws IOException {
        String text = string();
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(quote(text) + " is not a date YYYY-MM-DD");
            return null;
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            problem(quote(text) + " is outside the years " + MIN_YEAR + " to " + MAX_YEAR + " that a date may fall in");
            return null;
        }
        return date;
    }

    /** A time of day {@code HH:MM} (or {@code HH:MM:SS}). */
    LocalTime time() throws IOException {
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problem(quote(text) + " is not a time of day HH:MM");
            return null;
        }
    }

    /**
     * An enum as the contract spells it: constant names, upper case.
     *
     * @param <E> the enum
     */
    static final class Vocabulary<E extends Enum<E>> {
        private final String noun;
        private final E[] constants;
        private final List<String> names = new ArrayList<>();

        private Vocabulary(Class<E> type, String noun) {
            this.noun = noun;
            this.constants = type.getEnumConstants();
            for (E constant : constants) {
                names.add(constant.name());
            }
        }

        /** @param noun what a message calls a value of it: "channel", "day" */
        static <E extends Enum<E>> Vocabulary<E> of(Class<E> type, String noun) {
            return new Vocabulary<>(type, noun);
        }

        /** The constant spelled {@code chars[offset, offset + length)}, or {@code null}. A scan: enums here are short. */
        E find(char[] chars, int offset, int length) {
            for (E constant : constants) {
                String name = constant.name();
                if (IdIndex.matches(name, chars, offset, length)) {
                    return constant;
                }
            }
            return null;
        }
    }
}
