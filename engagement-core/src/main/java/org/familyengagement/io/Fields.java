package org.familyengagement.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields one kind of object may have, named by the constants of an enum: the JSON name of a
 * constant is its name in lower camel case ({@code FAMILY_ID} is {@code familyId}), which is how
 * the contract spells every field. Some may be marked as added by schema version 2
 * ({@link #addedInVersionTwo}). Immutable.
 *
 * @param <F> the enum of field names
 */
final class Fields<F extends Enum<F>> {
    private final F[] constants;
    private final List<String> names;
    /** The names again, for the identity scan of {@link #byName}. */
    private final String[] internedNames;
    private final List<String> versionOneNames;
    private final Map<String, F> byName;
    private final long requiredMask;
    private final long versionTwoMask;

    private Fields(Class<F> type, Set<F> required) {
        this(type, required, EnumSet.noneOf(type));
    }

    private Fields(Class<F> type, Set<F> required, Set<F> versionTwo) {
        this.constants = type.getEnumConstants();
        if (constants.length > Long.SIZE) {
            throw new IllegalArgumentException(type + " has more fields than a seen-mask holds");
        }
        List<String> jsonNames = new ArrayList<>(constants.length);
        Map<String, F> lookup = new HashMap<>();
        for (F constant : constants) {
            // Interned, as Jackson interns the field names it reads: most lookups end at an identity match.
            String name = camelCase(constant.name()).intern();
            jsonNames.add(name);
            lookup.put(name, constant);
        }
        this.names = Collections.unmodifiableList(jsonNames);
        this.internedNames = jsonNames.toArray(String[]::new);
        this.byName = lookup;
        this.requiredMask = mask(required);
        this.versionTwoMask = mask(versionTwo);
        List<String> older = new ArrayList<>();
        for (F constant : constants) {
            if (!versionTwo.contains(constant)) {
                older.add(jsonNames.get(constant.ordinal()));
            }
        }
        this.versionOneNames = Collections.unmodifiableList(older);
    }

    private static <F extends Enum<F>> long mask(Set<F> fields) {
        long mask = 0;
        for (F field : fields) {
            mask |= 1L << field.ordinal();
        }
        return mask;
    }

    /** All constants of {@code type}; those listed are required. */
    @SafeVarargs
    static <F extends Enum<F>> Fields<F> of(Class<F> type, F... required) {
        EnumSet<F> set = EnumSet.noneOf(type);
        for (F field : required) {
            set.add(field);
        }
        return new Fields<>(type, set);
    }

    /** These fields, with {@code added} marked as added by schema version 2. */
    @SafeVarargs
    final Fields<F> addedInVersionTwo(F... added) {
        EnumSet<F> required = EnumSet.noneOf(constants[0].getDeclaringClass());
        for (F constant : constants) {
            if ((requiredMask & (1L << constant.ordinal())) != 0) {
                required.add(constant);
            }
        }
        EnumSet<F> versionTwo = EnumSet.noneOf(constants[0].getDeclaringClass());
        versionTwo.addAll(List.of(added));
        return new Fields<>(constants[0].getDeclaringClass(), required, versionTwo);
    }

    /** True for a field that schema version 2 added. */
    boolean isVersionTwo(F field) {
        return (versionTwoMask & (1L << field.ordinal())) != 0;
    }

    /** The field named {@code name}, or {@code null}. */
    F byName(String name) {
        for (int i = 0; i < internedNames.length; i++) {
            if (internedNames[i] == name) {
                return constants[i];
            }
        }
        return byName.get(name);
    }

    String name(F field) {
        return names.get(field.ordinal());
    }

    /** The JSON names, in declaration order. */
    List<String> names() {
        return names;
    }

    /** The JSON names a document of {@code schemaVersion: 1} may use, in declaration order. */
    List<String> versionOneNames() {
        return versionOneNames;
    }

    long requiredMask() {
        return requiredMask;
    }

    F constant(int ordinal) {
        return constants[ordinal];
    }

    static String camelCase(String constantName) {
        StringBuilder name = new StringBuilder(constantName.length());
        boolean upper = false;
        for (int i = 0; i < constantName.length(); i++) {
            char ch = constantName.charAt(i);
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? ch : Character.toLowerCase(ch));
                upper = false;
            }
        }
        return name.toString();
    }
}
