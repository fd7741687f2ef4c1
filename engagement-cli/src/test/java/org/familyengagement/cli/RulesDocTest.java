package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.rules.RuleCatalog;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/rules.md} in step with the catalogue, so the documentation cannot drift from
 * the rules: a section per rule, headed with its id, stating its title, category, severity and
 * parameters; no section for a rule that does not exist; and the table at the top exactly what
 * {@code rules --markdown} prints.
 */
class RulesDocTest {
    static final Path RULES_MD = Path.of(System.getProperty("basedir", "."), "..", "docs", "rules.md");

    /** A rule section's heading: the id alone, in code font. */
    private static final Pattern RULE_HEADING = Pattern.compile("(?m)^(#{2,4}) `([^`]+)`\\s*$");
    private static final String TABLE_START = "<!-- catalogue:start";
    private static final String TABLE_END = "<!-- catalogue:end -->";

    private static String doc;
    private static RuleCatalog catalog;

    @BeforeAll
    static void load() throws IOException {
        assertThat(RULES_MD).as("docs/rules.md, relative to the engagement-cli module").isRegularFile();
        doc = Files.readString(RULES_MD, StandardCharsets.UTF_8);
        catalog = RuleEngine.builder().build().catalog();
    }

    @Test
    void everyRuleHasASectionHeadedWithItsId() {
        assertThat(sections().keySet()).containsExactlyElementsOf(catalog.ids());
    }

    @Test
    void everySectionStatesTheTitleCategorySeverityAndParametersOfItsRule() {
        Map<String, String> sections = sections();
        for (RuleInfo rule : catalog.rules()) {
            String section = sections.get(rule.id());
            assertThat(section).as(rule.id()).isNotNull();
            assertThat(section).as("the title of " + rule.id()).contains("\n> " + rule.title() + "\n");
            String parameters = rule.parameters().isEmpty() ? "none"
                    : String.join(", ", rule.parameters().stream().map(p -> "`" + p + "`").toList());
            assertThat(section).as("the metadata row of " + rule.id())
                    .contains("\n| " + rule.category() + " | " + rule.severity() + " | " + parameters + " |\n");
        }
    }

    @Test
    void theCatalogueTableIsWhatRulesMarkdownPrints() {
        int start = doc.indexOf(TABLE_START);
        int end = doc.indexOf(TABLE_END);
        assertThat(start).as("a " + TABLE_START + " marker").isNotNegative();
        assertThat(end).as("a " + TABLE_END + " marker").isGreaterThan(start);
        String table = doc.substring(doc.indexOf('\n', start) + 1, end);

        Cli.Result printed = Cli.run("rules", "--markdown");

        assertThat(printed.exitCode()).isZero();
        assertThat(table).isEqualTo(printed.out());
    }

    /** Each rule section's text, from its heading to the next heading of the same or a higher level. */
    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher matcher = RULE_HEADING.matcher(doc);
        List<int[]> bounds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(2));
            int level = matcher.group(1).length();
            Matcher next = Pattern.compile("(?m)^#{1," + level + "} ").matcher(doc);
            int end = next.find(matcher.end()) ? next.start() : doc.length();
            bounds.add(new int[] {matcher.start(), end});
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertThat(sections).as("a second section for " + id).doesNotContainKey(id);
            sections.put(id, doc.substring(bounds.get(i)[0], bounds.get(i)[1]));
        }
        return sections;
    }
}
