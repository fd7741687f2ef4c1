package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.cli.Cli.resource;
import static org.familyengagement.cli.Cli.run;

import java.util.Arrays;
import java.util.List;

import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.RuleInfo;
import org.junit.jupiter.api.Test;

/** {@code rules}: the catalogue, in English or Spanish, with custom rules after the built-in ones. */
class RulesCommandTest {
    @Test
    void listsEveryBuiltInRuleWithCategorySeverityAndTitle() {
        Cli.Result result = run("rules");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +CATEGORY +SEVERITY +TITLE");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(" +")[0])
                .containsExactlyElementsOf(RuleEngine.builder().build().catalog().ids());
        for (RuleInfo rule : RuleEngine.builder().build().catalog().rules()) {
            assertThat(result.out()).containsPattern("(?m)^" + rule.id() + " +" + rule.category() + " +"
                    + rule.severity() + " +" + java.util.regex.Pattern.quote(rule.title()) + "$");
        }
    }

    @Test
    void listsInSpanish() {
        Cli.Result result = run("rules", "--lang", "es");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("ID ").contains("CATEGORÍA", "SEVERIDAD", "TÍTULO")
                .containsPattern("(?m)^unanswered-input +RESPONSIVENESS +HIGH +Una aportación de una familia");
    }

    @Test
    void listsCustomRulesAfterTheBuiltInOnes() {
        Cli.Result result = run("rules", "--rules", resource("silent-family.drl"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\n\nCustom rules:\nsilent-family +REACH +LOW +The family has not"
                + " contacted the school in the window\n$");
    }

    @Test
    void aCustomRuleThatDoesNotCompileIsAUsageError() {
        String drl = resource("broken.drl");

        Cli.Result result = run("rules", "--rules", drl);

        ExitCodesTest.assertInvalid(result);
        assertThat(result.err()).contains(drl + ":11: ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void printsTheMarkdownTable() {
        Cli.Result result = run("rules", "--markdown");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).isEqualTo("| Rule | Category | Severity | Title |");
        assertThat(lines[1]).isEqualTo("|---|---|---|---|");
        assertThat(Arrays.asList(lines).subList(2, lines.length)).hasSize(RuleEngine.builder().build().catalog().rules().size())
                .first().asString().startsWith("| [`unanswered-input`](#unanswered-input) | RESPONSIVENESS | HIGH | ");
    }
}
