package org.swarmbid.core.picker;

import java.util.Arrays;

/**
 * A set of {@code long} keys with O(1) add, remove and contains and no boxing: open addressing with linear probing
 * and backward-shift deletion (no tombstones), power-of-two table, load at most 1/2. Made for per-connection request
 * bookkeeping, where a set of boxed {@code Long}s cost a hash node and a boxed key per 16 KiB block and a list cost
 * a linear scan per removal. {@link Long#MIN_VALUE} cannot be stored (it marks a free slot). Not thread-safe.
 */
public final class LongSet {
    private static final long FREE = Long.MIN_VALUE;
    private long[] table;
    private int mask;
    private int size;

    public LongSet() {
        this(16);
    }

    /** @param expected number of keys the set should hold without growing */
    public LongSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        table = new long[cap];
        Arrays.fill(table, FREE);
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** @return true if the key was not in the set */
    public boolean add(long key) {
        check(key);
        int i = slot(key);
        while (table[i] != FREE) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    public boolean contains(long key) {
        if (key == FREE) {
            return false;
        }
        for (int i = slot(key); table[i] != FREE; i = (i + 1) & mask) {
            if (table[i] == key) {
                return true;
            }
        }
        return false;
    }

    /** @return true if the key was in the set */
    public boolean remove(long key) {
        if (key == FREE) {
            return false;
        }
        int i = slot(key);
        while (table[i] != key) {
            if (table[i] == FREE) {
                return false;
            }
            i = (i + 1) & mask;
        }
        // backward-shift: move later keys of the probe run into the hole so lookups never stop early
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != FREE; j = (j + 1) & mask) {
            int home = slot(table[j]);
            // the key at j may move into the hole if its home is not cyclically within (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = FREE;
        size--;
        return true;
    }

    public void clear() {
        if (size > 0) {
            Arrays.fill(table, FREE);
            size = 0;
        }
    }

    /** The keys, in no particular order. */
    public long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        for (long k : table) {
            if (k != FREE) {
                out[n++] = k;
            }
        }
        return out;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.fill(table, FREE);
        mask = table.length - 1;
        for (long k : old) {
            if (k != FREE) {
                int i = slot(k);
                while (table[i] != FREE) {
                    i = (i + 1) & mask;
                }
                table[i] = k;
            }
        }
    }

    private static void check(long key) {
        if (key == FREE) {
            throw new IllegalArgumentException("Long.MIN_VALUE cannot be stored");
        }
    }
}
