package org.familyengagement.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.PolicyReader;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.rules.RuleCompilationException;
import org.familyengagement.rules.UnknownRuleException;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs scenario files: a dataset, an instant, optionally a policy and custom rules, and the
 * findings expected (and not expected). One JUnit dynamic test per file:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> policyScenarios() {
 *     return ScenarioRunner.fromDirectory(Path.of("src/test/resources/scenarios"));
 * }
 * }</pre>
 *
 * <p>The format (JSON, or YAML for {@code .yaml}/{@code .yml}) is described in
 * {@code docs/testing-policies.md}. Paths in a scenario are relative to the scenario file.
 * A scenario that cannot be run fails with an {@link InvalidScenarioException} naming the file
 * and JSON pointers; one whose expectations do not hold fails with an {@link AssertionError}
 * listing every expectation that failed, the findings and the facts.
 *
 * <p>Thread-safe. Engines are cached by their custom rules and policy, so scenarios that share
 * them compile them once.
 */
public final class ScenarioRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> FIELDS = Set.of("description", "dataset", "datasetFile", "asOf", "policy",
            "rules", "expect", "expectNot");
    private static final Set<String> EXPECTATION_FIELDS = Set.of("ruleId", "familyId", "group", "broadcastId",
            "evidence");
    private static final Set<String> GROUP_FIELDS = Set.of("dimension", "label");
    private static final String NL = System.lineSeparator();
    private static final Map<String, RuleVerifier> VERIFIERS = new ConcurrentHashMap<>();

    private ScenarioRunner() {
    }

    /**
     * One dynamic test per scenario file ({@code .json}, {@code .yaml}, {@code .yml}) directly in
     * the directory, in name order, each named after its file. Subdirectories are not scenarios:
     * they hold the dataset, policy and rule files that scenarios refer to.
     *
     * @throws IllegalArgumentException when the directory does not exist or holds no scenario file
     */
    public static Stream<DynamicTest> fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no scenario directory " + directory.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.list(directory)) {
            files = walk.filter(Files::isRegularFile).filter(ScenarioRunner::isScenario).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario directory " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no scenario files (.json, .yaml, .yml) in " + directory.toAbsolutePath());
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> run(file)));
    }

    /**
     * Runs one scenario file.
     *
     * @throws InvalidScenarioException when the file cannot be run as written
     * @throws AssertionError           when an expectation does not hold
     */
    public static void run(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        Scenario scenario = parse(file);
        RuleOutcome outcome = scenario.verifier.verifyThat().givenDataset(scenario.dataset).asOf(scenario.asOf);
        List<String> failures = new ArrayList<>();
        for (Expectation expectation : scenario.expect) {
            check(expectation, outcome.forRule(expectation.ruleId), true).ifPresent(failures::add);
        }
        for (Expectation expectation : scenario.expectNot) {
            check(expectation, outcome.forRule(expectation.ruleId), false).ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            StringBuilder headline = new StringBuilder("Scenario ").append(file).append(" failed ")
                    .append(failures.size()).append(" of ").append(scenario.expect.size() + scenario.expectNot.size())
                    .append(" expectations:");
            failures.forEach(failure -> headline.append(NL).append("  ").append(failure));
            Set<String> focus = new TreeSet<>();
            scenario.expect.forEach(e -> {
                if (e.familyId != null) {
                    focus.add(e.familyId);
                }
            });
            throw outcome.fail(headline.toString(), focus);
        }
    }

    private static java.util.Optional<String> check(Expectation expectation, RuleOutcome outcome, boolean present) {
        List<Finding> matching = outcome.findings().stream().filter(expectation::matches).toList();
        if (present == !matching.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(expectation.pointer + ": expected " + (present ? "" : "no ") + "finding of rule \""
                + expectation.ruleId + "\"" + expectation.describeTarget() + ", but there "
                + (present ? "is none" : matching.size() == 1 ? "is one" : "are " + matching.size()));
    }

    private static boolean isScenario(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    // ---- parsing -------------------------------------------------------------------------------

    private static Scenario parse(Path file) {
        JsonNode root = readTree(file);
        Path base = file.toAbsolutePath().getParent();
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidScenarioException(file, List.of(new Problem("", "a scenario must be an object")));
        }
        unknownFields(root, "", FIELDS, problems);

        Dataset dataset = readDataset(root, base, problems);
        RuleVerifier verifier = verifier(root, base, problems);

        Instant asOf = null;
        JsonNode asOfNode = root.get("asOf");
        if (asOfNode == null) {
            problems.add(new Problem("/asOf", "missing required field \"asOf\" (an instant, or a local date-time"
                    + " in the district's zone)"));
        } else if (!asOfNode.isTextual()) {
            problems.add(new Problem("/asOf", "must be a text, like \"2026-11-20T23:00:00Z\""));
        } else if (dataset != null) {
            try {
                asOf = Times.parse(asOfNode.asText(), dataset.district().timeZone());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("/asOf", e.getMessage()));
            }
        }

        List<Expectation> expect = expectations(root, "expect", true, verifier, problems);
        List<Expectation> expectNot = expectations(root, "expectNot", false, verifier, problems);
        if (expect.isEmpty() && expectNot.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("", "a scenario needs at least one entry in \"expect\" or \"expectNot\""));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(file, problems);
        }
        return new Scenario(dataset, asOf, verifier, expect, expectNot);
    }

    private static JsonNode readTree(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? JSON : YAML;
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new InvalidScenarioException(file, List.of(new Problem("", "the file is empty")));
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidScenarioException(file, List.of(new Problem("", "not valid "
                    + (mapper == JSON ? "JSON" : "YAML") + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
    }

    private static Dataset readDataset(JsonNode root, Path base, List<Problem> problems) {
        JsonNode inline = root.get("dataset");
        JsonNode reference = root.get("datasetFile");
        if (inline != null && reference != null) {
            problems.add(new Problem("/datasetFile", "give \"dataset\" or \"datasetFile\", not both"));
            return null;
        }
        if (inline == null && reference == null) {
            problems.add(new Problem("", "missing required field \"dataset\" (inline) or \"datasetFile\" (a path)"));
            return null;
        }
        if (inline != null) {
            if (!inline.isObject()) {
                problems.add(new Problem("/dataset", "must be a dataset object (see docs/fact-model.md)"));
                return null;
            }
            try {
                return DatasetReader.readString(inline.toString());
            } catch (InvalidDatasetException e) {
                e.problems().forEach(p -> problems.add(new Problem("/dataset" + p.pointer(), p.message())));
                return null;
            }
        }
        Path file = resolve(reference, "/datasetFile", base, problems);
        if (file == null) {
            return null;
        }
        try {
            return DatasetReader.read(file);
        } catch (InvalidDatasetException e) {
            e.problems().forEach(p -> problems.add(new Problem("/datasetFile", "dataset file " + file + " is invalid: "
                    + p)));
            return null;
        } catch (IOException e) {
            problems.add(new Problem("/datasetFile", "cannot read " + file + ": " + e.getMessage()));
            return null;
        }
    }

    private static RuleVerifier verifier(JsonNode root, Path base, List<Problem> problems) {
        List<Path> rules = new ArrayList<>();
        JsonNode rulesNode = root.get("rules");
        if (rulesNode != null) {
            if (!rulesNode.isArray()) {
                problems.add(new Problem("/rules", "must be a list of DRL file paths"));
                return null;
            }
            for (int i = 0; i < rulesNode.size(); i++) {
                Path drl = resolve(rulesNode.get(i), "/rules/" + i, base, problems);
                if (drl != null) {
                    rules.add(drl);
                }
            }
        }
        JsonNode policyNode = root.get("policy");
        String policyText = null;
        String policyPointerPrefix = "/policy";
        if (policyNode != null) {
            if (policyNode.isObject()) {
                policyText = policyNode.toString();
            } else {
                Path policyFile = resolve(policyNode, "/policy", base, problems);
                if (policyFile == null) {
                    return null;
                }
                try {
                    policyText = Files.readString(policyFile);
                } catch (IOException e) {
                    problems.add(new Problem("/policy", "cannot read " + policyFile + ": " + e.getMessage()));
                    return null;
                }
                policyPointerPrefix = "/policy (" + policyFile + ") ";
            }
        }
        if (rules.size() != (rulesNode == null ? 0 : rulesNode.size())) {
            return null;
        }
        String key = rules + "\u0000" + policyText;
        RuleVerifier cached = VERIFIERS.get(key);
        if (cached != null) {
            return cached;
        }
        RuleVerifier.Builder builder = RuleVerifier.builder();
        rules.forEach(builder::addRules);
        String prefix = policyPointerPrefix;
        try {
            if (policyText != null) {
                builder.policy(PolicyReader.readString(policyText));
            }
            RuleVerifier verifier = builder.build();
            VERIFIERS.putIfAbsent(key, verifier);
            return verifier;
        } catch (InvalidPolicyException e) {
            e.problems().forEach(p -> problems.add(new Problem(prefix + p.pointer(), p.message())));
        } catch (UnknownRuleException e) {
            // The engine knows every rule, custom ones included, so it is the one to say an id is unknown.
            e.inPolicy().forEach(p -> problems.add(new Problem(prefix + p.pointer(), p.message())));
        } catch (RuleCompilationException e) {
            problems.add(new Problem("/rules", e.getMessage()));
        }
        return null;
    }

    private static Path resolve(JsonNode node, String pointer, Path base, List<Problem> problems) {
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new Problem(pointer, "must be a path, relative to the scenario file"));
            return null;
        }
        Path path = base.resolve(node.asText()).normalize();
        if (!Files.isRegularFile(path)) {
            problems.add(new Problem(pointer, "no file " + path));
            return null;
        }
        return path;
    }

    private static List<Expectation> expectations(JsonNode root, String field, boolean present,
                                                  RuleVerifier verifier, List<Problem> problems) {
        JsonNode list = root.get(field);
        List<Expectation> expectations = new ArrayList<>();
        if (list == null) {
            return expectations;
        }
        if (!list.isArray()) {
            problems.add(new Problem("/" + field, "must be a list of {ruleId, familyId | group | broadcastId, evidence?}"));
            return expectations;
        }
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/" + field + "/" + i;
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problems.add(new Problem(pointer, "must be an object {ruleId, familyId | group | broadcastId, evidence?}"));
                continue;
            }
            int before = problems.size();
            unknownFields(entry, pointer, EXPECTATION_FIELDS, problems);
            String ruleId = text(entry, "ruleId", pointer, true, problems);
            boolean disabled = ruleId != null && verifier != null
                    && verifier.engine().policy().disabledRules().contains(ruleId);
            if (disabled && present) {
                problems.add(new Problem(pointer + "/ruleId", "rule \"" + ruleId + "\" cannot fire: the scenario's"
                        + " policy disables it; expect its silence under \"expectNot\""));
            } else if (ruleId != null && verifier != null && !disabled) {
                // A disabled rule may be expected not to fire: the scenario documents the policy's choice.
                try {
                    verifier.verifyThat(ruleId);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(pointer + "/ruleId", e.getMessage()));
                }
            }
            String familyId = text(entry, "familyId", pointer, false, problems);
            Group group = group(entry.get("group"), pointer + "/group", problems);
            String broadcastId = text(entry, "broadcastId", pointer, false, problems);
            int subjects = (familyId != null ? 1 : 0) + (group != null ? 1 : 0) + (broadcastId != null ? 1 : 0);
            if (subjects > 1) {
                problems.add(new Problem(pointer, "give one of \"familyId\", \"group\" or \"broadcastId\", not more"));
            } else if (present && subjects == 0 && entry.get("group") == null) {
                problems.add(new Problem(pointer, "missing required field \"familyId\", \"group\" or \"broadcastId\""));
            }
            List<String> evidence = evidence(entry.get("evidence"), pointer + "/evidence", problems);
            if (problems.size() == before) {
                expectations.add(new Expectation(pointer, ruleId, familyId, group, broadcastId, evidence));
            }
        }
        return expectations;
    }

    private static String text(JsonNode entry, String name, String pointer, boolean required, List<Problem> problems) {
        JsonNode node = entry.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem(pointer, "missing required field \"" + name + "\""));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new Problem(pointer + "/" + name, "must be a non-blank text"));
            return null;
        }
        return node.asText();
    }

    private static Group group(JsonNode node, String pointer, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(pointer, "must be an object {dimension, label}"));
            return null;
        }
        unknownFields(node, pointer, GROUP_FIELDS, problems);
        String dimension = text(node, "dimension", pointer, true, problems);
        String label = text(node, "label", pointer, true, problems);
        return dimension == null || label == null ? null : new Group(dimension, label);
    }

    private static List<String> evidence(JsonNode node, String pointer, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problems.add(new Problem(pointer, "must be a list of contact or commitment ids"));
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                problems.add(new Problem(pointer + "/" + i, "must be an id (a text)"));
            } else {
                ids.add(node.get(i).asText());
            }
        }
        return ids;
    }

    private static void unknownFields(JsonNode node, String pointer, Set<String> known, List<Problem> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Problem(pointer + "/" + name, "unknown field \"" + name + "\"; known fields: "
                        + String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    private record Scenario(Dataset dataset, Instant asOf, RuleVerifier verifier, List<Expectation> expect,
                            List<Expectation> expectNot) {
    }

    /** One entry of {@code expect} or {@code expectNot}; no family, group or broadcast means "any finding". */
    private record Expectation(String pointer, String ruleId, String familyId, Group group, String broadcastId,
                               List<String> evidence) {
        boolean matches(Finding finding) {
            if (familyId != null && !familyId.equals(finding.familyId())) {
                return false;
            }
            if (broadcastId != null && !broadcastId.equals(finding.broadcastId())) {
                return false;
            }
            if (group != null && !group.equals(finding.group())) {
                return false;
            }
            return evidence == null || new TreeSet<>(evidence).equals(new TreeSet<>(finding.evidence()));
        }

        String describeTarget() {
            String target = familyId != null ? " about family \"" + familyId + "\""
                    : group != null ? " about group " + group.dimension() + "=\"" + group.label() + "\""
                    : broadcastId != null ? " about broadcast \"" + broadcastId + "\"" : "";
            return evidence == null ? target : target + " with evidence " + new TreeSet<>(evidence);
        }
    }
}
