/**
 * engagement-testkit: verify outreach policies rule by rule ({@code RuleVerifier}, fact builders,
 * AssertJ report assertions, scenario files). Its API returns AssertJ asserts and JUnit dynamic
 * tests, so both come with it.
 */
module org.familyengagement.testkit {
    requires transitive org.familyengagement.rules;
    requires transitive org.assertj.core;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports org.familyengagement.testkit;
}
