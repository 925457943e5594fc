package org.swarmbid.ext.btt;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A TRON account address in its raw 21-byte form, {@code 0x41 || 20 bytes}, as carried on the wire. In EIP-712
 * typed data it is an {@code address}: the 20 bytes after the {@code 0x41} prefix ({@link #evmBytes()}), left-padded
 * to 32 bytes (TIP-712).
 *
 * <pre>
 *  0      1                                    21
 * +------+-------------------------------------+
 * | 0x41 | keccak256(pubkey.XY)[12..32]        |
 * +------+-------------------------------------+
 * </pre>
 */
public final class TronAccount {
    /** Length on the wire. */
    public static final int LENGTH = 21;
    /** TRON's address prefix byte. */
    public static final byte PREFIX = 0x41;
    private final byte[] bytes;

    private TronAccount(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws IllegalArgumentException unless 21 bytes starting with 0x41
     */
    public static TronAccount of(byte[] raw) {
        if (raw.length != LENGTH || raw[0] != PREFIX) {
            throw new IllegalArgumentException("a TRON address is 21 bytes starting with 0x41");
        }
        return new TronAccount(raw.clone());
    }

    /** From 42 hex digits ({@code 41...}). */
    public static TronAccount fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** From the 20-byte EVM form (prefix added). */
    public static TronAccount fromEvm(byte[] twenty) {
        if (twenty.length != 20) {
            throw new IllegalArgumentException("an EVM address is 20 bytes");
        }
        byte[] raw = new byte[LENGTH];
        raw[0] = PREFIX;
        System.arraycopy(twenty, 0, raw, 1, 20);
        return new TronAccount(raw);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The 20 bytes that EIP-712 encodes as {@code address}. */
    public byte[] evmBytes() {
        return Arrays.copyOfRange(bytes, 1, LENGTH);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TronAccount a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
