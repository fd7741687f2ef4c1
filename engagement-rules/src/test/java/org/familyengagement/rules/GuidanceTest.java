package org.familyengagement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every built-in rule has a why and a next step, in every language the engine speaks. */
class GuidanceTest {
    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RuleEngine.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyBuiltInRuleHasWhyAndNextInEnglishAndSpanish() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
            RuleCatalog catalog = RuleEngine.builder().locale(locale).build().catalog();
            assertThat(catalog.rules()).allSatisfy(rule -> {
                assertThat(rule.why()).as(rule.id() + " why, " + locale).isNotBlank();
                assertThat(rule.nextStep()).as(rule.id() + " next, " + locale).isNotBlank();
            });
        }
        RuleInfo spanish = RuleEngine.builder().locale(Locale.forLanguageTag("es")).build().catalog()
                .rule(RuleIds.UNANSWERED_INPUT).orElseThrow();
        assertThat(spanish.nextStep()).startsWith("Responda hoy");
    }

    @Test
    void theBundlesHaveTheSameKeysAndOnlyRuleIdsOfThePackOrItsNextVersion() throws IOException {
        Properties english = bundle("guidance.properties");
        Properties spanish = bundle("guidance_es.properties");

        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        // 22 rules, a why and a next step each.
        assertThat(english.stringPropertyNames()).hasSize(44)
                .allMatch(key -> key.endsWith(".why") || key.endsWith(".next"));
        for (String id : RuleEngine.builder().build().catalog().ids()) {
            assertThat(english).containsKeys(id + ".why", id + ".next");
        }
    }

    @Test
    void aCustomRuleHasItsRationaleAsWhyAndNoNextStep() {
        RuleEngine engine = RuleEngine.builder().addRules("district.drl", """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;
                rule "district-rule"
                    @title("A district rule") @category("ACCESS") @severity("LOW") @rationale("Because.")
                when
                    FamilyHistory( familyId == "nobody" )
                then
                end
                """).build();

        RuleInfo custom = engine.catalog().rule("district-rule").orElseThrow();
        assertThat(custom.why()).isEqualTo("Because.");
        assertThat(custom.nextStep()).isEmpty();
    }
}
