package org.familyengagement.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.EvaluationException;
import org.familyengagement.rules.RuleInfo;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata of every rule of an engine, parsed once when the engine is built. Immutable.
 */
public final class RuleMetadata {
    static final String TITLE = "title";
    static final String CATEGORY = "category";
    static final String SEVERITY = "severity";
    static final String RATIONALE = "rationale";
    static final String PARAMETERS = "parameters";
    static final String MESSAGE = "message";
    /** A helper rule that belongs to a reporting rule: disabling that rule disables it too. */
    static final String PART_OF = "partOf";

    /** A rule id: lower-case words of letters and digits joined by single hyphens. */
    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * A reporting rule's metadata.
     *
     * @param order          where the catalogue lists it: built-in rules by category, then as their files declare them
     * @param readsOneFamily whether its conditions read one family's history and the context only
     *                       ({@link FamilyScope#readsOneFamily}): a live session re-derives its findings per family
     */
    record Info(String id, String title, Category category, Severity severity, String rationale,
                List<String> parameters, String message, boolean builtIn, int order, boolean readsOneFamily) {
    }

    private final Map<String, Info> byId;

    RuleMetadata(Map<String, Info> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The metadata of the rule whose consequence is reporting. */
    Info of(Rule rule) {
        Info info = byId.get(rule.getName());
        if (info == null) {
            throw new EvaluationException(rule.getName(), "rule \"" + rule.getName()
                    + "\" reports a finding but has no @category and @severity metadata");
        }
        return info;
    }

    /**
     * The catalogue in a language: built-in rules by category, then in the order their files
     * declare them; custom rules after them, by id. Titles come from the message bundle of that
     * language when it has one for the rule ({@code <id>.title}), else from the rule's {@code @title}.
     */
    List<RuleInfo> catalog(Messages messages) {
        List<Info> infos = new ArrayList<>(byId.values());
        infos.sort(Comparator.comparing((Info info) -> !info.builtIn())
                .thenComparing(info -> info.builtIn() ? info.category().ordinal() : 0)
                .thenComparingInt(info -> info.builtIn() ? info.order() : 0)
                .thenComparing(Info::id));
        List<RuleInfo> catalog = new ArrayList<>(infos.size());
        Guidance guidance = new Guidance(messages.locale());
        for (Info info : infos) {
            String rationale = messages.rationale(info);
            catalog.add(new RuleInfo(info.id(), messages.title(info), info.category(), info.severity(),
                    rationale, info.parameters(), info.builtIn(), guidance.why(info.id(), rationale),
                    guidance.nextStep(info.id())));
        }
        return catalog;
    }

    Set<String> ids() {
        return byId.keySet();
    }

    /**
     * Parses a rule's metadata; {@code null} when the rule reports nothing (no category and no
     * severity). Problems go to {@code errors} as sentences.
     */
    static Info parse(Rule rule, boolean builtIn, List<String> errors) {
        int order = rule instanceof RuleImpl impl ? impl.getLoadOrder() : 0;
        Map<String, Object> meta = rule.getMetaData();
        Object category = meta.get(CATEGORY);
        Object severity = meta.get(SEVERITY);
        if (category == null && severity == null) {
            return null;
        }
        Category parsedCategory = parseEnum(Category.class, category, rule, CATEGORY, errors);
        Severity parsedSeverity = parseEnum(Severity.class, severity, rule, SEVERITY, errors);
        if (parsedCategory == null || parsedSeverity == null) {
            return null;
        }
        if (!KEBAB_CASE.matcher(rule.getName()).matches()) {
            errors.add("rule \"" + rule.getName() + "\" reports findings, so its name is its id, and ids are"
                    + " kebab-case: lower-case letters and digits in words joined by hyphens, such as"
                    + " \"iep-notice-late\"");
            return null;
        }
        String message = text(meta.get(MESSAGE));
        if (message != null) {
            try {
                new MessageFormat(message, Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                // Checked now, not when the rule first fires in some later evaluation.
                errors.add("rule \"" + rule.getName() + "\" has an @message that is not an ICU message pattern ("
                        + e.getMessage() + "); write arguments as {name}, plurals as"
                        + " {days, plural, one {# school day} other {# school days}}, and a literal quote as ''");
                return null;
            }
        }
        String title = text(meta.get(TITLE));
        return new Info(rule.getName(), title == null ? rule.getName() : title, parsedCategory, parsedSeverity,
                text(meta.get(RATIONALE)) == null ? "" : text(meta.get(RATIONALE)),
                parameters(meta.get(PARAMETERS)), message, builtIn, order, FamilyScope.readsOneFamily(rule));
    }

    static String partOf(Rule rule) {
        return text(rule.getMetaData().get(PART_OF));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, Object value, Rule rule, String key,
                                                   List<String> errors) {
        String text = text(value);
        if (text == null) {
            errors.add("rule \"" + rule.getName() + "\" has no @" + key + "; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("rule \"" + rule.getName() + "\" has @" + key + "(\"" + text + "\"); expected one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static List<String> parameters(Object value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Metadata values arrive as strings, sometimes still quoted. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
