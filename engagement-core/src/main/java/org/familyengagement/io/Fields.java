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
 * the contract spells every field. Immutable.
 *
 * @param <F> the enum of field names
 */
final class Fields<F extends Enum<F>> {
    private final F[] constants;
    private final List<String> names;
    private final Map<String, F> byName;
    private final long requiredMask;

    private Fields(Class<F> type, Set<F> required) {
        this.constants = type.getEnumConstants();
        if (constants.length > Long.SIZE) {
            throw new IllegalArgumentException(type + " has more fields than a seen-mask holds");
        }
        List<String> jsonNames = new ArrayList<>(constants.length);
        Map<String, F> lookup = new HashMap<>();
        for (F constant : constants) {
            String name = camelCase(constant.name());
            jsonNames.add(name);
            lookup.put(name, constant);
        }
        this.names = Collections.unmodifiableList(jsonNames);
        this.byName = lookup;
        long mask = 0;
        for (F field : required) {
            mask |= 1L << field.ordinal();
        }
        this.requiredMask = mask;
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

    /** The field named {@code name}, or {@code null}. */
    F byName(String name) {
        return byName.get(name);
    }

    String name(F field) {
        return names.get(field.ordinal());
    }

    /** The JSON names, in declaration order. */
    List<String> names() {
        return names;
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
