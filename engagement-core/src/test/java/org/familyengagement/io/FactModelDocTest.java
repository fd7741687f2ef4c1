package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Report;
import org.junit.jupiter.api.Test;

/** The examples in docs/fact-model.md are read by the code they describe, so they cannot drift from it. */
class FactModelDocTest {
    private static final Path DOC = Path.of("..", "docs", "fact-model.md");

    private static List<String> blocks(String language) throws IOException {
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @Test
    void theDatasetAtAGlanceIsValid() throws IOException {
        Dataset dataset = DatasetReader.readString(blocks("json").get(0));

        assertThat(dataset.contact("k-1")).hasValueSatisfying(c -> assertThat(c.language()).isEqualTo("en"));
    }

    @Test
    void thePolicyExampleIsTheDefaultPolicy() throws IOException {
        Policy policy = PolicyReader.readString(blocks("yaml").get(0));

        assertThat(policy.withDisabledRules(java.util.Set.of())).isEqualTo(Policy.defaults());
    }

    @Test
    void theFindingsExampleIsExactlyWhatTheWriterWrites() throws IOException {
        String example = blocks("json").get(1);

        Report report = ReportReader.readString(example);

        assertThat(ReportWriter.toJson(report)).isEqualTo(example);
    }
}
