package org.familyengagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    private static final Path RESOURCES = Path.of("src/test/resources");

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioRunner.fromDirectory(RESOURCES.resolve("scenarios"));
    }

    @Test
    void oneTestPerScenarioFileNamedAfterIt() {
        List<String> names = ScenarioRunner.fromDirectory(RESOURCES.resolve("scenarios"))
                .map(DynamicTest::getDisplayName).toList();
        // data/commitments.json is in a subdirectory: a dataset that scenarios refer to, not a scenario.
        assertThat(names).containsExactly("broken-commitment.json", "custom-rules.yaml",
                "disabled-rule-stays-silent.yaml", "stricter-policy.yaml",
                "unanswered-input.yaml", "untranslated-broadcast.yaml");
    }

    @Test
    void aWrongExpectationFailsNamingTheFileAndTheExpectation() {
        Path file = RESOURCES.resolve("bad-scenarios/wrong-expectation.yaml");
        assertThatThrownBy(() -> ScenarioRunner.run(file))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Scenario " + file + " failed 2 of 3 expectations:")
                .hasMessageContaining("/expect/0: expected finding of rule \"broken-commitment\" about family \"f-2\","
                        + " but there is none")
                .hasMessageContaining("/expectNot/0: expected no finding of rule \"broken-commitment\" about family"
                        + " \"f-1\", but there is one")
                .hasMessageContaining("- broken-commitment  family f-1  HIGH  evidence [m-1]")
                .hasMessageContaining("commitment m-2  made 2026-11-10T10:00");
    }

    @Test
    void anInvalidScenarioListsEveryProblemWithItsPointer() {
        Path file = RESOURCES.resolve("bad-scenarios/invalid.yaml");
        assertThatThrownBy(() -> ScenarioRunner.run(file))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageStartingWith("The scenario file " + file + " is invalid")
                .hasMessageContaining("/asOf: missing required field \"asOf\"")
                .hasMessageContaining("/policy/disabledRules/0")
                .hasMessageContaining("/expect/0/familyID: unknown field \"familyID\"")
                .hasMessageContaining("/expect/1: missing required field \"ruleId\"");
    }

    @Test
    void anUnknownRuleIdIsNamedWithASuggestion(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.copy(RESOURCES.resolve("scenarios/data/commitments.json"), dir.resolve("data.json"));
        Files.writeString(file, """
                asOf: "2026-11-18T08:00"
                datasetFile: data.json
                expect:
                  - { ruleId: broken-comitment, familyId: f-1 }
                """);
        assertThatThrownBy(() -> ScenarioRunner.run(file))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("/expect/0/ruleId: No rule \"broken-comitment\"")
                .hasMessageContaining("Did you mean \"broken-commitment\"?");
    }

    @Test
    void aDisabledRuleCanBeExpectedSilentButNotExpectedToFire(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("disabled.yaml");
        Files.copy(RESOURCES.resolve("scenarios/data/commitments.json"), dir.resolve("data.json"));
        Files.writeString(file, """
                asOf: "2026-11-18T08:00"
                datasetFile: data.json
                policy: { disabledRules: [broken-commitment] }
                expect:
                  - { ruleId: broken-commitment, familyId: f-1 }
                expectNot:
                  - { ruleId: broken-commitment, familyId: f-1 }
                """);
        assertThatThrownBy(() -> ScenarioRunner.run(file))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("/expect/0/ruleId: rule \"broken-commitment\" cannot fire: the scenario's"
                        + " policy disables it")
                .hasMessageNotContaining("/expectNot/0");
    }

    @Test
    void malformedYamlAndAnInvalidInlineDatasetArePointedAt(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "asOf: [unclosed\n");
        assertThatThrownBy(() -> ScenarioRunner.run(broken))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("not valid YAML at line");

        Path badData = dir.resolve("bad-data.json");
        Files.writeString(badData, """
                { "asOf": "2026-11-18T08:00",
                  "dataset": { "schemaVersion": 1, "district": { "id": "d-1", "timeZone": "America/Chicago" },
                               "contacts": [ { "id": "k-1", "familyId": "f-9", "at": "2026-11-13T20:00:00Z",
                                               "direction": "INBOUND", "channel": "SMS" } ] },
                  "expect": [ { "ruleId": "unanswered-input", "familyId": "f-9" } ] }
                """);
        assertThatThrownBy(() -> ScenarioRunner.run(badData))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("/dataset/contacts/0/familyId");
    }

    @Test
    void aDirectoryWithoutScenariosIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioRunner.fromDirectory(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scenario files");
    }
}
