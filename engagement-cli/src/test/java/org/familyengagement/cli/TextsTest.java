package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.junit.jupiter.api.Test;

/** The text bundles: complete in every language, and every pattern valid ICU. */
class TextsTest {
    @Test
    void spanishHasExactlyTheEnglishKeys() throws IOException {
        Properties english = load("text.properties");
        Properties spanish = load("text_es.properties");

        // Rule titles are not here: the engine gives them in its language (the rules' message bundles).
        assertThat(new TreeSet<>(spanish.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void everyPatternParsesAndTakesTheSameArgumentsInEveryLanguage() throws IOException {
        Properties english = load("text.properties");
        Properties spanish = load("text_es.properties");

        for (String key : english.stringPropertyNames()) {
            assertThatCode(() -> new MessageFormat(english.getProperty(key), ULocale.ENGLISH))
                    .as(key).doesNotThrowAnyException();
            assertThatCode(() -> new MessageFormat(spanish.getProperty(key), new ULocale("es")))
                    .as(key).doesNotThrowAnyException();
            assertThat(argumentNames(spanish.getProperty(key))).as(key)
                    .isEqualTo(argumentNames(english.getProperty(key)));
        }
    }

    @Test
    void anyRegionOfABundledLanguageIsAvailable() {
        assertThat(Texts.isAvailable(java.util.Locale.forLanguageTag("es-419"))).isTrue();
        assertThat(Texts.isAvailable(java.util.Locale.forLanguageTag("en-GB"))).isTrue();
        assertThat(Texts.isAvailable(java.util.Locale.forLanguageTag("fr"))).isFalse();
        assertThat(Texts.of(java.util.Locale.forLanguageTag("es-MX")).get("severity.HIGH")).isEqualTo("ALTA");
    }

    private static Set<String> argumentNames(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
