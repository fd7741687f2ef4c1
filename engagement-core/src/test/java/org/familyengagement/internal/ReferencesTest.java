package org.familyengagement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.errors.Problem;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.junit.jupiter.api.Test;

/** The one owner of the dataset's reference checks, the id rule and the problem cap, on its own. */
class ReferencesTest {
    private static final Instant QUESTION_AT = Instant.parse("2026-11-02T16:00:00Z");

    private static final Contact QUESTION = Contact.builder("k-1", "f-1", QUESTION_AT, Direction.INBOUND, Channel.SMS)
            .build();
    private static final Contact REPLY = Contact.builder("k-2", "f-1", QUESTION_AT.plusSeconds(3600),
            Direction.OUTBOUND, Channel.SMS).replyTo("k-1").build();
    private static final Commitment KEPT = new Commitment("m-1", "f-1", null, QUESTION_AT.minusSeconds(60),
            QUESTION_AT.plusSeconds(86_400), "k-1");

    private static List<Problem> stillReferable(Contact corrected) {
        List<Problem> problems = new ArrayList<>();
        References.checkStillReferable(QUESTION, corrected, List.of(QUESTION, REPLY), List.of(KEPT), problems);
        return problems;
    }

    /** Was: a live session let a correction move a question after its reply, or a fulfilling contact before its promise. */
    @Test
    void aCorrectionMustNotMoveAQuestionAfterItsReplyOrBeforeTheCommitmentItKept() {
        assertThat(stillReferable(QUESTION.toBuilder().build())).isEmpty();
        assertThat(stillReferable(Contact.builder("k-1", "f-1", REPLY.at(), Direction.INBOUND, Channel.SMS).build()))
                .as("at the reply's instant").isEmpty();

        assertThat(stillReferable(Contact.builder("k-1", "f-1", REPLY.at().plusSeconds(1), Direction.INBOUND,
                Channel.SMS).build())).containsExactly(new Problem("/at", "contact \"k-2\" replies to \"k-1\" at"
                + " 2026-11-02T17:00:00Z, before 2026-11-02T17:00:01Z; a reply cannot come before the contact it"
                + " answers"));
        assertThat(stillReferable(Contact.builder("k-1", "f-1", KEPT.madeAt().minusSeconds(1), Direction.INBOUND,
                Channel.SMS).build())).containsExactly(new Problem("/at", "commitment \"m-1\" is fulfilled by \"k-1\""
                + " and was made at 2026-11-02T15:59:00Z, after 2026-11-02T15:58:59Z; a commitment is kept by a"
                + " contact made after it"));
    }

    @Test
    void aCorrectionMustKeepTheFamilyAndDirectionAsBefore() {
        assertThat(stillReferable(QUESTION.toBuilder().build().withLanguage("es"))).isEmpty();
        assertThat(stillReferable(Contact.builder("k-1", "f-2", QUESTION_AT, Direction.INBOUND, Channel.SMS).build()))
                .containsExactly(
                        new Problem("/familyId", "contact \"k-2\" replies to \"k-1\", which must stay an INBOUND"
                                + " contact of family \"f-1\""),
                        new Problem("/familyId", "commitment \"m-1\" is fulfilled by \"k-1\", which must stay with"
                                + " family \"f-1\""));
        assertThat(stillReferable(Contact.builder("k-1", "f-1", QUESTION_AT, Direction.OUTBOUND, Channel.SMS).build()))
                .containsExactly(new Problem("/direction", "contact \"k-2\" replies to \"k-1\", which must stay an"
                        + " INBOUND contact of family \"f-1\""));
    }

    @Test
    void theIdRuleAcceptsIdentifiersAndSaysWhyItRefusesTheRest() {
        for (String id : List.of("f-1", "1042", "SCH 001", "a", "学生-7", "k-😀", "x".repeat(256))) {
            assertThat(References.idProblem(id)).as(id).isNull();
        }
        assertThat(References.idProblem("")).isEqualTo("must not be blank");
        assertThat(References.idProblem("   ")).isEqualTo("must not be blank");
        assertThat(References.idProblem("\u2800")).isEqualTo("must not be blank");
        assertThat(References.idProblem("f-1 ")).isEqualTo("must not start or end with white space");
        assertThat(References.idProblem("f\u00AD1")).isEqualTo("must not contain U+00AD (an invisible format character)");
        assertThat(References.idProblem("f\uFDD01")).isEqualTo("must not contain U+FDD0 (a noncharacter)");
        assertThat(References.idProblem("f\uDBFF\uDFFF")).as("U+10FFFF").isEqualTo("must not contain U+10FFFF (a noncharacter)");
        assertThat(References.idProblem("x".repeat(10_000))).isEqualTo("must be at most 256 characters, not 10000");
    }

    @Test
    void printableShowsUnsafeCharactersAsQuestionMarks() {
        assertThat(References.printable("plain text: fine")).isEqualTo("plain text: fine");
        assertThat(References.printable("a\u001B[2Jb\u202Ec\uD800d😀")).isEqualTo("a?[2Jb?c?d😀");
    }

    @Test
    void aCappedListKeepsTheFirstAndCountsTheRest() {
        References.CappedProblems problems = new References.CappedProblems(2);
        assertThatIllegalStateException().isThrownBy(problems::countOne);

        problems.add(new Problem("/b", "second"));
        problems.add(new Problem("/a", "first"));
        problems.add(new Problem("/c", "third"));
        problems.countOne();
        problems.add(Problem.notListed(10));

        assertThat(problems).hasSize(2);
        assertThat(problems.isFull()).isTrue();
        assertThat(problems.notListed()).isEqualTo(12);
        assertThat(problems.toList(Dataset.DOCUMENT_ORDER)).containsExactly(new Problem("/a", "first"),
                new Problem("/b", "second"), Problem.notListed(12));
    }
}
