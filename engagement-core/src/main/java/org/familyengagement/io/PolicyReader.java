package org.familyengagement.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.policy.Policy;

/**
 * Reads a policy document, JSON or YAML, into a {@link Policy}. Every field is optional and
 * takes its value from {@link Policy#defaults()}, nested ones included: {@code disparity:
 * {ratio: 0.7}} keeps the default alpha and minimum group size.
 *
 * <pre>{@code
 * lookback: P30D
 * responseSchoolDays: 2
 * deficitOnly:     { minConcerns: 2 }
 * oneWayOnly:      { minBroadcasts: 3 }
 * messageOverload: { maxBroadcastsPerWeek: 5 }
 * disparity:       { ratio: 0.8, alpha: 0.05, minGroupSize: 10 }
 * replies:         { mustBeUnderstood: true }
 * iep:             { inputLead: P30D, draftLead: P7D }
 * conference:      { bySchoolDay: 40 }
 * progressContact: { period: P42D, minTopicCoverage: 0.5 }
 * untranslatedBroadcast: { minFamilies: 5 }
 * disabledRules:   [message-overload]
 * }</pre>
 *
 * <p>{@code lookback}, the IEP leads and the progress period are ISO-8601 durations in days,
 * weeks or hours ({@code P30D}, {@code P4W}, {@code PT36H}); months and years are refused, having
 * no fixed length. {@code disabledRules}
 * lists rule ids, each once; whether a rule with that id exists is for the engine to say, which
 * knows every rule it compiled (custom ones included): {@code RuleEngine.Builder#policy(Path)}
 * reads a policy and checks its ids in one step, with pointers into this file.
 *
 * <p>A document that breaks these rules is rejected with an {@link InvalidPolicyException}
 * listing every problem with its JSON pointer ({@code /disparity/ratio}), whatever the format,
 * and naming the file it came from. Thread-safe; streams passed in are not closed.
 */
public final class PolicyReader {
    /** The syntax of a policy document. */
    public enum Format {
        JSON, YAML;

