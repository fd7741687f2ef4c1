package org.familyengagement.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Enum constants as the contract spells them, found case-insensitively. */
public final class Enums {
    private Enums() {
    }

    /** The constant whose name is {@code text} (case and surrounding blanks ignored), or {@code null}. */
    public static <E extends Enum<E>> E find(Class<E> type, String text) {
        String wanted = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        return null;
    }

    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }

    /** How a message names a value of the enum: "channel", "delivery status". */
    public static String noun(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Delivery" -> "delivery status";
            case "Interpretation" -> "interpretation";
            case "StaffRole" -> "staff role";
            case "DayOfWeek" -> "day";
            default -> type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        };
    }
}
