/**
 * Embedder API: the rule pack, ready to judge datasets. Build a
 * {@link org.familyengagement.rules.RuleEngine} once, then evaluate in batch or keep a
 * {@link org.familyengagement.rules.LiveSession}; {@link org.familyengagement.rules.RuleCatalog}
 * lists the rules.
 */
package org.familyengagement.rules;
