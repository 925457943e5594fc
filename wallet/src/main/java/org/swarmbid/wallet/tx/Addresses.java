package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import org.swarmbid.wallet.key.InvalidAddressException;
import org.swarmbid.wallet.key.TronAddress;

/**
 * The bridge between {@link TronAddress} and the raw 21-byte {@code bytes} fields of TRON's protobufs
 * ({@code 0x41 || 20 bytes}). Validation rules and messages are {@link TronAddress}'s; this class only converts.
 */
public final class Addresses {

    private Addresses() {
    }

    /** The protobuf form of an address. */
    public static ByteString toProto(TronAddress address) {
        return ByteString.copyFrom(address.toBytes());
    }

    /**
     * The address in a protobuf field.
     *
     * @throws InvalidAddressException naming {@code what} and the defect (length, prefix)
     */
    public static TronAddress fromProto(ByteString raw, String what) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidAddressException(what + " address is missing");
        }
        try {
            return TronAddress.fromBytes(raw.toByteArray());
        } catch (InvalidAddressException e) {
            throw new InvalidAddressException(what + " address: " + e.getMessage());
        }
    }

    /** True if {@code raw} is 21 bytes starting with {@code 0x41}. */
    public static boolean isValid(ByteString raw) {
        return raw != null && raw.size() == TronAddress.LENGTH && raw.byteAt(0) == TronAddress.PREFIX;
    }

    /** The {@code T...} form for messages, or hex if the bytes are not an address. */
    public static String describe(ByteString raw) {
        return isValid(raw) ? TronAddress.fromBytes(raw.toByteArray()).toBase58()
                : org.swarmbid.wallet.crypto.Hex.encode(raw.toByteArray());
    }
}
