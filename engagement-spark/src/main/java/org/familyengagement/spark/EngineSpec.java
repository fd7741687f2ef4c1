package org.familyengagement.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.familyengagement.io.PolicyReader;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleEngine;

/**
 * How to build the job's rule engine, sent to every executor: the policy's and the custom rules'
 * text (an executor cannot read the driver's files), the rules disabled, the language and the
 * time limit. Each JVM builds the engine once and shares it between its tasks (it is
 * thread-safe); every task judges its partition on one thread, since Spark runs tasks side by side.
 *
 * @param policy   the policy document's text, or {@code null} for the defaults
 * @param rules    the custom DRL files' text
 * @param disabled rule ids switched off
 * @param language the language tag of finding messages
 * @param timeLimit how long one partition's counting or judging may take
 */
record EngineSpec(String policy, List<RuleText> rules, List<String> disabled, String language,
                  Duration timeLimit) implements Serializable {
    private static final Map<EngineSpec, RuleEngine> BUILT = new ConcurrentHashMap<>();

    EngineSpec {
        rules = List.copyOf(rules);
        disabled = List.copyOf(disabled);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeLimit, "timeLimit");
    }

    /** The engine, built on first use in this JVM. */
    RuleEngine engine() {
        return BUILT.computeIfAbsent(this, EngineSpec::build);
    }

    /** A custom DRL file's text, and the name its compile errors give it. */
    record RuleText(String name, String text) implements Serializable {
    }

    private RuleEngine build() {
        RuleEngine.Builder builder = RuleEngine.builder()
                .policy(policy == null ? Policy.defaults() : PolicyReader.readString(policy))
                .locale(Locale.forLanguageTag(language)).threads(1).timeLimit(timeLimit);
        rules.forEach(source -> builder.addRules(source.name(), source.text()));
        builder.disable(disabled.toArray(String[]::new));
        return builder.build();
    }
}
