package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/** Checks on raw 21-byte TRON addresses ({@code 0x41 || 20 bytes}); encoding to Base58Check lives in the key package. */
public final class Addresses {

    /** Length of a raw TRON address. */
    public static final int LENGTH = 21;
    /** The mainnet/testnet address prefix byte. */
    public static final byte PREFIX = 0x41;

    private Addresses() {
    }

    /** True if {@code address} is 21 bytes starting with {@code 0x41}. */
    public static boolean isValid(ByteString address) {
        return address != null && address.size() == LENGTH && address.byteAt(0) == PREFIX;
    }

    /**
     * Returns {@code address} if it is a valid raw TRON address.
     *
     * @throws IllegalArgumentException naming {@code what} and the defect
     */
    public static ByteString require(ByteString address, String what) {
        if (address == null) {
            throw new IllegalArgumentException(what + " address is missing");
        }
        if (address.size() != LENGTH) {
            throw new IllegalArgumentException(what + " address must be 21 bytes, got " + address.size());
        }
        if (address.byteAt(0) != PREFIX) {
            throw new IllegalArgumentException(what + " address must start with 0x41, got 0x"
                    + HexFormat.of().toHexDigits(address.byteAt(0)));
        }
        return address;
    }
}
