package org.familyengagement.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rules}: the rule catalogue, built-in rules first, then any custom ones. */
@Command(name = "rules", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Lists the rules: id, category, severity and title.",
            "With --rules, custom rule files are compiled and their rules listed after the built-in ones."})
final class RulesCommand implements Callable<Integer> {
    @ParentCommand
    EngagementCli root;

    @Option(names = "--rules", paramLabel = "FILE.drl",
            description = "A DRL file of custom rules to compile and list; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en",
            description = "Language of the titles and headings: en (default) or es.")
    String lang;

    @Option(names = "--markdown",
            description = "Print a Markdown table, as at the top of docs/rules.md, instead of plain text.")
    boolean markdown;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        Locale locale = Languages.parse("--lang", lang, problems);
        CustomRules custom = CustomRules.read(rules, problems);
        if (!problems.isEmpty()) {
            throw InvalidInvocationException.ofOptions(problems);
        }
        InvalidInvocationException.Collector collector = new InvalidInvocationException.Collector();
        RuleEngine engine = custom.startEngine(Policy.defaults(), null, List.of(), locale, builder -> { }).await(collector);
        collector.throwIfAny();
        Texts texts = Texts.of(locale);
        root.out().print(markdown ? CatalogFormat.markdown(engine.catalog(), texts)
                : CatalogFormat.text(engine.catalog(), texts));
        return EngagementCli.OK;
    }
}
