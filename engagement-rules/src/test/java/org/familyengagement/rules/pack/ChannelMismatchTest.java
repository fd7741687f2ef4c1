package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.AS_OF;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.family;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outbound;
import static org.familyengagement.rules.pack.Facts.outboundAt;
import static org.familyengagement.rules.pack.Facts.text;

import java.util.List;
import java.util.Set;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
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
    private static final Family SMS_NO_EMAIL = family(F1, new Preference(List.of("es"), List.of(Channel.SMS),
            Set.of(Channel.EMAIL), List.of(), false));

    @Test
    void aContactOnARefusedChannelIsFlaggedEvenUndelivered() {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL,
                outbound("k-1", "2026-11-10T10:00", Channel.EMAIL).delivered(false))))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo(RULE);
                    assertThat(f.category()).isEqualTo(Category.ACCESS);
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.familyId()).isEqualTo(F1);
                    assertThat(f.evidence()).containsExactly("k-1");
                    assertThat(f.message())
                            .isEqualTo("1 contact used a channel this family refused or did not choose.");
                });
    }

    @Test
    void aRefusedChannelCountsForEveryMode() {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL,
                outbound("k-1", "2026-11-10T10:00", Channel.EMAIL).mode(Mode.BROADCAST),
                outbound("k-2", "2026-11-11T10:00", Channel.EMAIL).mode(Mode.RECIPROCAL))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1", "k-2"));
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"PHONE", "APP", "LETTER"})
    void aPersonalContactOnAMessagingChannelTheFamilyDidNotChooseIsFlagged(Channel channel) {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL, outbound("k-1", "2026-11-10T10:00", channel))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1"));
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL,
                outbound("k-1", "2026-11-10T10:00", channel).delivered(false))))
                .as("an attempt counts too").singleElement();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"IN_PERSON", "VIDEO", "HOME_VISIT"})
    void aPersonalContactOnANonMessagingChannelIsNoMismatch(Channel channel) {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL, outbound("k-1", "2026-11-10T10:00", channel)))).isEmpty();
    }

    @Test
    void theChosenChannelAndNonPersonalContactsOnUnchosenChannelsAreFine() {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL,
                text("k-1", "2026-11-10T10:00"),
                broadcast("k-2", "2026-11-11T10:00"),
                outbound("k-3", "2026-11-12T10:00", Channel.APP).mode(Mode.RECIPROCAL)))).isEmpty();
    }

    @Test
    void aFamilyThatListsNoChannelsIsJudgedOnlyOnItsOptOuts() {
        Family noChannels = family(F1, new Preference(List.of("es"), List.of(), Set.of(Channel.EMAIL), List.of(),
                false));

        assertThat(findings(RULE, dataset(noChannels, outbound("k-1", "2026-11-10T10:00", Channel.LETTER))))
                .isEmpty();
        assertThat(findings(RULE, dataset(noChannels, outbound("k-2", "2026-11-10T10:00", Channel.EMAIL))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-2"));
    }

    @Test
    void theFamilysOwnContactsAreNeverAMismatch() {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL,
                Contact.builder("k-1", F1, Facts.at("2026-11-10T10:00"), Direction.INBOUND, Channel.EMAIL)))).isEmpty();
    }

    @Test
    void theWindowRunsFromJustAfterItsStartToAsOfIncluded() {
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL, outboundAt("k-1", WINDOW_START, Channel.EMAIL)))).isEmpty();
        assertThat(findings(RULE, dataset(SMS_NO_EMAIL, outboundAt("k-1", AS_OF, Channel.EMAIL))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }
}
