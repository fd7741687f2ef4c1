package org.familyengagement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.RuleIds;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static Dataset questionWithNoReply() {
        District district = District.of("d-1", ZoneId.of("America/Chicago"));
        Family family = new Family("f-1", List.of(), List.of(), Preference.of(List.of("es"), List.of(Channel.SMS)),
                Map.of("homeLanguage", "es"));
        Contact question = Contact.builder("k-1", "f-1", Instant.parse("2026-11-13T20:00:00Z"), Direction.INBOUND,
                Channel.SMS).build();
        return Dataset.of(district, List.of(), List.of(family), List.of(question), List.of());
    }

    @Test
    void builtInPackIsPrecompiledAndComplete() {
        // Fails when kie-maven-plugin silently generated no executable model.
        assertThat(PackBuilder.loadModel().getRules()).isNotEmpty();
        RuleEngine engine = RuleEngine.builder().build();
        assertThat(engine.catalog().ids()).containsExactlyElementsOf(RuleIds.BUILT_IN);
        assertThat(engine.catalog().rules()).allSatisfy(rule -> {
            assertThat(rule.builtIn()).isTrue();
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.rationale()).isNotBlank();
        });
    }

    @Test
    void evaluatesADatasetAtAnExplicitInstant() {
        Report report = RuleEngine.builder().build().evaluate(questionWithNoReply(), AS_OF);

        assertThat(report.asOf()).isEqualTo(AS_OF);
        assertThat(report.findingsOf(RuleIds.UNANSWERED_INPUT)).singleElement().satisfies(finding -> {
            assertThat(finding.familyId()).isEqualTo("f-1");
            assertThat(finding.evidence()).containsExactly("k-1");
            assertThat(finding.message())
                    .isEqualTo("A question from this family on 2026-11-13 has had no reply for 4 school days.");
        });
    }

    @Test
    void messagesFollowTheEngineLocale() {
        Report report = RuleEngine.builder().locale(Locale.forLanguageTag("es")).build()
                .evaluate(questionWithNoReply(), AS_OF);

        assertThat(report.findingsOf(RuleIds.UNANSWERED_INPUT)).singleElement().extracting(Finding::message)
                .isEqualTo("Una pregunta de esta familia del 2026-11-13 lleva 4 días escolares sin respuesta.");
    }

    @Test
    void disabledRulesDoNotRun() {
        RuleEngine engine = RuleEngine.builder()
                .policy(Policy.defaults().withDisabledRules(java.util.Set.of(RuleIds.UNANSWERED_INPUT)))
                .disable(RuleIds.GROUP_REACH_DISPARITY)
                .build();

        assertThat(engine.catalog().ids()).doesNotContain(RuleIds.UNANSWERED_INPUT, RuleIds.GROUP_REACH_DISPARITY);
        assertThat(engine.policy().disabledRules())
                .containsExactlyInAnyOrder(RuleIds.UNANSWERED_INPUT, RuleIds.GROUP_REACH_DISPARITY);
        assertThat(engine.evaluate(questionWithNoReply(), AS_OF).findingsOf(RuleIds.UNANSWERED_INPUT)).isEmpty();
    }

    @Test
    void disablingAnUnknownRuleIsAPolicyError() {
        assertThatThrownBy(() -> RuleEngine.builder()
                .policy(Policy.defaults().withDisabledRules(java.util.Set.of("no-such-rule"))).build())
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.pointer()).isEqualTo("/disabledRules/0");
                            assertThat(p.message()).startsWith("no rule \"no-such-rule\"; known rules: ");
                        }));
    }

    @Test
    void contactsAfterAsOfAreIgnored() {
        Report before = RuleEngine.builder().build()
                .evaluate(questionWithNoReply(), Instant.parse("2026-11-12T23:00:00Z"));

        assertThat(before.findingsOf(RuleIds.UNANSWERED_INPUT)).isEmpty();
        assertThat(before.findingsOf(RuleIds.UNREACHED_FAMILY)).singleElement()
                .extracting(Finding::familyId).isEqualTo("f-1");
    }
}
