package org.familyengagement.io;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the fields of one object. Unknown and repeated keys are reported and skipped, so the
 * caller only ever sees each known field once; required fields that never came are reported,
 * on the object's pointer, when it ends.
 *
 * <pre>{@code
 * ObjectReader<ContactField> object = ObjectReader.open(walker, CONTACT);
 * for (ContactField field; object != null && (field = object.next()) != null; ) {
 *     switch (field) { ... }   // each case consumes the field's value
 * }
 * }</pre>
 *
 * @param <F> the enum of field names
 */
final class ObjectReader<F extends Enum<F>> {
    private final JsonWalker walker;
    private final JsonParser parser;
    private final Fields<F> fields;
    private long seen;
    private boolean inField;

    private ObjectReader(JsonWalker walker, Fields<F> fields) {
        this.walker = walker;
        this.parser = walker.parser();
        this.fields = fields;
    }

    /**
     * Starts reading the object under the cursor, or reports that the value is not an object,
     * skips it and returns {@code null}.
     */
    static <F extends Enum<F>> ObjectReader<F> open(JsonWalker walker, Fields<F> fields) throws IOException {
        return walker.expectObject() ? new ObjectReader<>(walker, fields) : null;
    }

    /**
     * The next known field, with the parser on its value and the walker's pointer on it; or
     * {@code null} at the end of the object. The caller must consume the value before calling
     * again.
     */
    F next() throws IOException {
        if (inField) {
            walker.leave();
            inField = false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            // Entered before the value is read, so a syntax error in it points here.
            walker.enter(name);
            parser.nextToken();
            F field = fields.byName(name);
            if (field == null) {
                // A version 1 document is told of the fields it may have, as it always was.
                walker.unknownField(name, walker.isVersionOne() ? fields.versionOneNames() : fields.names());
            } else if ((seen & bit(field)) != 0) {
                walker.problem("field \"" + name + "\" appears more than once in this object");
            } else {
                seen |= bit(field);
                inField = true;
                if (fields.isVersionTwo(field)) {
                    // Read and checked all the same, so the problems do not depend on where schemaVersion stands.
                    walker.versionTwoField(name);
                }
                return field;
            }
            parser.skipChildren();
            // A string is read lazily: finish it here, so that bytes in it that are not text point here.
            parser.finishToken();
            walker.leave();
        }
        reportMissing();
        return null;
    }

    private void reportMissing() {
        long missing = fields.requiredMask() & ~seen;
        while (missing != 0) {
            int ordinal = Long.numberOfTrailingZeros(missing);
            walker.problem("missing required field \"" + fields.name(fields.constant(ordinal)) + "\"");
            missing &= missing - 1;
        }
    }

    /** True when the object had {@code field}, so far. */
    boolean has(F field) {
        return (seen & bit(field)) != 0;
    }

    private static long bit(Enum<?> field) {
        return 1L << field.ordinal();
    }
}
