package org.familyengagement.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * How every output writes the figures of a group finding, so a finding message, a text report
 * and any other view say the same thing. A finding holds because its ratio and p-value are
 * <em>below</em> thresholds, so both are cut, never rounded: a ratio of 0.7994 reads "0.79"
 * (rounding would show "0.80" against a threshold of 0.8), a p of 0.04997 reads "0.0499".
 * Thread-safe.
 */
public final class Figures {
    /** The smallest p-value written as a number; smaller ones read "p < 0.001". */
    public static final double SMALLEST_P = 0.001;
    /**
     * The formats by pattern and locale ({@code null} pattern: percent), each used under its own
     * lock (ICU formats are not thread-safe): making one (locale data, pattern parsing, compiling
     * the formatter on its first uses) costs far more than formatting with it, and a live update
     * re-words every group finding whose figures changed. Not thread-local: a library's
     * thread-locals would outlive an application's class loader in a server's pooled threads.
     */
    private static final Map<List<Object>, NumberFormat> FORMATS = new ConcurrentHashMap<>();
    /** "p < 0.001" by locale. */
    private static final Map<Locale, String> BELOW_SMALLEST = new ConcurrentHashMap<>();

    private Figures() {
    }

    /** A ratio with two decimals, cut: {@code 0.79}, {@code 0,79} in Spanish. */
    public static String ratio(double ratio, Locale locale) {
        return cut(ratio, "#0.00", locale);
    }

    /** A p-value as {@code p = 0.0499} (three significant digits, cut), or {@code p < 0.001} below that. */
    public static String pValue(double p, Locale locale) {
        if (p < SMALLEST_P) {
            // Most group findings' p-values (a live update re-words each one whose figures moved).
            return BELOW_SMALLEST.computeIfAbsent(locale, l -> "p < " + cut(SMALLEST_P, "0.###", l));
        }
        return "p = " + cut(p, "@##", locale);
    }

    /** A rate as a whole percentage, rounded half-even: {@code 64%}, {@code 64 %} in Spanish. */
    public static String percent(double rate, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return format(FORMATS.computeIfAbsent(Arrays.asList(null, locale),
                k -> NumberFormat.getPercentInstance(ULocale.forLocale(locale))), rate);
    }

    private static String cut(double value, String pattern, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return format(FORMATS.computeIfAbsent(List.of(pattern, locale), k -> {
            DecimalFormat format = (DecimalFormat) NumberFormat.getInstance(ULocale.forLocale(locale));
            format.applyPattern(pattern);
            format.setRoundingMode(BigDecimal.ROUND_DOWN);
            return format;
        }), value);
    }

    private static String format(NumberFormat format, double value) {
        synchronized (format) {
            return format.format(value);
        }
    }
}
