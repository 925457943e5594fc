package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.Optional;
import org.swarmbid.wallet.key.TronAddress;

/**
 * The Solidity ABI words for the three TRC-20 calls the wallet makes (TIP-20, which follows EIP-20).
 *
 * <pre>
 *   transfer(address,uint256)   a9059cbb | 00 x 12 | address[1..21) (20 bytes) | amount (uint256, big-endian)
 *   balanceOf(address)          70a08231 | 00 x 12 | address[1..21)
 *   decimals()                  313ce567
 * </pre>
 * The selector is the first 4 bytes of keccak256 of the signature text. The address word carries the 20-byte form
 * without the {@code 0x41} prefix, as TronWeb and Trident emit it. (Some published signer vectors, e.g. Trust Wallet
 * core's {@code SignTransferTrc20Contract}, put the whole 21-byte address with its {@code 0x41} into the word — the
 * bytes {@code 00 x 11 | 41 | 20 bytes}; {@link #decodeAddressWord} accepts both, the encoders here emit only the
 * 20-byte form.)
 */
public final class Trc20Abi {

    /** {@code keccak256("transfer(address,uint256)")[0..4)}. */
    public static final ByteString TRANSFER = selector(0xa9, 0x05, 0x9c, 0xbb);
    /** {@code keccak256("balanceOf(address)")[0..4)}. */
    public static final ByteString BALANCE_OF = selector(0x70, 0xa0, 0x82, 0x31);
    /** {@code keccak256("decimals()")[0..4)}. */
    public static final ByteString DECIMALS = selector(0x31, 0x3c, 0xe5, 0x67);

    private static final int WORD = 32;

    private Trc20Abi() {
    }

    /** Call data for {@code transfer(recipient, amount)}. */
    public static ByteString transfer(ByteString recipient, BigInteger amount) {
        return TRANSFER.concat(addressWord(recipient)).concat(uint256Word(amount));
    }

    /** Call data for {@code balanceOf(owner)}. */
    public static ByteString balanceOf(ByteString owner) {
        return BALANCE_OF.concat(addressWord(owner));
    }

    /** Call data for {@code decimals()}. */
    public static ByteString decimals() {
        return DECIMALS;
    }

    /** The 32-byte ABI word of a 21-byte TRON address: 12 zero bytes, then the address without its prefix. */
    public static ByteString addressWord(ByteString address) {
        if (!Addresses.isValid(address)) {
            throw new IllegalArgumentException("ABI address word needs a 21-byte TRON address starting 0x41");
        }
        byte[] word = new byte[WORD];
        address.substring(1).copyTo(word, 12);
        return ByteString.copyFrom(word);
    }

    /** The 32-byte big-endian word of an unsigned integer below 2^256. */
    public static ByteString uint256Word(BigInteger value) {
        if (value == null || value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("uint256 out of range: " + value);
        }
        byte[] raw = value.toByteArray();
        byte[] word = new byte[WORD];
        int copy = Math.min(raw.length, WORD);
        System.arraycopy(raw, raw.length - copy, word, WORD - copy, copy);
        return ByteString.copyFrom(word);
    }

    /** Reads a 32-byte word as an unsigned integer. */
    public static BigInteger decodeUint256(ByteString word) {
        if (word == null || word.size() != WORD) {
            throw new IllegalArgumentException("uint256 word must be 32 bytes, got " + (word == null ? 0 : word.size()));
        }
        return new BigInteger(1, word.toByteArray());
    }

    /**
     * Reads an address word back into a 21-byte TRON address: either {@code 00 x 12 | 20 bytes} or the legacy
     * {@code 00 x 11 | 41 | 20 bytes}. Anything else (dirty high bytes) is empty.
     */
    public static Optional<ByteString> decodeAddressWord(ByteString word) {
        if (word == null || word.size() != WORD) {
            return Optional.empty();
        }
        byte[] w = word.toByteArray();
        boolean clean = allZero(w, 0, 12);
        boolean legacy = allZero(w, 0, 11) && w[11] == TronAddress.PREFIX;
        if (!clean && !legacy) {
            return Optional.empty();
        }
        byte[] address = new byte[TronAddress.LENGTH];
        address[0] = TronAddress.PREFIX;
        System.arraycopy(w, 12, address, 1, 20);
        return Optional.of(ByteString.copyFrom(address));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static ByteString selector(int a, int b, int c, int d) {
        return ByteString.copyFrom(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
