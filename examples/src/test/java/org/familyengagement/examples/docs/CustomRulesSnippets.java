package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** The Java of docs/custom-rules.md. */
class CustomRulesSnippets {
    private static final String WELCOME = """
            package district;

            import org.familyengagement.rules.drl.FamilyHistory;

            global org.familyengagement.rules.drl.Findings findings;

            rule "welcome-call"
                @title("No personal contact with a family in the window")
                @category("REACH")
                @severity("LOW")
            when
                $h : FamilyHistory( !hasTwoWayContact() )
            then
                findings.forFamily(kcontext, $h.familyId()).evidence($h.failedAttempts()).report();
            end
            """;

    /** The calendar example of docs/custom-rules.md, which must compile and fire. */
    @Test
    void theCalendarExampleCompilesAndFires() {
        String drl = """
                package district;

                import org.familyengagement.model.Contact;
                import org.familyengagement.rules.drl.EvaluationContext;
                import org.familyengagement.rules.drl.FamilyHistory;

                global org.familyengagement.rules.drl.Findings findings;

                rule "unanswered-in-one-school-day"
                    @category("RESPONSIVENESS") @severity("MEDIUM")
                when
                    $c : EvaluationContext( $cal : calendar )
                    $h : FamilyHistory()
                    $i : Contact( awaitsReply, $cal.deadline(at, 1) <= $c.asOf, !$h.isAnswered(this) ) from $h.windowContacts
                then
                    findings.forFamily(kcontext, $h.familyId()).evidence($i).report();
                end
                """;
        assertThat(docs("custom-rules.md")).contains(drl.substring(drl.indexOf("rule \"")));
        RuleEngine engine = RuleEngine.builder().addRules("district/one-day.drl", drl).build();

        // A Friday question, unanswered on Tuesday 8:00 local: its one school day (Monday) is over.
        org.familyengagement.report.Report report = engine.evaluate(EmbeddingSnippets.questionOnly(),
                java.time.Instant.parse("2026-11-17T14:00:00Z"));
        assertThat(engine.evaluate(EmbeddingSnippets.questionOnly(), java.time.Instant.parse("2026-11-17T05:59:59Z"))
                .findingsOf("unanswered-in-one-school-day")).as("Monday is not over yet").isEmpty();
        assertThat(report.findingsOf("unanswered-in-one-school-day")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly("k-1"));
    }

    private static String docs(String name) {
        try {
            java.nio.file.Path root = java.nio.file.Files.isDirectory(java.nio.file.Path.of("docs"))
                    ? java.nio.file.Path.of("") : java.nio.file.Path.of("..");
            return java.nio.file.Files.readString(root.resolve("docs").resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void loading() {
        String welcomeDrl = WELCOME;
        // tag::loading[]
        RuleEngine engine = RuleEngine.builder()
                .addRulesFromClasspath("district/iep.drl")     // a class-path resource; addRules(Path) for a file
                .addRules("district/welcome.drl", welcomeDrl)   // or DRL text, named in errors
                .disable("welcome-call")                        // custom rules switch off by id too
                .build();
        // end::loading[]
        assertThat(engine.catalog().ids()).contains("iep-input-request-late").doesNotContain("welcome-call");
    }
}
