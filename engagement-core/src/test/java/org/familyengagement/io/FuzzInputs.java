package org.familyengagement.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;


/**
 * What the reader fuzz tests feed the readers: random bytes, random JSON-like text, random JSON
 * over the contract's own field names, and valid documents with random mutations (byte flips,
 * truncations, deleted, duplicated or inserted slices).
 */
final class FuzzInputs {
    /** Valid datasets: hand-written ones and small sample districts in every writer style. */
    static final List<byte[]> VALID_DATASETS = validDatasets();
    /** Valid policies, JSON and YAML. */
    static final List<byte[]> VALID_POLICIES = List.of(
            resource("policy-full.json"),
            resource("policy-full.yaml"),
            utf8("{}"),
            utf8("lookback: P7D\nresponseSchoolDays: 1\n"),
            utf8("# a district's thresholds\ndisparity: { ratio: 0.7, alpha: 0.01 }\ndisabledRules:\n"
                    + "  - message-overload\n  - one-way-only\n"),
            utf8("{\"deficitOnly\": {\"minConcerns\": 3}, \"disabledRules\": [\"unreached-family\"]}"));

    /** Field names of the contract, and a few near misses. */
    private static final List<String> KEYS = List.of("schemaVersion", "district", "staff", "families", "contacts",
            "commitments", "id", "name", "timeZone", "defaultLanguage", "weekend", "holidays", "role", "languages",
            "students", "caregivers", "preference", "groups", "grade", "schoolId", "relationship", "channels",
            "optOut", "reachable", "interpreter", "days", "from", "to", "familyId", "studentId", "staffId", "at",
            "direction", "channel", "mode", "tone", "language", "interpreted", "delivered", "awaitsReply",
            "replyTo", "madeAt", "dueBy", "fulfilledBy", "familyID", "", "~/", "lookback", "responseSchoolDays",
            "meetings", "schoolYearStart", "schools", "restriction", "caregiverId", "broadcastId", "topic",
            "interpretation", "delivery", "kind", "status", "offeredTimes", "noticeSentAt", "inputRequestedAt",
            "inputReceivedAt", "draftSharedAt", "\u001b[31m", "\u202e",
            "deficitOnly", "minConcerns", "oneWayOnly", "minBroadcasts", "messageOverload",
            "maxBroadcastsPerWeek", "disparity", "ratio", "alpha", "minGroupSize", "disabledRules", "income");

    /** Values of the contract's types, and the odd ones out. */
    private static final List<String> SCALARS = List.of("1", "0", "-1", "2", "0.8", "1e400", "-1e400", "1.5",
            "99999999999", "-0", "null", "true", "false", "\"\"", "\" \"", "\"f-1\"", "\"f-2\"", "\"k-1\"",
            "\"k-2\"", "\"t-1\"", "\"s-1\"", "\"m-1\"", "\"d-1\"", "\"UTC\"", "\"America/Chicago\"", "\"Mars/Base\"",
            "\"en\"", "\"es-MX\"", "\"es_MX\"", "\"2026-11-02T22:00:00Z\"", "\"2026-11-02T22:00:00\"",
            "\"2026-02-30T22:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"2026-11-02\"", "\"17:00\"",
            "\"24:00\"", "\"INBOUND\"", "\"OUTBOUND\"", "\"PHONE\"", "\"SMS\"", "\"BROADCAST\"", "\"CONCERN\"",
            "\"TEACHER\"", "\"MONDAY\"", "\"SATURDAY\"", "\"P30D\"", "\"P1M\"", "\"PT36H\"",
            "\"PT2562047788015215H\"", "\"message-overload\"", "\"\\ud800\"", "\"\\u0000\"", "\"a\\tb\"",
            "\"The mother said the rent is late again\"", "\"IEP\"", "\"HELD\"", "\"QUALIFIED\"", "\"OPENED\"",
            "\"NO_CONTACT\"", "\"EVENT\"", "\"b-1\"", "\"c-1\"", "\"sch-1\"", "\"mt-1\"", "\"2026-08-17\"",
            "\"+10000-01-01\"", "\"1899-12-31T23:59:59Z\"", "\"k-\\u001b[2J\"", "\"\\u202ek-1\"", "\"\\u00a0\"");

