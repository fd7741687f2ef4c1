package org.familyengagement.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.familyengagement.policy.Policy;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/**
 * Which rules a live session may judge per family without truth maintenance: exactly those whose
 * findings can change only when the family's history (or the context) is replaced.
 */
class FamilyScopeTest {
    private static final List<String> PACK_FILES = List.of("access", "equity", "partnership", "reach",
            "responsiveness", "safety", "strengths");

    @Test
    void everyBuiltInFamilyRuleButTheTopicCoverageOneReadsOneFamily() throws IOException {
        Set<String> oneFamily = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (Rule rule : rules(builtInPack())) {
            (FamilyScope.readsOneFamily(rule) ? oneFamily : others).add(rule.getName());
        }

        assertThat(oneFamily).containsExactlyInAnyOrder("language-mismatch", "channel-mismatch",
                "outside-reachable-hours", "preference-unrecorded", "child-interpreter", "meeting-without-interpreter",
                "iep-input-late", "iep-draft-late", "early-conference-missing", "inflexible-meeting-times",
                "one-way-only", "unreached-family", "message-overload", "unanswered-input", "broken-commitment",
                "restricted-contact", "deficit-only-contact");
        // no-progress-contact joins the district's TopicCoverage, which changes without the family.
        assertThat(others).contains("no-progress-contact", "untranslated-broadcast", "group-reach-disparity",
                "group-reach-disparity comparison", "group-response-disparity", "group-strengths-disparity");
    }

    @Test
    void aRuleReadsOneFamilyOnlyWhenNothingElseCanChangeItsMatches() {
        String drl = """
                package district;
                import org.familyengagement.model.Contact;
                import org.familyengagement.model.Staff;
                import org.familyengagement.report.Group;
                import org.familyengagement.rules.drl.EvaluationContext;
                import org.familyengagement.rules.drl.FamilyHistory;
                import org.familyengagement.rules.drl.TopicCoverage;

                rule "history-only" when
                    $h : FamilyHistory( !wasInContact() )
                then end

                rule "history-context-from-eval" when
                    EvaluationContext( $min : policy.oneWayOnly.minBroadcasts )
                    $h : FamilyHistory()
                    $c : Contact( inbound ) from $h.windowContacts()
                    eval( $min > 0 )
                    not Contact( outbound ) from $h.windowContacts()
                then end

                rule "accumulate-over-its-contacts" when
                    $h : FamilyHistory()
                    $n : Number( intValue > 2 ) from accumulate( Contact( inbound ) from $h.contacts(), count() )
                then end

                rule "joins-staff" when
                    $h : FamilyHistory()
                    Staff()
                then end

                rule "joins-a-label" when
                    $g : Group()
                    $h : FamilyHistory( hasLabel($g) )
                then end

                rule "joins-topic-coverage" when
                    TopicCoverage( judges )
                    $h : FamilyHistory()
                then end

                rule "two-families" when
                    $a : FamilyHistory()
                    $b : FamilyHistory( this != $a, family.id == $a.family.id )
                then end

                rule "counts-families" when
                    $n : Number( intValue > 2 ) from accumulate( FamilyHistory(), count() )
                then end

                rule "unless-another-family" when
                    $h : FamilyHistory()
                    not FamilyHistory( this != $h, family.id == $h.family.id )
                then end

                rule "exists-only" when
                    exists FamilyHistory()
                then end

                rule "in-an-agenda-group" agenda-group "later" when
                    $h : FamilyHistory()
                then end

                rule "in-an-activation-group" activation-group "one" when
                    $h : FamilyHistory()
                then end

                rule "lock-on-active" lock-on-active true when
                    $h : FamilyHistory()
                then end
                """;
        Set<String> oneFamily = new TreeSet<>();
        for (Rule rule : rules(new KieHelper().addContent(drl, ResourceType.DRL).build())) {
            if (FamilyScope.readsOneFamily(rule)) {
                oneFamily.add(rule.getName());
            }
        }

        assertThat(oneFamily).containsExactlyInAnyOrder("history-only", "history-context-from-eval",
                "accumulate-over-its-contacts");
    }

