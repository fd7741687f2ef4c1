package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.rules.Urgency;
import org.junit.jupiter.api.Test;

/** The urgency table of docs/rules.md is the order {@link Urgency} applies. */
class UrgencyDocTest {
    @Test
    void theDocumentedOrderOfRulesIsTheOneApplied() throws IOException {
        String doc = Files.readString(RulesDocTest.RULES_MD, StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf("<!-- urgency:start -->"), doc.indexOf("<!-- urgency:end -->"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| `([^`]+)` \\|").matcher(table);
        while (row.find()) {
            assertThat(Integer.parseInt(row.group(1))).isEqualTo(documented.size() + 1);
            documented.add(row.group(2));
        }
        assertThat(documented).isEqualTo(Urgency.ruleOrder());
    }
}
