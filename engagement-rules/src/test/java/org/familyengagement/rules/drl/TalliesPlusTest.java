package org.familyengagement.rules.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Group;
import org.junit.jupiter.api.Test;

/**
 * Every tally the engine counts in Java adds up over disjoint sets of families, so that families
 * can be counted in parts (threads, partitions) and the parts merged: the sum of the parts is the
 * tally of the whole.
 */
class TalliesPlusTest {
    private static Contact delivery(String id, String familyId, String at) {
        return Contact.builder(id, familyId, Instant.parse(at), Direction.OUTBOUND, Channel.APP).mode(Mode.BROADCAST)
                .broadcastId("b-1").language("en").build();
    }

    @Test
    void broadcastTalliesAddUpAndKeepTimeOrderAndDistinctLanguages() {
        Contact early = delivery("k-1", "f-1", "2026-11-16T10:00:00Z");
        Contact late = delivery("k-2", "f-2", "2026-11-16T11:00:00Z");
        BroadcastTally first = new BroadcastTally("b-1", 10, List.of(late), 1, List.of("so"));
        BroadcastTally second = new BroadcastTally("b-1", 7, List.of(early), 1, List.of("so", "vi"));

        BroadcastTally sum = first.plus(second);

        assertThat(sum).isEqualTo(new BroadcastTally("b-1", 17, List.of(early, late), 2, List.of("so", "vi")));
        assertThat(sum).isEqualTo(second.plus(first));
        assertThat(sum.metrics()).isEqualTo(new BroadcastMetrics(2, 17, List.of("so", "vi")));
        assertThatThrownBy(() -> first.plus(new BroadcastTally("b-2", 1, List.of(), 0, List.of())))
                .hasMessageContaining("cannot add the tally of broadcast b-2 to that of b-1");
    }

    @Test
    void topicCoverageAddsItsCountsAndJudgesOnTheSum() {
        TopicCoverage few = new TopicCoverage(10, 2, 0.5);
        TopicCoverage many = new TopicCoverage(10, 9, 0.5);

        assertThat(few.judges()).isFalse();
        assertThat(many.judges()).isTrue();
        assertThat(few.plus(many)).isEqualTo(new TopicCoverage(20, 11, 0.5));
        assertThat(few.plus(many).judges()).isTrue();
        assertThat(new TopicCoverage(0, 0, 0.5).judges()).isFalse();
        assertThat(new TopicCoverage(0, 0, 0).judges()).isTrue();
    }

    @Test
    void groupRatesAddUpAndBecomeEligibleOnTheSum() {
        Policy policy = Policy.defaults();
        Group so = new Group("homeLanguage", "so");
        GroupRate first = GroupRate.of(GroupRate.Measure.STRENGTHS, so, 6, 1, 6, policy);
        GroupRate second = GroupRate.of(GroupRate.Measure.STRENGTHS, so, 5, 2, 5, policy);

        assertThat(first.eligible()).isFalse();
        assertThat(first.plus(second, policy)).isEqualTo(GroupRate.of(GroupRate.Measure.STRENGTHS, so, 11, 3, 11, policy));
        assertThat(first.plus(second, policy).eligible()).isTrue();
        assertThatThrownBy(() -> first.plus(GroupRate.of(GroupRate.Measure.REACH, so, 1, 1, 1, policy), policy))
                .hasMessageContaining("cannot add");
    }
}
