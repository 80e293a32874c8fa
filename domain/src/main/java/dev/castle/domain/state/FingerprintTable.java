package dev.castle.domain.state;

import java.util.OptionalInt;

/**
 * A map from a 16-byte content fingerprint (two longs) to an id, with open addressing (linear probing) in three
 * arrays: about 35 bytes an entry where a {@code HashMap} with a key record and a boxed id spent about 90. Entries are
 * only added or replaced, never removed (the fold remembers the id of every content it has seen). Not thread-safe.
 */
final class FingerprintTable {
    private static final int MIN_CAPACITY = 8;

    /** {@code high, low} of each slot's fingerprint. */
    private long[] fingerprints = new long[2 * MIN_CAPACITY];

    private int[] ids = new int[MIN_CAPACITY];
    private boolean[] used = new boolean[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    /** The id recorded for the fingerprint, if any. */
    OptionalInt get(long high, long low) {
        int mask = ids.length - 1;
        for (int slot = slot(high, low, mask); used[slot]; slot = (slot + 1) & mask) {
            if (fingerprints[2 * slot] == high && fingerprints[2 * slot + 1] == low) {
                return OptionalInt.of(ids[slot]);
            }
        }
        return OptionalInt.empty();
    }

    void put(long high, long low, int id) {
        int mask = ids.length - 1;
        int slot = slot(high, low, mask);
        while (used[slot]) {
            if (fingerprints[2 * slot] == high && fingerprints[2 * slot + 1] == low) {
                ids[slot] = id;
                return;
            }
            slot = (slot + 1) & mask;
        }
        store(slot, high, low, id);
        if (++size * 4 > ids.length * 3) {
            resize();
        }
    }

    private void store(int slot, long high, long low, int id) {
        fingerprints[2 * slot] = high;
        fingerprints[2 * slot + 1] = low;
        ids[slot] = id;
        used[slot] = true;
    }

    private void resize() {
        long[] oldFingerprints = fingerprints;
        int[] oldIds = ids;
        boolean[] oldUsed = used;
        int capacity = oldIds.length * 2;
        fingerprints = new long[2 * capacity];
        ids = new int[capacity];
        used = new boolean[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldUsed[i]) {
                long high = oldFingerprints[2 * i];
                long low = oldFingerprints[2 * i + 1];
                int slot = slot(high, low, mask);
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                store(slot, high, low, oldIds[i]);
            }
        }
    }

    private static int slot(long high, long low, int mask) {
        long h = (high ^ low) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
