/**
 * DRL vocabulary: the facts and helpers a rule author writes rules with.
 * {@link org.familyengagement.rules.drl.FamilyHistory} (one per family, answering the questions
 * the pack asks), {@link org.familyengagement.rules.drl.EvaluationContext} (when and how an
 * evaluation judges), {@link org.familyengagement.rules.drl.Findings} (the {@code findings}
 * global), {@link org.familyengagement.rules.drl.GroupRate} and
 * {@link org.familyengagement.rules.drl.GroupComparison} (the equity rules' tallies). See
 * {@code docs/custom-rules.md}.
 */
package org.familyengagement.rules.drl;