        /** JSON when the first significant character opens an object, YAML otherwise. */
        static Format sniff(String text) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (!Character.isWhitespace(ch) && ch != '\uFEFF') {
                    return ch == '{' ? JSON : YAML;
                }
            }
            return JSON;
        }
    }

    private enum PolicyField {
        LOOKBACK, RESPONSE_SCHOOL_DAYS, DEFICIT_ONLY, ONE_WAY_ONLY, MESSAGE_OVERLOAD, DISPARITY, REPLIES, IEP,
        CONFERENCE, PROGRESS_CONTACT, UNTRANSLATED_BROADCAST, DISABLED_RULES
    }

    private enum RepliesField { MUST_BE_UNDERSTOOD }

    private enum IepField { INPUT_LEAD, DRAFT_LEAD }

    private enum ConferenceField { BY_SCHOOL_DAY }

    private enum ProgressContactField { PERIOD, MIN_TOPIC_COVERAGE }

    private enum UntranslatedBroadcastField { MIN_FAMILIES }

    private enum DeficitOnlyField { MIN_CONCERNS }

    private enum OneWayOnlyField { MIN_BROADCASTS }

    private enum MessageOverloadField { MAX_BROADCASTS_PER_WEEK }

    private enum DisparityField { RATIO, ALPHA, MIN_GROUP_SIZE }

    private static final Fields<PolicyField> POLICY = Fields.of(PolicyField.class);
    private static final Fields<DeficitOnlyField> DEFICIT_ONLY = Fields.of(DeficitOnlyField.class);
    private static final Fields<OneWayOnlyField> ONE_WAY_ONLY = Fields.of(OneWayOnlyField.class);
    private static final Fields<MessageOverloadField> MESSAGE_OVERLOAD = Fields.of(MessageOverloadField.class);
    private static final Fields<DisparityField> DISPARITY = Fields.of(DisparityField.class);
    private static final Fields<RepliesField> REPLIES = Fields.of(RepliesField.class);
    private static final Fields<IepField> IEP = Fields.of(IepField.class);
    private static final Fields<ConferenceField> CONFERENCE = Fields.of(ConferenceField.class);
    private static final Fields<ProgressContactField> PROGRESS_CONTACT = Fields.of(ProgressContactField.class);
    private static final Fields<UntranslatedBroadcastField> UNTRANSLATED_BROADCAST =
            Fields.of(UntranslatedBroadcastField.class);

    private PolicyReader() {
    }

    /**
     * Reads {@code file} (UTF-8). The format follows the file name ({@code .json}; {@code .yaml}
     * or {@code .yml}), or else the content.
     *
     * @throws InvalidPolicyException when the document breaks the rules above or is not UTF-8;
     *                                its {@code source()} is the file
     * @throws IOException            when the file cannot be read
     */
    public static Policy read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        String source = file.toString();
        String text = utf8(Files.readAllBytes(file), source);
        return parse(text, formatOf(file, text), source);
    }

    /**
     * Reads a UTF-8 byte stream to its end; the format follows the content.
     *
     * @throws InvalidPolicyException when the document breaks the rules above or is not UTF-8
     * @throws IOException            when the stream cannot be read
     */
    public static Policy read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "input stream must not be null");
        String text = utf8(in.readAllBytes(), null);
        return parse(text, Format.sniff(text), null);
    }

    /**
     * Reads a document held in a string; the format follows the content.
     *
     * @throws InvalidPolicyException when the document breaks the rules above
     */
    public static Policy readString(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return parse(text, Format.sniff(text), null);
    }

    /**
     * Reads a document held in a string, in the given format.
     *
     * @throws InvalidPolicyException when the document breaks the rules above
     */
    public static Policy readString(String text, Format format) {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(format, "format must not be null");
        return parse(text, format, null);
    }

    private static Policy parse(String text, Format format, String source) {
        JsonFactory factory = format == Format.YAML ? Formats.Yaml.FACTORY : Formats.JSON;
        String document = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = factory.createParser(document)) {
            return new Parse(new JsonWalker(parser, format.name()), source).policy();
        } catch (IOException e) {
            // Syntax errors are problems, not exceptions; a string has no other way to fail.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes as UTF-8 text. Bytes that are not UTF-8 (a Latin-1 export, a binary file) are a
     * problem of the document, as they are for a dataset, not characters to replace silently.
     */
    private static String utf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new InvalidPolicyException(source, List.of(new Problem("", String.format(Locale.ROOT,
                    "the document is not UTF-8 text: byte 0x%02X at line %d, column %d is not valid UTF-8;"
                            + " save the policy as UTF-8", bytes[in.position()] & 0xFF, line, column))));
        }
        return out.toString();
    }

    private static Format formatOf(Path file, String text) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Format.JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Format.YAML;
        }
        return Format.sniff(text);
    }

    /** One read of one document. */
    private static final class Parse {
        private final JsonWalker walker;
        private final String source;

        Parse(JsonWalker walker, String source) {
            this.walker = walker;
            this.source = source;
        }

        Policy policy() throws IOException {
            Policy[] policy = {Policy.defaults()};
            walker.document("the document is empty; write {} for the default policy",
                    "the document must be an object of policy fields", () -> policy[0] = fields(policy[0]));
            walker.throwIfProblems(problems -> new InvalidPolicyException(source, problems));
            return policy[0];
        }

        private Policy fields(Policy policy) throws IOException {
            ObjectReader<PolicyField> object = ObjectReader.open(walker, POLICY);
            for (PolicyField field; (field = object.next()) != null; ) {
                policy = switch (field) {
                    case LOOKBACK -> apply(policy, duration("lookback"), policy::withLookback);
                    case RESPONSE_SCHOOL_DAYS -> apply(policy, walker.integer(), policy::withResponseSchoolDays);
                    case DEFICIT_ONLY -> policy.withDeficitOnly(deficitOnly(policy.deficitOnly()));
                    case ONE_WAY_ONLY -> policy.withOneWayOnly(oneWayOnly(policy.oneWayOnly()));
                    case MESSAGE_OVERLOAD -> policy.withMessageOverload(messageOverload(policy.messageOverload()));
                    case DISPARITY -> policy.withDisparity(disparity(policy.disparity()));
                    case REPLIES -> policy.withReplies(replies(policy.replies()));
                    case IEP -> policy.withIep(iep(policy.iep()));
                    case CONFERENCE -> policy.withConference(conference(policy.conference()));
                    case PROGRESS_CONTACT -> policy.withProgressContact(progressContact(policy.progressContact()));
                    case UNTRANSLATED_BROADCAST -> policy.withUntranslatedBroadcast(
                            untranslatedBroadcast(policy.untranslatedBroadcast()));
                    case DISABLED_RULES -> policy.withDisabledRules(disabledRules());
                };
            }
            return policy;
        }

        /**
         * {@code change.apply(value)}, or {@code current} when the value was unusable or the record
         * refuses it. The records' own range checks are the one place ranges are defined; their
         * messages name the field and the value, and become the problem's sentence.
         */
        private <T, V> T apply(T current, V value, Function<V, T> change) {
            if (value == null) {
                return current;
            }
            try {
                return change.apply(value);
            } catch (IllegalArgumentException e) {
                walker.problem(e.getMessage());
                return current;
            }
        }

        /** A duration in days, weeks or hours; {@code what} names it in the advice on months and years. */
        private Duration duration(String what) throws IOException {
            String text = walker.string();
            if (text == null) {
                return null;
            }
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException notADuration) {
                // Weeks and days without a time part are a Period to java.time.
                try {
                    Period period = Period.parse(text);
                    if (period.getYears() == 0 && period.getMonths() == 0) {
                        return Duration.ofDays(period.getDays());
                    }
                    walker.problem(JsonWalker.quote(text) + ": months and years have no fixed length;"
                            + " give the " + what + " in days or weeks, such as P30D");
                    return null;
                } catch (DateTimeParseException notAPeriod) {
                    walker.problem(JsonWalker.quote(text) + " is not an ISO-8601 duration such as P30D");
                    return null;
                }
            }
        }

        private Policy.DeficitOnly deficitOnly(Policy.DeficitOnly current) throws IOException {
            ObjectReader<DeficitOnlyField> object = ObjectReader.open(walker, DEFICIT_ONLY);
            for (DeficitOnlyField field; object != null && (field = object.next()) != null; ) {
                if (field == DeficitOnlyField.MIN_CONCERNS) {
                    current = apply(current, walker.integer(), Policy.DeficitOnly::new);
                }
            }
            return current;
        }

        private Policy.OneWayOnly oneWayOnly(Policy.OneWayOnly current) throws IOException {
            ObjectReader<OneWayOnlyField> object = ObjectReader.open(walker, ONE_WAY_ONLY);
            for (OneWayOnlyField field; object != null && (field = object.next()) != null; ) {
                if (field == OneWayOnlyField.MIN_BROADCASTS) {
                    current = apply(current, walker.integer(), Policy.OneWayOnly::new);
                }
            }
            return current;
        }

        private Policy.MessageOverload messageOverload(Policy.MessageOverload current) throws IOException {
            ObjectReader<MessageOverloadField> object = ObjectReader.open(walker, MESSAGE_OVERLOAD);
            for (MessageOverloadField field; object != null && (field = object.next()) != null; ) {
                if (field == MessageOverloadField.MAX_BROADCASTS_PER_WEEK) {
                    current = apply(current, walker.integer(), Policy.MessageOverload::new);
                }
            }
            return current;
        }

        /** Each field is checked on its own against the current others, so each problem has its own pointer. */
        private Policy.Disparity disparity(Policy.Disparity current) throws IOException {
            ObjectReader<DisparityField> object = ObjectReader.open(walker, DISPARITY);
            for (DisparityField field; object != null && (field = object.next()) != null; ) {
                Policy.Disparity base = current;
                current = switch (field) {
                    case RATIO -> apply(base, walker.number(),
                            ratio -> new Policy.Disparity(ratio, base.alpha(), base.minGroupSize()));
                    case ALPHA -> apply(base, walker.number(),
                            alpha -> new Policy.Disparity(base.ratio(), alpha, base.minGroupSize()));
                    case MIN_GROUP_SIZE -> apply(base, walker.integer(),
                            size -> new Policy.Disparity(base.ratio(), base.alpha(), size));
                };
            }
            return current;
        }

        private Policy.Replies replies(Policy.Replies current) throws IOException {
            ObjectReader<RepliesField> object = ObjectReader.open(walker, REPLIES);
            for (RepliesField field; object != null && (field = object.next()) != null; ) {
                if (field == RepliesField.MUST_BE_UNDERSTOOD) {
                    current = apply(current, walker.bool(), Policy.Replies::new);
                }
            }
            return current;
        }

        private Policy.Iep iep(Policy.Iep current) throws IOException {
            ObjectReader<IepField> object = ObjectReader.open(walker, IEP);
            for (IepField field; object != null && (field = object.next()) != null; ) {
                Policy.Iep base = current;
                current = switch (field) {
                    case INPUT_LEAD -> apply(base, duration("lead"), lead -> new Policy.Iep(lead, base.draftLead()));
                    case DRAFT_LEAD -> apply(base, duration("lead"), lead -> new Policy.Iep(base.inputLead(), lead));
                };
            }
            return current;
        }

        private Policy.Conference conference(Policy.Conference current) throws IOException {
            ObjectReader<ConferenceField> object = ObjectReader.open(walker, CONFERENCE);
            for (ConferenceField field; object != null && (field = object.next()) != null; ) {
                if (field == ConferenceField.BY_SCHOOL_DAY) {
                    current = apply(current, walker.integer(), Policy.Conference::new);
                }
            }
            return current;
        }

        private Policy.ProgressContact progressContact(Policy.ProgressContact current) throws IOException {
            ObjectReader<ProgressContactField> object = ObjectReader.open(walker, PROGRESS_CONTACT);
            for (ProgressContactField field; object != null && (field = object.next()) != null; ) {
                Policy.ProgressContact base = current;
                current = switch (field) {
                    case PERIOD -> apply(base, duration("period"),
                            period -> new Policy.ProgressContact(period, base.minTopicCoverage()));
                    case MIN_TOPIC_COVERAGE -> apply(base, walker.number(),
                            share -> new Policy.ProgressContact(base.period(), share));
                };
            }
            return current;
        }

        private Policy.UntranslatedBroadcast untranslatedBroadcast(Policy.UntranslatedBroadcast current)
                throws IOException {
            ObjectReader<UntranslatedBroadcastField> object = ObjectReader.open(walker, UNTRANSLATED_BROADCAST);
            for (UntranslatedBroadcastField field; object != null && (field = object.next()) != null; ) {
                if (field == UntranslatedBroadcastField.MIN_FAMILIES) {
                    current = apply(current, walker.integer(), Policy.UntranslatedBroadcast::new);
                }
            }
            return current;
        }

        /** Rule ids in the order written, each once; whether they exist is the engine's to say. */
        private List<String> disabledRules() throws IOException {
            List<String> ids = new ArrayList<>();
            Map<String, Integer> firstAt = new HashMap<>();
            List<String> listed = walker.elements(walker::id);
            for (int i = 0; i < listed.size(); i++) {
                String id = listed.get(i);
                if (id == null) {
                    continue;
                }
                Integer first = firstAt.putIfAbsent(id, i);
                if (first != null) {
                    walker.problemAt(walker.pointer() + "/" + i, "rule " + JsonWalker.quote(id)
                            + " is already listed at " + walker.pointer() + "/" + first);
                } else {
                    ids.add(id);
                }
            }
            return ids;
        }
    }
}
