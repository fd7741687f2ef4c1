package org.familyengagement.rules.internal;

import java.util.Locale;

import org.familyengagement.internal.Bundle;
import org.familyengagement.rules.RuleEngine;

/**
 * Why each built-in rule matters and what a coordinator does next, in one language, from the
 * bundle {@code org/familyengagement/rules/guidance} ({@code <id>.why}, {@code <id>.next}). Kept
 * apart from the finding messages: these are read by people acting on findings, not by rule
 * authors. A custom rule has no guidance: its why is its own {@code @rationale}, its next step empty.
 */
final class Guidance {
    private final Bundle bundle;

    Guidance(Locale locale) {
        this.bundle = Bundle.load(name -> RuleEngine.class.getResourceAsStream(name), "guidance", locale);
    }

    String why(String ruleId, String rationale) {
        String why = bundle.get(ruleId + ".why");
        return why != null ? why : rationale;
    }

    String nextStep(String ruleId) {
        String next = bundle.get(ruleId + ".next");
        return next != null ? next : "";
    }
}
