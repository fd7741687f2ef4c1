package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.family;
import static org.familyengagement.rules.pack.Facts.findings;

import java.util.List;
import java.util.Set;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Preference;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code preference-unrecorded}: the family has no preference, or its languages or channels
 * are empty. It does not depend on contacts or the window.
 */
class PreferenceUnrecordedTest {
    private static final String RULE = "preference-unrecorded";

    @Test
    void aFamilyWithNoPreferenceIsFlagged() {
        assertThat(findings(RULE, dataset(family(F1, null)))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.ACCESS);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.evidence()).isEmpty();
            assertThat(f.message()).isEqualTo("No language or channel preference is recorded for this family.");
        });
    }

    @Test
    void aPreferenceWithoutLanguagesOrWithoutChannelsIsIncomplete() {
        Preference noLanguages = Preference.of(List.of(), List.of(Channel.SMS));
        Preference noChannels = new Preference(List.of("es"), List.of(), Set.of(Channel.EMAIL), List.of(), true);

        assertThat(findings(RULE, dataset(family(F1, noLanguages)))).singleElement()
                .extracting(Finding::message).isEqualTo("This family's language or channel preference is incomplete.");
        assertThat(findings(RULE, dataset(family(F1, noChannels)))).as("opt-outs are no chosen channel")
                .singleElement();
    }

    @Test
    void aPreferenceWithLanguagesAndChannelsIsRecorded() {
        assertThat(findings(RULE, dataset(family(F1, Preference.of(List.of("es"), List.of(Channel.SMS))))))
                .isEmpty();
    }

    @Test
    void contactsDoNotMatter() {
        assertThat(findings(RULE, dataset(family(F1, null), call("k-1", "2026-11-10T10:00")))).singleElement();
    }
}
