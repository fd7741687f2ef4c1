/**
 * engagement-rules: the built-in rule pack and its facade. Three packages say who they are for:
 *
 * <ul>
 *   <li>{@code org.familyengagement.rules}: the embedder's API ({@code RuleEngine},
 *       {@code LiveSession}, {@code RuleCatalog}, {@code RuleInfo}, {@code RuleIds}, the exceptions)</li>
 *   <li>{@code org.familyengagement.rules.drl}: the DRL vocabulary a rule author uses
 *       ({@code FamilyHistory}, {@code EvaluationContext}, {@code Findings}, {@code GroupRate},
 *       {@code GroupComparison}); {@code Findings} takes Drools' {@code RuleContext}</li>
 *   <li>{@code org.familyengagement.rules.internal}: how the engine works; not exported</li>
 * </ul>
 *
 * Open, because Drools builds rule bases by reflection, including the executable model's
 * generated classes in {@code org.familyengagement.rules.pack}.
 */
open module org.familyengagement.rules {
    requires transitive org.familyengagement.core;
    requires transitive org.kie.api;
    requires org.kie.internal.api;
    requires org.drools.base;
    requires org.drools.core;
    requires org.drools.kiesession;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.apache.commons.statistics.inference;
    requires org.apache.commons.statistics.distribution;
    requires com.ibm.icu;
    requires org.slf4j;

    exports org.familyengagement.rules;
    exports org.familyengagement.rules.drl;
}
