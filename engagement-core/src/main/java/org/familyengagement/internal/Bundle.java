package org.familyengagement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Texts of one language from UTF-8 {@code .properties} files: {@code name_es_MX}, then {@code name_es},
 * then the base {@code name}, each key from the most specific file that has it. Never the JVM's
 * default locale, so output does not depend on the machine; and no {@code ResourceBundle.Control},
 * which named modules do not support. Immutable.
 */
public final class Bundle {
    /** Opens a resource of the caller's own module (so its encapsulation holds), or {@code null}. */
    @FunctionalInterface
    public interface Resources {
        InputStream open(String name) throws IOException;
    }

    private final Locale locale;
    private final Map<String, String> texts;

    private Bundle(Locale locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
    }

    /**
     * Loads {@code baseName.properties} and those of {@code locale}'s language and country.
     *
     * @param resources opens a file by name, as {@code Owner.class::getResourceAsStream} does
     * @throws IllegalStateException when the base file is missing
     */
    public static Bundle load(Resources resources, String baseName, Locale locale) {
        List<String> names = new ArrayList<>();
        names.add(baseName);
        if (!locale.getLanguage().isEmpty()) {
            names.add(baseName + "_" + locale.getLanguage());
            if (!locale.getCountry().isEmpty()) {
                names.add(baseName + "_" + locale.getLanguage() + "_" + locale.getCountry());
            }
        }
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Properties properties = read(resources, names.get(i) + ".properties");
            if (properties == null && i == 0) {
                throw new IllegalStateException("no text bundle " + baseName + ".properties");
            }
            if (properties != null) {
                properties.forEach((key, value) -> texts.put((String) key, (String) value));
            }
        }
        return new Bundle(locale, Map.copyOf(texts));
    }

    private static Properties read(Resources resources, String name) {
        try (InputStream in = resources.open(name)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read text bundle " + name, e);
        }
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key}, or {@code null} when no file has it. */
    public String get(String key) {
        return texts.get(key);
    }
}
