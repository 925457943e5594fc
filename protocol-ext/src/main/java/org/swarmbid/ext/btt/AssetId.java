package org.swarmbid.ext.btt;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Which token a price, bid or cheque is denominated in. Wire form (an ASCII byte string, at most
 * {@value #MAX_WIRE_LENGTH} bytes):
 *
 * <pre>
 *   trx                       native TRX (6 decimals, base unit sun)
 *   trc10:&lt;id&gt;               TRC-10 token, decimal id without leading zeros, e.g. trc10:1002000 (legacy BTT)
 *   trc20:&lt;40 lowercase hex&gt;  TRC-20 token contract, the 20 bytes after 0x41, e.g. BTT
 * </pre>
 *
 * <p>The asset is bound into every signature through the EIP-712 domain's {@code verifyingContract}
 * ({@link #verifyingContract()}): the token contract for TRC-20, the zero address for TRX, and the token id as a
 * big-endian {@code uint160} for TRC-10.
 */
public final class AssetId {
    /** Longest wire form: {@code trc20:} plus 40 hex digits. */
    public static final int MAX_WIRE_LENGTH = 46;
    /** Native TRX. */
    public static final AssetId TRX = new AssetId(Kind.TRX, "trx", new byte[20]);
    /** BTT, TRC-20 contract TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4 on TRON mainnet (18 decimals). */
    public static final AssetId BTT = trc20(HexFormat.of().parseHex("032017411f4663b317fe77c257d28d5cd1b26e3d"));
    /** Legacy BTT, TRC-10 token 1002000 (6 decimals). */
    public static final AssetId BTT_OLD = trc10(1002000);

    /** The three kinds of TRON asset. */
    public enum Kind { TRX, TRC10, TRC20 }

    private final Kind kind;
    private final String wire;
    private final byte[] verifyingContract;

    private AssetId(Kind kind, String wire, byte[] verifyingContract) {
        this.kind = kind;
        this.wire = wire;
        this.verifyingContract = verifyingContract;
    }

    /** A TRC-10 token by numeric id (1 .. 2^63-1). */
    public static AssetId trc10(long tokenId) {
        if (tokenId <= 0) {
            throw new IllegalArgumentException("TRC-10 token id must be positive");
        }
        byte[] vc = new byte[20];
        byte[] id = BigInteger.valueOf(tokenId).toByteArray();
        int skip = id[0] == 0 ? 1 : 0;
        System.arraycopy(id, skip, vc, 20 - (id.length - skip), id.length - skip);
        return new AssetId(Kind.TRC10, "trc10:" + tokenId, vc);
    }

    /** A TRC-20 token by its contract's 20-byte EVM address (the TRON address without 0x41). */
    public static AssetId trc20(byte[] contract20) {
        if (contract20.length != 20) {
            throw new IllegalArgumentException("TRC-20 contract must be 20 bytes");
        }
        return new AssetId(Kind.TRC20, "trc20:" + HexFormat.of().formatHex(contract20), contract20.clone());
    }

    /** A TRC-20 token by its contract's TRON address. */
    public static AssetId trc20(TronAccount contract) {
        return trc20(contract.evmBytes());
    }

    /**
     * Parses the wire form; strict (lowercase, no leading zeros, exact lengths).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AssetId parse(String text) {
        if (text.length() > MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("asset id longer than " + MAX_WIRE_LENGTH + " bytes");
        }
        if (text.equals("trx")) {
            return TRX;
        }
        if (text.startsWith("trc10:")) {
            String id = text.substring(6);
            if (id.isEmpty() || id.length() > 19 || id.charAt(0) == '0'
                    || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("TRC-10 asset id must be trc10:<decimal id, no leading zero>");
            }
            try {
                return trc10(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TRC-10 token id exceeds 2^63-1");
            }
        }
        if (text.startsWith("trc20:")) {
            String hex = text.substring(6);
            if (hex.length() != 40 || !hex.equals(hex.toLowerCase(Locale.ROOT))
                    || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("TRC-20 asset id must be trc20:<40 lowercase hex digits>");
            }
            return trc20(HexFormat.of().parseHex(hex));
        }
        throw new IllegalArgumentException("unknown asset kind (expected trx, trc10:<id> or trc20:<hex>)");
    }

    public Kind kind() {
        return kind;
    }

    /** The wire form, e.g. {@code trc10:1002000}. */
    public String wire() {
        return wire;
    }

    /** The EIP-712 domain's {@code verifyingContract} for this asset (20 bytes). */
    public byte[] verifyingContract() {
        return verifyingContract.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetId a && wire.equals(a.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return wire;
    }
}
