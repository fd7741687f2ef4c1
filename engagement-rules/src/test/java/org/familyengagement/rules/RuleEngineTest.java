package org.familyengagement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.errors.Problem;
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
import org.familyengagement.rules.internal.PackBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        // By category, then in the order each file declares its rules: the order of docs/rules.md.
        assertThat(engine.catalog().ids()).containsExactly(RuleIds.UNANSWERED_INPUT, RuleIds.BROKEN_COMMITMENT,
                RuleIds.DEFICIT_ONLY_CONTACT, RuleIds.LANGUAGE_MISMATCH, RuleIds.CHANNEL_MISMATCH,
                RuleIds.OUTSIDE_REACHABLE_HOURS, RuleIds.PREFERENCE_UNRECORDED, RuleIds.UNTRANSLATED_BROADCAST,
                RuleIds.CHILD_INTERPRETER, RuleIds.MEETING_WITHOUT_INTERPRETER, RuleIds.ONE_WAY_ONLY,
                RuleIds.UNREACHED_FAMILY, RuleIds.MESSAGE_OVERLOAD, RuleIds.NO_PROGRESS_CONTACT,
                RuleIds.GROUP_REACH_DISPARITY, RuleIds.GROUP_RESPONSE_DISPARITY, RuleIds.GROUP_STRENGTHS_DISPARITY,
                RuleIds.IEP_INPUT_LATE, RuleIds.IEP_DRAFT_LATE, RuleIds.EARLY_CONFERENCE_MISSING,
                RuleIds.INFLEXIBLE_MEETING_TIMES, RuleIds.RESTRICTED_CONTACT);
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
                .policy(Policy.defaults().withDisabledRules(List.of(RuleIds.UNANSWERED_INPUT)))
                .disable(RuleIds.GROUP_REACH_DISPARITY)
                .build();

        assertThat(engine.catalog().ids()).doesNotContain(RuleIds.UNANSWERED_INPUT, RuleIds.GROUP_REACH_DISPARITY);
        assertThat(engine.policy().disabledRules())
                .containsExactlyInAnyOrder(RuleIds.UNANSWERED_INPUT, RuleIds.GROUP_REACH_DISPARITY);
        assertThat(engine.evaluate(questionWithNoReply(), AS_OF).findingsOf(RuleIds.UNANSWERED_INPUT)).isEmpty();
    }

    @Test
    void theRuleIdConstantsNameExactlyTheBuiltInRules() throws IllegalAccessException {
        List<String> constants = new java.util.ArrayList<>();
        for (java.lang.reflect.Field field : RuleIds.class.getFields()) {
            constants.add((String) field.get(null));
        }

        assertThat(constants).containsExactlyInAnyOrderElementsOf(RuleEngine.builder().build().catalog().ids());
    }

    @Test
    void disablingAnUnknownRuleNamesWhereItWasAsked() {
        assertThatThrownBy(() -> RuleEngine.builder()
                .policy(Policy.defaults().withDisabledRules(List.of("message-overload", "mesage-overload")))
                .disable("no-such-rule")
                .build())
                .isInstanceOfSatisfying(UnknownRuleException.class, e -> {
                    assertThat(e.policySource()).isEmpty();
                    assertThat(e.inPolicy()).singleElement().satisfies(p -> {
                        assertThat(p.pointer()).isEqualTo("/disabledRules/1");
                        assertThat(p.message()).startsWith(
                                "no rule \"mesage-overload\"; did you mean \"message-overload\"?; known rules: ");
                    });
                    assertThat(e.inDisable()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                            .startsWith("no rule \"no-such-rule\"; known rules: broken-commitment, ");
                    assertThat(e.getMessage()).startsWith("Unknown rule ids (2):");
                });
    }

    @Test
    void aPolicyFileDisablingACustomRuleWorksAndItsUnknownIdsPointIntoIt(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "disabledRules: [welcome-call, mesage-overload]\n");
        String drl = """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                global org.familyengagement.rules.drl.Findings findings;
                rule "welcome-call"
                    @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory( contacts.isEmpty() )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """;

        assertThatThrownBy(() -> RuleEngine.builder().policy(policy).addRules("district.drl", drl).build())
                .isInstanceOfSatisfying(UnknownRuleException.class, e -> {
                    assertThat(e.policySource()).contains(policy.toString());
                    assertThat(e.inPolicy()).extracting(Problem::pointer).containsExactly("/disabledRules/1");
                    assertThat(e.getMessage()).contains(policy + " /disabledRules/1: no rule \"mesage-overload\"");
                });

        Files.writeString(policy, "disabledRules: [welcome-call]\n");
        RuleEngine engine = RuleEngine.builder().policy(policy).addRules("district.drl", drl).build();
        assertThat(engine.catalog().ids()).doesNotContain("welcome-call").contains(RuleIds.UNANSWERED_INPUT);
        assertThat(engine.policy().disabledRules()).containsExactly("welcome-call");
    }

    private static String rule(String name) {
        return """
                rule "%s"
                    @category("REACH") @severity("LOW")
                when
                    $h : FamilyHistory( contacts.isEmpty() )
                then
                    findings.forFamily(kcontext, $h.familyId()).report();
                end
                """.formatted(name);
    }

    private static final String HEADER = """
            package district;
            import org.familyengagement.rules.drl.FamilyHistory;
            global org.familyengagement.rules.drl.Findings findings;
            """;

    @Test
    void aRuleIdThatIsNotKebabCaseIsRefusedAtItsLine() {
        assertThatThrownBy(() -> RuleEngine.builder().addRules("district.drl", HEADER + rule("Welcome Call")).build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.source()).isEqualTo("district.drl");
                            assertThat(error.line()).isEqualTo(4);
                            assertThat(error.message()).startsWith("rule \"Welcome Call\" reports findings, so its"
                                    + " name is its id, and ids are kebab-case");
                        }));
    }

    @Test
    void aRuleIdTakenTwiceNamesBothPlaces() {
        assertThatThrownBy(() -> RuleEngine.builder()
                .addRules("a.drl", HEADER + rule("welcome-call"))
                .addRules("b.drl", HEADER.replace("package district;", "package other;") + "\n" + rule("welcome-call"))
                .addRules("c.drl", HEADER.replace("package district;", "package org.familyengagement.rules.pack;")
                        + rule("unanswered-input"))
                .build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).containsExactly(
                        new RuleCompilationException.CompileError("b.drl", 5, "rule \"welcome-call\" is already"
                                + " defined in a.drl:4; a rule's name is its id and must be unique: rename one of them"),
                        new RuleCompilationException.CompileError("c.drl", 4, "rule \"unanswered-input\" is already"
                                + " defined in the built-in pack; a rule's name is its id and must be unique: rename one"
                                + " of them (a copy of a built-in rule keeps its name; give it an id of your own)")));
    }

    @Test
    void aMissingRuleFileIsACompileErrorOfThatFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.drl");

        assertThatThrownBy(() -> RuleEngine.builder().addRules(missing).addRulesFromClasspath("nowhere/rules.drl").build())
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).containsExactly(
                        new RuleCompilationException.CompileError(missing.toString(), 0, "no such file"),
                        new RuleCompilationException.CompileError("nowhere/rules.drl", 0,
                                "no such resource on the class path")));
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