    @Test
    void aRuleReadsAcrossFamiliesWhenItCanSeeMoreThanOneHistory() {
        String drl = """
                package district;
                import org.familyengagement.model.Contact;
                import org.familyengagement.model.Staff;
                import org.familyengagement.report.Group;
                import org.familyengagement.rules.drl.FamilyHistory;

                rule "history-only" when
                    $h : FamilyHistory( !wasInContact() )
                then end

                rule "its-own-contacts" when
                    $h : FamilyHistory()
                    not Contact( outbound ) from $h.windowContacts()
                    $n : Number( intValue > 2 ) from accumulate( Contact( inbound ) from $h.contacts(), count() )
                then end

                rule "joins-staff-and-labels" when
                    $g : Group()
                    $h : FamilyHistory( hasLabel($g) )
                    Staff()
                then end

                rule "two-families" when
                    $a : FamilyHistory()
                    $b : FamilyHistory( this != $a )
                then end

                rule "counts-families" when
                    $n : Number( intValue > 2 ) from accumulate( FamilyHistory(), count() )
                then end

                rule "the-busiest-family" when
                    $h : FamilyHistory( $n : contacts.size() )
                    not FamilyHistory( contacts.size() > $n )
                then end

                rule "exists-only" when
                    exists FamilyHistory( !wasInContact() )
                then end

                rule "either" when
                    FamilyHistory( wasInContact() ) or FamilyHistory( !wasInContact() )
                then end

                rule "either-with-a-join" when
                    $h : FamilyHistory()
                    FamilyHistory( this != $h, wasInContact() ) or Staff()
                then end

                rule "neither" when
                    not ( FamilyHistory( wasInContact() ) or Staff() )
                then end

                query "histories"
                    $h : FamilyHistory()
                    $other : FamilyHistory()
                end
                """;
        Set<String> across = new TreeSet<>();
        for (Rule rule : rules(new KieHelper().addContent(drl, ResourceType.DRL).build())) {
            if (FamilyScope.readsAcrossFamilies(rule)) {
                across.add(rule.getName());
            }
        }

        // "either" reads one family in each alternative, as Drools makes a rule of each.
        assertThat(across).containsExactlyInAnyOrder("two-families", "counts-families", "the-busiest-family",
                "exists-only", "either-with-a-join", "neither");
    }

    @Test
    void noBuiltInRuleReadsAcrossFamilies() throws IOException {
        // Or a batch evaluation of the built-in pack would run on one thread.
        assertThat(rules(builtInPack())).noneMatch(FamilyScope::readsAcrossFamilies);
    }

    @Test
    void theEngineKnowsWhenARuleReadsAcrossFamilies() {
        String drl = """
                package district;
                import org.familyengagement.rules.drl.FamilyHistory;
                rule "count-the-district" when
                    $n : Number() from accumulate( FamilyHistory(), count() )
                then end
                """;

        // The built-in pack as the engine loads it (its executable model), alone and with that rule.
        assertThat(PackBuilder.build(List.of(), Policy.defaults(), null, List.of(), Limits.DEFAULT)
                .rulesAcrossFamilies()).isEmpty();
        assertThat(PackBuilder.build(List.of(RuleSource.ofText("district/count.drl", drl)), Policy.defaults(), null,
                List.of(), Limits.DEFAULT).rulesAcrossFamilies()).containsExactly("count-the-district");
    }

    /** The built-in pack's DRL compiled from source (not its executable model). */
    private static KieBase builtInPack() throws IOException {
        KieHelper helper = new KieHelper();
        for (String file : PACK_FILES) {
            helper.addContent(resource("org/familyengagement/rules/pack/" + file + ".drl"), ResourceType.DRL);
        }
        return helper.build();
    }

    private static List<Rule> rules(KieBase base) {
        return base.getKiePackages().stream().map(KiePackage::getRules).flatMap(rules -> rules.stream()).toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = FamilyScopeTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
