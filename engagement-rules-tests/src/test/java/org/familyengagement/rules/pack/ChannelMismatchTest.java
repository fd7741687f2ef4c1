package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code channel-mismatch}: an outbound contact in the window, delivered or not, on a channel
 * the family opted out of; or, when the family lists channels, a personal contact on a messaging
 * channel ({@code SMS, PHONE, EMAIL, APP, LETTER}) not in its list. One finding per family.
 *
 * <p>The family here chose SMS and refused e-mail.
 */
class ChannelMismatchTest {
    private static final String RULE = "channel-mismatch";
    private static final Family SMS_NO_EMAIL = F.family(F1).languages("es").channels(Channel.SMS)
            .optOut(Channel.EMAIL).build();

    /** A delivered outbound personal contact to f-1 on a channel. */
    private static ContactSpec outbound(String id, String at, Channel channel) {
        return F.contact(id, F1, at, Direction.OUTBOUND, channel);
    }

    @Test
    void aContactOnARefusedChannelIsFlaggedEvenUndelivered() {
        VERIFIER.verifyThat(RULE)
                .given(SMS_NO_EMAIL, outbound("k-1", "2026-11-10T10:00", Channel.EMAIL).undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("k-1")
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.MEDIUM)
                .withMessage("1 contact used a channel this family refused or did not choose.");
    }

    @Test
    void aRefusedChannelCountsForEveryMode() {
        VERIFIER.verifyThat(RULE)
                .given(SMS_NO_EMAIL,
                        outbound("k-1", "2026-11-10T10:00", Channel.EMAIL).mode(Mode.BROADCAST),
                        outbound("k-2", "2026-11-11T10:00", Channel.EMAIL).mode(Mode.RECIPROCAL))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("k-1", "k-2");
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"PHONE", "APP", "LETTER"})
    void aPersonalContactOnAMessagingChannelTheFamilyDidNotChooseIsFlagged(Channel channel) {
        VERIFIER.verifyThat(RULE).given(SMS_NO_EMAIL, outbound("k-1", "2026-11-10T10:00", channel)).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
        // An attempt counts too.
        VERIFIER.verifyThat(RULE).given(SMS_NO_EMAIL, outbound("k-1", "2026-11-10T10:00", channel).undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1);
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"IN_PERSON", "VIDEO", "HOME_VISIT"})
    void aPersonalContactOnANonMessagingChannelIsNoMismatch(Channel channel) {
        VERIFIER.verifyThat(RULE).given(SMS_NO_EMAIL, outbound("k-1", "2026-11-10T10:00", channel)).asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void theChosenChannelAndNonPersonalContactsOnUnchosenChannelsAreFine() {
        VERIFIER.verifyThat(RULE)
                .given(SMS_NO_EMAIL,
                        F.text("k-1", F1, "2026-11-10T10:00"),
                        F.broadcast("k-2", F1, "2026-11-11T10:00"),
                        outbound("k-3", "2026-11-12T10:00", Channel.APP).mode(Mode.RECIPROCAL))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aFamilyThatListsNoChannelsIsJudgedOnlyOnItsOptOuts() {
        Family noChannels = F.family(F1).languages("es").optOut(Channel.EMAIL).build();

        VERIFIER.verifyThat(RULE).given(noChannels, outbound("k-1", "2026-11-10T10:00", Channel.LETTER)).asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE).given(noChannels, outbound("k-2", "2026-11-10T10:00", Channel.EMAIL)).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-2");
    }

    @Test
    void theFamilysOwnContactsAreNeverAMismatch() {
        VERIFIER.verifyThat(RULE)
                .given(SMS_NO_EMAIL, F.contact("k-1", F1, "2026-11-10T10:00", Direction.INBOUND, Channel.EMAIL))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void theWindowRunsFromJustAfterItsStartToAsOfIncluded() {
        VERIFIER.verifyThat(RULE).given(SMS_NO_EMAIL, outbound("k-1", AT_WINDOW_START, Channel.EMAIL)).asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE).given(SMS_NO_EMAIL, outbound("k-1", AT_AS_OF, Channel.EMAIL)).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }
}
