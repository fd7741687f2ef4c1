package org.familyengagement.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --time-limit} of the command lines (the CLI's {@code audit} and the Spark job), one
 * way for both: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h} or ISO-8601 ({@code PT10M}),
 * more than zero and at most {@link #MAX}.
 */
public final class TimeLimits {
    /** The longest time limit a command line takes. */
    public static final Duration MAX = Duration.ofDays(7);
    /** How a problem says what is accepted. */
    public static final String FORMS = "write 90s, 10m, 2h or ISO-8601 such as PT10M";

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

    private TimeLimits() {
    }

    /** The duration {@code text} writes (surrounding white space ignored), or {@code null} when it writes none. */
    public static Duration parse(String text) {
        String written = text.trim();
        Matcher simple = SIMPLE.matcher(written);
        try {
            if (!simple.matches()) {
                return Duration.parse(written);
            }
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * The time limit {@code text} writes for {@code option}, or {@code null} with a problem added: not a
     * duration, or not one a command line takes ({@link #isAccepted}). The text is quoted escaped
     * ({@link Printable}).
     */
    public static Duration parse(String option, String text, List<String> problems) {
        Duration value = parse(text);
        if (value == null) {
            problems.add(option + ": \"" + Printable.escape(text) + "\" is not a duration; " + FORMS);
        } else if (!isAccepted(value)) {
            problems.add(option + ": must be more than 0 and at most " + MAX.toDays() + " days, not "
                    + Printable.escape(text.trim()));
            value = null;
        }
        return value;
    }

    /** True for a duration a command line takes as its time limit: more than zero, at most {@link #MAX}. */
    public static boolean isAccepted(Duration limit) {
        return !limit.isNegative() && !limit.isZero() && limit.compareTo(MAX) <= 0;
    }
}
