package org.familyengagement.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.Test;

class IdHashesTest {
    private final Dataset district = SampleDistrict.generate(3, 200);

    @Test
    void partitionsOfDistinctFamiliesDoNotCollide() {
        List<Family> families = district.families();
        long[] first = IdHashes.of(district.partition(families.subList(0, 100)));
        long[] second = IdHashes.of(district.partition(families.subList(100, 200)));

        assertThat(IdHashes.collide(List.of(first, second))).isFalse();
        assertThat(first.length + second.length).isEqualTo(200 + district.contacts().size()
                + district.commitments().size() + district.meetings().size());
    }

    @Test
    void aFamilyInTwoPartitionsCollides() {
        List<Family> families = district.families();
        long[] first = IdHashes.of(district.partition(families.subList(0, 101)));
        long[] second = IdHashes.of(district.partition(families.subList(100, 200)));

        assertThat(IdHashes.collide(List.of(first, second))).isTrue();
    }

    @Test
    void theCollectionIsPartOfTheHash() {
        assertThat(IdHashes.hash('f', "x-1")).isNotEqualTo(IdHashes.hash('k', "x-1"));
        assertThat(IdHashes.hash('k', "x-1")).isEqualTo(IdHashes.hash('k', "x-1"));
    }
}