    /** Fragments a mutation may insert. */
    private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", "\"", ":", ",", " ", "\n", "null",
            "true", "1e400", "-", "0", "\\", "\\u", "\uFEFF", "\u0000", "[[[[[[[[[[", "{\"id\": \"x\"}", "\"id\": ",
            "\"familyId\": \"f-1\", ", "&a ", "*a", "!!binary ", "---\n", "- ", ": ", "#", "\t", "'", "?", "|");

    private FuzzInputs() {
    }

    // ---------------------------------------------------------------- random input

    /** Any bytes, up to 2 KiB. */
    static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().list().ofMaxSize(2048).map(FuzzInputs::toArray);
    }

    /** Text over an alphabet of JSON and YAML syntax, digits, letters and a few troublemakers. */
    static Arbitrary<String> jsonishText() {
        return Arbitraries.strings()
                .withChars("{}[]\":,-.0123456789eE+ \n\t\\/truefalsn&*!#|>'?~")
                .withChars('\uFEFF', '\u0000', '\u00e9', '\ud800', '\u2028')
                .ofMaxLength(400);
    }

    /** Syntactically valid JSON over the contract's field names, with values of any type at any place. */
    static Arbitrary<String> contractShapedJson() {
        Arbitrary<String> scalar = Arbitraries.of(SCALARS);
        Arbitrary<String> value = Arbitraries.recursive(() -> scalar, FuzzInputs::container, 0, 5);
        return Combinators.combine(Arbitraries.of(KEYS), value).as((key, v) -> json(key) + ": " + v)
                .list().ofMaxSize(8).map(fields -> "{" + String.join(", ", fields) + "}");
    }

    private static Arbitrary<String> container(Arbitrary<String> inner) {
        Arbitrary<String> object = Combinators.combine(Arbitraries.of(KEYS), inner)
                .as((key, v) -> json(key) + ": " + v)
                .list().ofMaxSize(5).map(fields -> "{" + String.join(", ", fields) + "}");
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[" + String.join(", ", items) + "]");
        return Arbitraries.frequencyOf(Tuple.of(2, inner), Tuple.of(2, object), Tuple.of(1, array));
    }

    private static String json(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- mutations of valid documents

    /** One to six mutations of one of {@code documents}. */
    static Arbitrary<byte[]> mutated(List<byte[]> documents) {
        return Combinators.combine(Arbitraries.of(documents), mutation().list().ofMinSize(1).ofMaxSize(6))
                .as((document, mutations) -> {
                    byte[] bytes = document;
                    for (Mutation mutation : mutations) {
                        bytes = mutation.apply(bytes);
                    }
                    return bytes;
                });
    }

    /** A change to a document; positions are fractions of its length, so they fit any document. */
    interface Mutation {
        byte[] apply(byte[] document);
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 64);
        return Arbitraries.oneOf(
                Combinators.combine(where, Arbitraries.bytes()).as(FuzzInputs::setByte),
                Combinators.combine(where, Arbitraries.integers().between(0, 7)).as(FuzzInputs::flipBit),
                where.map(FuzzInputs::truncate),
                Combinators.combine(where, length).as(FuzzInputs::deleteSlice),
                Combinators.combine(where, length, where).as(FuzzInputs::duplicateSlice),
                Combinators.combine(where, Arbitraries.of(FRAGMENTS)).as(FuzzInputs::insert));
    }

    private static Mutation setByte(double where, byte value) {
        return named("set byte at " + where + " to " + value, bytes -> {
            if (bytes.length == 0) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            copy[at(where, bytes.length - 1)] = value;
            return copy;
        });
    }

    private static Mutation flipBit(double where, int bit) {
        return named("flip bit " + bit + " at " + where, bytes -> {
            if (bytes.length == 0) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            copy[at(where, bytes.length - 1)] ^= (byte) (1 << bit);
            return copy;
        });
    }

    private static Mutation truncate(double where) {
        return named("truncate at " + where, bytes -> java.util.Arrays.copyOf(bytes, at(where, bytes.length)));
    }

    private static Mutation deleteSlice(double where, int length) {
        return named("delete " + length + " at " + where, bytes -> {
            int from = at(where, bytes.length);
            int to = Math.min(bytes.length, from + length);
            return concat(slice(bytes, 0, from), slice(bytes, to, bytes.length));
        });
    }

    private static Mutation duplicateSlice(double where, int length, double to) {
        return named("copy " + length + " from " + where + " to " + to, bytes -> {
            int from = at(where, bytes.length);
            byte[] copied = slice(bytes, from, Math.min(bytes.length, from + length));
            int target = at(to, bytes.length);
            return concat(slice(bytes, 0, target), copied, slice(bytes, target, bytes.length));
        });
    }

    private static Mutation insert(double where, String fragment) {
        return named("insert " + fragment.replace("\n", "\\n") + " at " + where, bytes -> {
            int target = at(where, bytes.length);
            return concat(slice(bytes, 0, target), utf8(fragment), slice(bytes, target, bytes.length));
        });
    }

    /** A mutation that says what it does when jqwik reports a failing sample. */
    private static Mutation named(String description, Mutation mutation) {
        return new Mutation() {
            @Override
            public byte[] apply(byte[] document) {
                return mutation.apply(document);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    // ---------------------------------------------------------------- helpers

    private static List<byte[]> validDatasets() {
        List<byte[]> documents = new ArrayList<>();
        documents.add(resource("dataset-full.json"));
        documents.add(resource("dataset-v2-full.json"));
        documents.add(utf8("{\"schemaVersion\": 1, \"district\": {\"id\": \"d-1\", \"timeZone\": \"UTC\"}}"));
        documents.add(DatasetWriter.compact().toBytes(SampleData.read("sample-1-family.json")));
        documents.add(DatasetWriter.compact().toBytes(SampleData.read("sample-2-families.json")));
        documents.add(DatasetWriter.pretty().toBytes(SampleData.read("sample-2-families-b.json")));
        documents.add(DatasetWriter.compact().includingDefaults().toBytes(SampleData.read("sample-3-families.json")));
        return List.copyOf(documents);
    }

    private static byte[] resource(String name) {
        try (InputStream in = FuzzInputs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int at(double where, int length) {
        return (int) Math.min(length, Math.floor(where * (length + 1)));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] bytes = new byte[list.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = list.get(i);
        }
        return bytes;
    }
}
