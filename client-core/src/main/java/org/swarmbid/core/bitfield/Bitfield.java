package org.swarmbid.core.bitfield;

import java.util.Arrays;

/** Pieces held, as {@code long[]} words; size fixed at construction. See the package doc for the wire layout. */
public final class Bitfield {
    private final int size;
    private final long[] words;
    private int cardinality;

    public Bitfield(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    private Bitfield(int size, long[] words, int cardinality) {
        this.size = size;
        this.words = words;
        this.cardinality = cardinality;
    }

    /** All pieces set. */
    public static Bitfield full(int size) {
        Bitfield b = new Bitfield(size);
        b.setAll();
        return b;
    }

    /**
     * Reads the BEP 3 wire form. Throws {@link IllegalArgumentException} if the length is not
     * {@code ceil(size/8)} or a spare bit is set.
     */
    public static Bitfield fromWire(byte[] bytes, int size) {
        if (bytes.length != (size + 7) / 8) {
            throw new IllegalArgumentException("bitfield of " + bytes.length + " bytes for " + size + " pieces");
        }
        Bitfield b = new Bitfield(size);
        for (int i = 0; i < bytes.length; i++) {
            int v = bytes[i] & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                if ((v & (0x80 >>> bit)) != 0) {
                    int piece = i * 8 + bit;
                    if (piece >= size) {
                        throw new IllegalArgumentException("spare bit set in bitfield");
                    }
                    b.set(piece);
                }
            }
        }
        return b;
    }

    public byte[] toWire() {
        byte[] out = new byte[(size + 7) / 8];
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                int piece = (w << 6) + bit;
                out[piece >>> 3] |= (byte) (0x80 >>> (piece & 7));
                word &= word - 1;
            }
        }
        return out;
    }

    public int size() {
        return size;
    }

    public boolean get(int piece) {
        check(piece);
        return (words[piece >>> 6] & (1L << piece)) != 0;
    }

    /** Sets a bit; returns true if it was clear. */
    public boolean set(int piece) {
        check(piece);
        long mask = 1L << piece;
        int w = piece >>> 6;
        if ((words[w] & mask) != 0) {
            return false;
        }
        words[w] |= mask;
        cardinality++;
        return true;
    }

    /** Clears a bit; returns true if it was set. */
    public boolean clear(int piece) {
        check(piece);
        long mask = 1L << piece;
        int w = piece >>> 6;
        if ((words[w] & mask) == 0) {
            return false;
        }
        words[w] &= ~mask;
        cardinality--;
        return true;
    }

    public void setAll() {
        Arrays.fill(words, -1L);
        int spare = words.length * 64 - size;
        if (spare > 0) {
            words[words.length - 1] >>>= spare;
        }
        cardinality = size;
    }

    public void clearAll() {
        Arrays.fill(words, 0L);
        cardinality = 0;
    }

    public int cardinality() {
        return cardinality;
    }

    public boolean isComplete() {
        return cardinality == size;
    }

    public boolean isEmpty() {
        return cardinality == 0;
    }

    /** Next set bit at or after {@code from}, or -1. */
    public int nextSet(int from) {
        if (from >= size) {
            return -1;
        }
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < size ? i : -1;
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    /** Next clear bit at or after {@code from}, or -1. */
    public int nextClear(int from) {
        if (from >= size) {
            return -1;
        }
        int w = from >>> 6;
        long word = ~words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < size ? i : -1;
            }
            if (++w == words.length) {
                return -1;
            }
            word = ~words[w];
        }
    }

    /** True if {@code other} has some piece this one lacks (we would be interested in {@code other}). */
    public boolean lacksAnyOf(Bitfield other) {
        sameSize(other);
        for (int w = 0; w < words.length; w++) {
            if ((other.words[w] & ~words[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    public Bitfield copy() {
        return new Bitfield(size, words.clone(), cardinality);
    }

    private void sameSize(Bitfield other) {
        if (other.size != size) {
            throw new IllegalArgumentException("bitfields of " + size + " and " + other.size + " pieces");
        }
    }

    private void check(int piece) {
        if (piece < 0 || piece >= size) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitfield b && b.size == size && Arrays.equals(b.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "Bitfield[" + cardinality + "/" + size + "]";
    }
}
