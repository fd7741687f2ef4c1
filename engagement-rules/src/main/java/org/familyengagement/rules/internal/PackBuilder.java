package org.familyengagement.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.familyengagement.errors.Problem;
import org.familyengagement.internal.Suggestions;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleCompilationException;
import org.familyengagement.rules.RuleCompilationException.CompileError;
import org.familyengagement.rules.UnknownRuleException;
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
 * It is the one place that knows every rule id, so it is the one place that checks them: ids are
 * kebab-case and unique, and every id a policy or the builder disables exists.
 */
public final class PackBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(PackBuilder.class);

    /** Where kie-maven-plugin names the generated model class of this kjar. */
    static final String MODEL_INDEX = "META-INF/kie/org.familyengagement/engagement-rules/drools-model";
    /** The package of the built-in rules. */
    public static final String PACK_PACKAGE = "org.familyengagement.rules.pack";

    private PackBuilder() {
    }

    /**
     * Builds the rule base.
     *
     * @param policySource the file the policy came from, to name in errors; {@code null} when unknown
     * @param disabled     ids to switch off on top of the policy's
     * @throws RuleCompilationException when custom rules cannot be read, do not compile, or clash
     * @throws UnknownRuleException     when an id to disable is no rule of the engine
     */
    public static Pack build(List<RuleSource> sources, Policy policy, String policySource, Collection<String> disabled,
                             Limits limits) {
        long start = System.nanoTime();
        Map<String, String> texts = new LinkedHashMap<>();
        InternalKnowledgeBase kieBase;
        if (sources.isEmpty()) {
            kieBase = loadBase();
        } else {
            // Loading the precompiled pack and compiling the custom DRL take a second or more each in a
            // cold JVM and need nothing of each other: do them at once (docs/performance.md, start-up).
            FutureTask<InternalKnowledgeBase> loading = new FutureTask<>(PackBuilder::loadBase);
            Thread loader = new Thread(loading, "engagement-rules-pack-loader");
            loader.setDaemon(true);
            loader.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            loader.start();
            List<Compiled> compiled = compile(sources, texts);
            kieBase = await(loading);
            kieBase.addPackages(checkNames(compiled, kieBase));
        }

        List<CompileError> errors = new ArrayList<>();
        Map<String, RuleMetadata.Info> infos = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            boolean builtIn = pkg.getName().equals(PACK_PACKAGE);
            for (Rule rule : pkg.getRules()) {
                rules.add(rule);
                List<String> ruleErrors = new ArrayList<>();
                RuleMetadata.Info info = RuleMetadata.parse(rule, builtIn, ruleErrors);
                if (info != null) {
                    infos.put(info.id(), info);
                }
                for (String message : ruleErrors) {
                    errors.add(locate(rule, message, texts));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }

        Set<String> off = checkDisabled(policy, policySource, disabled, infos);
        List<String> acrossFamilies = new ArrayList<>();
        for (Rule rule : rules) {
            String owner = RuleMetadata.partOf(rule);
            if (off.contains(rule.getName()) || (owner != null && off.contains(owner))) {
                kieBase.removeRule(rule.getPackageName(), rule.getName());
            } else if (FamilyScope.readsAcrossFamilies(rule)) {
                acrossFamilies.add(rule.getName());
            }
        }
        infos.keySet().removeAll(off);

        Policy effective = policy.withDisabledRules(off);
        if (!acrossFamilies.isEmpty()) {
            LOG.debug("Rules {} read across families: a batch evaluation judges every family in one session",
                    acrossFamilies);
        }
        LOG.debug("Rule engine built in {} ms: {} rules, {} disabled", (System.nanoTime() - start) / 1_000_000,
                infos.size(), off.size());
        return new Pack(kieBase, effective, new RuleMetadata(infos), limits, acrossFamilies);
    }

    /**
     * The executable model of the built-in pack. Its absence means the build ran without
     * kie-maven-plugin generating it (the plugin reads only src/main/resources and reports
     * success when it finds nothing), so say that rather than fall back to compiling at run time.
     */
    public static Model loadModel() {
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

    /** The built-in pack's rule base, from its executable model. */
    private static InternalKnowledgeBase loadBase() {
        return (InternalKnowledgeBase) KieBaseBuilder.createKieBaseFromModel(loadModel());
    }

    private static InternalKnowledgeBase await(FutureTask<InternalKnowledgeBase> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule pack was loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The packages one source compiled to, with its text to locate its rules. */
    private record Compiled(String source, String drl, Collection<KiePackage> packages) {
    }

    /**
     * Reads and compiles every source, each with a builder of its own so every error is tied to the
     * source it came from. {@code texts} receives each source's text by name, to locate later errors.
     */
    private static List<Compiled> compile(List<RuleSource> sources, Map<String, String> texts) {
        List<CompileError> errors = new ArrayList<>();
        List<Compiled> compiled = new ArrayList<>();
        for (RuleSource source : sources) {
            RuleSource.Read read = source.read();
            if (read.error() != null) {
                errors.add(read.error());
                continue;
            }
            texts.put(source.name(), read.drl());
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            builder.add(ResourceFactory.newByteArrayResource(read.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.name()), ResourceType.DRL);
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    int[] lines = error.getLines();
                    int line = lines == null || lines.length == 0 ? 0 : Math.max(0, lines[0]);
                    String message = error.getMessage() == null ? "" : error.getMessage().trim();
                    if (message.equals("Parser returned a null Package")) {
                        continue; // a consequence of the parse errors already listed
                    }
                    errors.add(new CompileError(source.name(), line, message));
                }
                continue;
            }
            compiled.add(new Compiled(source.name(), read.drl(), builder.getKnowledgePackages()));
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return compiled;
    }

    /**
     * The compiled packages, once no rule name is taken twice (by a built-in rule, or by a rule of
     * another source): Drools would silently replace one with the other.
     */
    private static List<KiePackage> checkNames(List<Compiled> compiled, InternalKnowledgeBase kieBase) {
        List<CompileError> errors = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                owners.put(rule.getName(), "the built-in pack");
            }
        }
        List<KiePackage> packages = new ArrayList<>();
        for (Compiled source : compiled) {
            for (KiePackage pkg : source.packages()) {
                for (Rule rule : pkg.getRules()) {
                    if (!isFrom(rule, source.source())) {
                        continue; // a package the builder shares with the base (a DRL importing a class of it)
                    }
                    int line = declarationLine(source.drl(), rule.getName());
                    String owner = owners.putIfAbsent(rule.getName(), source.source() + ":" + line);
                    if (owner != null) {
                        errors.add(new CompileError(source.source(), line, "rule \"" + rule.getName()
                                + "\" is already defined in " + owner
                                + "; a rule's name is its id and must be unique: rename one of them"
                                + (owner.equals("the built-in pack")
                                ? " (a copy of a built-in rule keeps its name; give it an id of your own)"
                                : "")));
                    }
                }
            }
            packages.addAll(source.packages());
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return packages;
    }

    private static boolean isFrom(Rule rule, String sourceName) {
        Resource resource = rule instanceof RuleImpl impl ? impl.getResource() : null;
        return resource != null && sourceName.equals(resource.getSourcePath());
    }

    /**
     * A metadata error of a rule, named by the source the rule came from and the line of its
     * {@code rule "name"} declaration; {@code "rule metadata"}, line 0, when the source is unknown.
     */
    private static CompileError locate(Rule rule, String message, Map<String, String> texts) {
        Resource resource = rule instanceof RuleImpl impl ? impl.getResource() : null;
        String path = resource == null ? null : resource.getSourcePath();
        String drl = path == null ? null : texts.get(path);
        if (drl != null) {
            return new CompileError(path, declarationLine(drl, rule.getName()), message);
        }
        return new CompileError(path != null ? path : "rule metadata", 0, message);
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

    private static String unknownRule(String id, Set<String> ids) {
        String closest = Suggestions.closest(id, ids);
        return "no rule " + Problem.quote(id) + (closest != null ? "; did you mean \"" + closest + "\"?" : "")
                + "; known rules: " + String.join(", ", new TreeSet<>(ids));
    }

    /** The ids to switch off, each checked against the rules the engine has. */
    private static Set<String> checkDisabled(Policy policy, String policySource, Collection<String> disabled,
                                             Map<String, RuleMetadata.Info> infos) {
        List<Problem> inPolicy = new ArrayList<>();
        List<String> inDisable = new ArrayList<>();
        for (int i = 0; i < policy.disabledRules().size(); i++) {
            String id = policy.disabledRules().get(i);
            if (!infos.containsKey(id)) {
                inPolicy.add(new Problem("/disabledRules/" + i, unknownRule(id, infos.keySet())));
            }
        }
        for (String id : disabled) {
            if (!infos.containsKey(id)) {
                inDisable.add(unknownRule(id, infos.keySet()));
            }
        }
        if (!inPolicy.isEmpty() || !inDisable.isEmpty()) {
            throw new UnknownRuleException(policySource, inPolicy, inDisable);
        }
        Set<String> all = new TreeSet<>(policy.disabledRules());
        all.addAll(disabled);
        return all;
    }
}
