package org.swarmbid.wallet.key;

import java.util.Arrays;
import org.swarmbid.wallet.crypto.Base58Check;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Hex;
import org.swarmbid.wallet.crypto.Secp256k1;

/**
 * A TRON account address.
 *
 * <pre>
 *  0      1                                        21
 * +------+------------------------------------------+
 * | 0x41 | last 20 bytes of Keccak-256(X || Y)      |
 * +------+------------------------------------------+
 * Base58Check of these 21 bytes = the 34-character "T..." form.
 * Hex form = 42 hex digits starting "41".
 * </pre>
 *
 * Immutable; equality is by the 21 bytes.
 */
public final class TronAddress implements Comparable<TronAddress> {
    /** Mainnet (and Nile/Shasta) address prefix byte. */
    public static final byte PREFIX = 0x41;
    /** Length of the binary address. */
    public static final int LENGTH = 21;
    /** Length of the Base58Check text form. */
    public static final int BASE58_LENGTH = 34;

    private final byte[] bytes;

    private TronAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps 21 address bytes.
     *
     * @throws InvalidAddressException on a wrong length or prefix
     */
    public static TronAddress fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new InvalidAddressException("TRON address must be 21 bytes, got " + bytes.length);
        }
        if (bytes[0] != PREFIX) {
            throw new InvalidAddressException(String.format(
                    "TRON address must start with byte 0x41, got 0x%02x", bytes[0] & 0xff));
        }
        return new TronAddress(bytes.clone());
    }

    /** The address of a 20-byte EVM-style account (the form in ABI words and {@code ecrecover}). */
    public static TronAddress fromEvmBytes(byte[] twentyBytes) {
        if (twentyBytes.length != 20) {
            throw new InvalidAddressException("EVM address must be 20 bytes, got " + twentyBytes.length);
        }
        byte[] full = new byte[LENGTH];
        full[0] = PREFIX;
        System.arraycopy(twentyBytes, 0, full, 1, 20);
        return new TronAddress(full);
    }

    /** The address of an uncompressed ({@code 04 || X || Y}) secp256k1 public key. */
    public static TronAddress fromPublicKey(byte[] uncompressedPublicKey) {
        if (uncompressedPublicKey.length != Secp256k1.PUBLIC_KEY_LENGTH || uncompressedPublicKey[0] != 0x04) {
            throw new IllegalArgumentException("public key must be 65 bytes starting 0x04");
        }
        byte[] hash = Hashes.keccak256(Arrays.copyOfRange(uncompressedPublicKey, 1, 65));
        return fromEvmBytes(Arrays.copyOfRange(hash, 12, 32));
    }

    /**
     * Parses either the Base58Check {@code T...} form or the 42-digit hex form ({@code 41...}, optional
     * {@code 0x}). Surrounding whitespace is not accepted: pasting errors should be visible.
     *
     * @throws InvalidAddressException naming the problem: empty, bad character (with position), bad checksum,
     *     wrong length, wrong prefix
     */
    public static TronAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidAddressException("TRON address is empty");
        }
        boolean prefixed = text.startsWith("0x") || text.startsWith("0X");
        // A Base58 TRON address starts with 'T', which is not a hex digit; anything made only of hex digits
        // (or carrying 0x) is meant as the hex form and gets the hex form's error messages.
        if (prefixed || allHexDigits(text)) {
            return fromHex(text);
        }
        return fromBase58(text);
    }

    private static boolean allHexDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the Base58Check {@code T...} form.
     *
     * @throws InvalidAddressException naming the problem
     */
    public static TronAddress fromBase58(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidAddressException("TRON address is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw new InvalidAddressException("TRON address contains whitespace at position " + i);
            }
        }
        if (text.length() != BASE58_LENGTH) {
            throw new InvalidAddressException("TRON address must be 34 characters, got " + text.length());
        }
        byte[] payload;
        try {
            payload = Base58Check.decode(text);
        } catch (Base58Check.ChecksumException e) {
            throw new InvalidAddressException("TRON address checksum mismatch: a character is mistyped");
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("TRON address: " + e.getMessage());
        }
        if (payload.length != LENGTH) {
            throw new InvalidAddressException("TRON address decodes to " + payload.length + " bytes, expected 21");
        }
        if (payload[0] != PREFIX) {
            throw new InvalidAddressException(String.format(
                    "not a TRON address: prefix byte is 0x%02x, expected 0x41 (TRON addresses start with 'T')",
                    payload[0] & 0xff));
        }
        return new TronAddress(payload);
    }

    /**
     * Parses the hex form: 42 hex digits starting {@code 41}, optional {@code 0x}.
     *
     * @throws InvalidAddressException naming the problem
     */
    public static TronAddress fromHex(String text) {
        String body = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (body.length() != 2 * LENGTH) {
            throw new InvalidAddressException("hex TRON address must be 42 hex digits, got " + body.length());
        }
        byte[] raw;
        try {
            raw = Hex.decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("hex TRON address: " + e.getMessage());
        }
        return fromBytes(raw);
    }

    /** The 21 bytes (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The 20 bytes without the 0x41 prefix: what TRC-20 ABI words and the TVM use. */
    public byte[] toEvmBytes() {
        return Arrays.copyOfRange(bytes, 1, LENGTH);
    }

    /** The {@code T...} Base58Check form. */
    public String toBase58() {
        return Base58Check.encode(bytes);
    }

    /** 42 lower-case hex digits starting {@code 41} (the form java-tron's HTTP API calls "hex"). */
    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TronAddress && Arrays.equals(bytes, ((TronAddress) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(TronAddress other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The Base58 form. */
    @Override
    public String toString() {
        return toBase58();
    }
}
