package org.familyengagement.spark;

import java.util.Arrays;
import java.util.List;

import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;

/**
 * A cheap test for an id given in two partitions of family records: each partition hashes the ids
 * it declares (64 bits, with the collection), and the driver looks for a hash seen twice. Equal
 * ids always collide; different ids almost never do (about one chance in ten million for a
 * district of 2.5 million ids), and then the exact search, which names the lines, finds nothing.
 */
final class IdHashes {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private IdHashes() {
    }

    /** The sorted hashes of a partition's family, contact, commitment and meeting ids. */
    static long[] of(Dataset partition) {
        long[] hashes = new long[partition.families().size() + partition.contacts().size()
                + partition.commitments().size() + partition.meetings().size()];
        int i = 0;
        for (Family family : partition.families()) {
            hashes[i++] = hash('f', family.id());
        }
        for (Contact contact : partition.contacts()) {
            hashes[i++] = hash('k', contact.id());
        }
        for (Commitment commitment : partition.commitments()) {
            hashes[i++] = hash('m', commitment.id());
        }
        for (Meeting meeting : partition.meetings()) {
            hashes[i++] = hash('t', meeting.id());
        }
        Arrays.sort(hashes);
        return hashes;
    }

    /** True when a hash appears twice, within one partition's array or across them. */
    static boolean collide(List<long[]> partitions) {
        long[] all = new long[partitions.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] hashes : partitions) {
            System.arraycopy(hashes, 0, all, at, hashes.length);
            at += hashes.length;
        }
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the collection's letter and the id's characters, then a final mix (splitmix64's). */
    static long hash(char collection, String id) {
        long h = (FNV_OFFSET ^ collection) * FNV_PRIME;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
