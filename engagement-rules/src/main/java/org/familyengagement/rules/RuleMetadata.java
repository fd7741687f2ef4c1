package org.familyengagement.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata of every rule of an engine, parsed once when the engine is built. Immutable.
 */
final class RuleMetadata {
    static final String TITLE = "title";
    static final String CATEGORY = "category";
    static final String SEVERITY = "severity";
    static final String RATIONALE = "rationale";
    static final String PARAMETERS = "parameters";
    static final String MESSAGE = "message";
    /** A helper rule that belongs to a reporting rule: disabling that rule disables it too. */
    static final String PART_OF = "partOf";

    /** A reporting rule's metadata. */
    record Info(String id, String title, Category category, Severity severity, String rationale,
                List<String> parameters, String message, boolean builtIn) {
        RuleInfo toRuleInfo() {
            return new RuleInfo(id, title, category, severity, rationale, parameters, builtIn);
        }
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

    List<RuleInfo> catalog() {
        List<RuleInfo> infos = new ArrayList<>();
        byId.values().forEach(info -> infos.add(info.toRuleInfo()));
        return infos;
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    /**
     * Parses a rule's metadata; {@code null} when the rule reports nothing (no category and no
     * severity). Problems go to {@code errors} as sentences.
     */
    static Info parse(Rule rule, boolean builtIn, List<String> errors) {
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
        String title = text(meta.get(TITLE));
        return new Info(rule.getName(), title == null ? rule.getName() : title, parsedCategory, parsedSeverity,
                text(meta.get(RATIONALE)) == null ? "" : text(meta.get(RATIONALE)),
                parameters(meta.get(PARAMETERS)), text(meta.get(MESSAGE)), builtIn);
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

    static Map<String, Info> newIndex() {
        return new HashMap<>();
    }
}
