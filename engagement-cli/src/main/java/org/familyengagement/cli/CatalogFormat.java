package org.familyengagement.cli;

import java.util.ArrayList;
import java.util.List;

import org.familyengagement.internal.Printable;
import org.familyengagement.rules.RuleCatalog;
import org.familyengagement.rules.RuleInfo;

/** The rule catalogue as a text table, or as the Markdown table that opens {@code docs/rules.md}. */
final class CatalogFormat {
    private CatalogFormat() {
    }

    /** Built-in rules, then custom ones under their own heading: id, category, severity, title. */
    static String text(RuleCatalog catalog, Texts texts) {
        String[] header = {texts.get("rules.id"), texts.get("rules.category"), texts.get("rules.severity"),
            texts.get("rules.title")};
        int[] widths = new int[3];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header[i].length();
        }
        for (RuleInfo rule : catalog.rules()) {
            widths[0] = Math.max(widths[0], rule.id().length());
            widths[1] = Math.max(widths[1], rule.category().name().length());
            widths[2] = Math.max(widths[2], rule.severity().name().length());
        }
        StringBuilder out = new StringBuilder();
        row(out, widths, header);
        List<RuleInfo> custom = new ArrayList<>();
        for (RuleInfo rule : catalog.rules()) {
            if (rule.builtIn()) {
                row(out, widths, cells(rule, texts));
            } else {
                custom.add(rule);
            }
        }
        if (!custom.isEmpty()) {
            out.append('\n').append(texts.get("rules.custom")).append('\n');
            for (RuleInfo rule : custom) {
                row(out, widths, cells(rule, texts));
            }
        }
        return out.toString();
    }

    /**
     * A Markdown table with a row per rule, each id linking to the section of {@code docs/rules.md}
     * that its heading opens.
     */
    static String markdown(RuleCatalog catalog, Texts texts) {
        StringBuilder out = new StringBuilder();
        out.append(texts.get("rules.markdown.header")).append('\n');
        out.append("|---|---|---|---|\n");
        for (RuleInfo rule : catalog.rules()) {
            out.append("| [`").append(rule.id()).append("`](#").append(anchor(rule.id())).append(") | ")
                    .append(rule.category().name()).append(" | ")
                    .append(rule.severity().name()).append(" | ")
                    .append(Printable.escape(rule.title()).replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** The anchor GitHub gives a heading made of the id alone: lower case, other characters dropped. */
    static String anchor(String id) {
        StringBuilder anchor = new StringBuilder();
        for (char ch : id.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_') {
                anchor.append(ch);
            } else if (ch == ' ') {
                anchor.append('-');
            }
        }
        return anchor.toString();
    }

    private static String[] cells(RuleInfo rule, Texts texts) {
        return new String[] {rule.id(), rule.category().name(), rule.severity().name(), Printable.escape(rule.title())};
    }

    private static void row(StringBuilder out, int[] widths, String[] cells) {
        for (int i = 0; i < widths.length; i++) {
            out.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length() + 2));
        }
        out.append(cells[widths.length]).append('\n');
    }
}
