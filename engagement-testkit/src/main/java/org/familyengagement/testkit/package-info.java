/**
 * Test a district's outreach policy rule by rule: {@link org.familyengagement.testkit.RuleVerifier}
 * with the fact builders of {@link org.familyengagement.testkit.Facts}, AssertJ assertions on
 * reports ({@link org.familyengagement.testkit.EngagementAssertions}), and scenario files run by
 * {@link org.familyengagement.testkit.ScenarioRunner}. See {@code docs/testing-policies.md}.
 */
package org.familyengagement.testkit;
