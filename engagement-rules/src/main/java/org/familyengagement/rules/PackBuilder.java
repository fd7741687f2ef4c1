package org.familyengagement.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.errors.Suggestions;
import org.familyengagement.policy.Policy;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an engine's rule base together: the built-in pack from the executable model that the
 * build generated (no compiler runs for it), plus custom DRL compiled here, minus disabled rules.
 */
final class PackBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(PackBuilder.class);

    /** Where kie-maven-plugin names the generated model class of this kjar. */
    static final String MODEL_INDEX = "META-INF/kie/org.familyengagement/engagement-rules/drools-model";
    static final String PACK_PACKAGE = "org.familyengagement.rules.pack";

    private PackBuilder() {
    }

    static RuleEngine build(List<RuleEngine.RuleSource> sources, Policy policy, Set<String> extraDisabled,
                            Locale locale, RuleEngine.Limits limits) {
        long start = System.nanoTime();
        InternalKnowledgeBase kieBase = (InternalKnowledgeBase) KieBaseBuilder.createKieBaseFromModel(loadModel());
        if (!sources.isEmpty()) {
            kieBase.addPackages(compile(sources, kieBase));
        }

        List<RuleCompilationException.CompileError> errors = new ArrayList<>();
        Map<String, RuleMetadata.Info> infos = new HashMap<>();
        Map<String, Rule> rulesByName = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            boolean builtIn = pkg.getName().equals(PACK_PACKAGE);
            for (Rule rule : pkg.getRules()) {
                List<String> ruleErrors = new ArrayList<>();
                Rule other = rulesByName.put(rule.getName(), rule);
                if (other != null) {
                    ruleErrors.add("rule \"" + rule.getName() + "\" is defined in packages " + other.getPackageName()
                            + " and " + rule.getPackageName() + "; rule names are ids and must be unique");
                }
                RuleMetadata.Info info = RuleMetadata.parse(rule, builtIn, ruleErrors);
                if (info != null) {
                    infos.put(info.id(), info);
                }
                for (String message : ruleErrors) {
                    errors.add(locate(rule, message, sources));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }

        Set<String> disabled = checkDisabled(policy, extraDisabled, infos);
        for (Rule rule : new ArrayList<>(rulesByName.values())) {
            String owner = RuleMetadata.partOf(rule);
            if (disabled.contains(rule.getName()) || (owner != null && disabled.contains(owner))) {
                kieBase.removeRule(rule.getPackageName(), rule.getName());
            }
        }
        infos.keySet().removeAll(disabled);

        Policy effective = policy.withDisabledRules(disabled);
        LOG.debug("Rule engine built in {} ms: {} rules, {} disabled", (System.nanoTime() - start) / 1_000_000,
                infos.size(), disabled.size());
        return new RuleEngine(kieBase, effective, locale, new RuleMetadata(infos), limits);
    }

    /**
     * The executable model of the built-in pack. Its absence means the build ran without
     * kie-maven-plugin generating it (the plugin reads only src/main/resources and reports
     * success when it finds nothing), so say that rather than fall back to compiling at run time.
     */
    static Model loadModel() {
        ClassLoader loader = PackBuilder.class.getClassLoader();
        String className;
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("The precompiled rule pack is missing: no " + MODEL_INDEX
                        + " on the class path. Build engagement-rules with kie-maven-plugin (packaging kjar).");
            }
            className = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("Drools-Model-Version"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The precompiled rule pack index " + MODEL_INDEX
                            + " names no model class."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return (Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The precompiled rule pack names " + className
                    + ", which cannot be loaded", e);
        }
    }

    private static java.util.Collection<org.kie.api.definition.KiePackage> compile(
            List<RuleEngine.RuleSource> sources, InternalKnowledgeBase kieBase) {
        List<RuleCompilationException.CompileError> errors = new ArrayList<>();
        List<org.kie.api.definition.KiePackage> packages = new ArrayList<>();
        for (RuleEngine.RuleSource source : sources) {
            // One builder per source, so every error is tied to the file it came from.
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(kieBase);
            builder.add(ResourceFactory.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.name()), ResourceType.DRL);
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    int[] lines = error.getLines();
                    int line = lines == null || lines.length == 0 ? 0 : Math.max(0, lines[0]);
                    String message = error.getMessage() == null ? "" : error.getMessage().trim();
                    if (message.equals("Parser returned a null Package")) {
                        continue; // a consequence of the parse errors already listed
                    }
                    errors.add(new RuleCompilationException.CompileError(source.name(), line, message));
                }
            } else {
                packages.addAll(builder.getKnowledgePackages());
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return packages;
    }

    /**
     * A metadata error of a rule, named by the source the rule came from and the line of its
     * {@code rule "name"} declaration; {@code "rule metadata"}, line 0, when the source is unknown.
     */
    private static RuleCompilationException.CompileError locate(Rule rule, String message,
                                                                List<RuleEngine.RuleSource> sources) {
        Resource resource = rule instanceof RuleImpl impl ? impl.getResource() : null;
        String path = resource == null ? null : resource.getSourcePath();
        for (RuleEngine.RuleSource source : sources) {
            if (source.name().equals(path)) {
                return new RuleCompilationException.CompileError(path, declarationLine(source.drl(), rule.getName()),
                        message);
            }
        }
        return new RuleCompilationException.CompileError("rule metadata", 0, message);
    }

    /** The 1-based line that declares a rule in DRL text, or 0. */
    private static int declarationLine(String drl, String ruleName) {
        Pattern declaration = Pattern.compile("^\\s*rule\\s+([\"']?)" + Pattern.quote(ruleName) + "\\1(\\s|$)");
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (declaration.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String unknownRule(String id, Set<String> ids, String known) {
        String closest = Suggestions.closest(id, ids);
        return "no rule " + Problem.quote(id) + (closest != null ? "; did you mean \"" + closest + "\"?" : "")
                + "; known rules: " + known;
    }

    private static Set<String> checkDisabled(Policy policy, Set<String> extraDisabled,
                                             Map<String, RuleMetadata.Info> infos) {
        List<Problem> problems = new ArrayList<>();
        String known = String.join(", ", new java.util.TreeSet<>(infos.keySet()));
        int index = 0;
        for (String id : policy.disabledRules()) {
            if (!infos.containsKey(id)) {
                problems.add(new Problem("/disabledRules/" + index, unknownRule(id, infos.keySet(), known)));
            }
            index++;
        }
        for (String id : extraDisabled) {
            if (!infos.containsKey(id)) {
                problems.add(new Problem("", unknownRule(id, infos.keySet(), known) + " (to disable)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        Set<String> all = new java.util.TreeSet<>(policy.disabledRules());
        all.addAll(extraDisabled);
        return all;
    }
}
