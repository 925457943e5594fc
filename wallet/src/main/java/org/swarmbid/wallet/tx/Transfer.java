package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A value transfer to build. Amounts are base units as {@link BigInteger}: sun for TRX, the token's smallest unit
 * for TRC-10 (an int64 on chain) and TRC-20 (a uint256 on chain).
 */
public sealed interface Transfer permits Transfer.Trx, Transfer.Trc10, Transfer.Trc20 {

    /** The 21-byte sender address. */
    ByteString owner();

    /** The 21-byte recipient address. */
    ByteString recipient();

    /** The amount in base units. */
    BigInteger amount();

    /** TRX in sun ({@code TransferContract}). */
    record Trx(ByteString owner, ByteString recipient, BigInteger amount) implements Transfer {
        public Trx {
            checkCommon(owner, recipient);
            checkInt64(amount);
        }
    }

    /** A TRC-10 token by its numeric id, e.g. {@code "1002000"} ({@code TransferAssetContract}). */
    record Trc10(ByteString owner, ByteString recipient, String tokenId, BigInteger amount) implements Transfer {
        public Trc10 {
            checkCommon(owner, recipient);
            checkInt64(amount);
            if (tokenId == null || !tokenId.matches("[1-9][0-9]{0,18}")) {
                throw new IllegalArgumentException("TRC-10 token id must be a positive decimal number, got " + tokenId);
            }
        }

        /** The token id as the UTF-8 bytes that go into {@code asset_name}. */
        public ByteString assetName() {
            return ByteString.copyFrom(tokenId, StandardCharsets.UTF_8);
        }
    }

    /** A TRC-20 {@code transfer(address,uint256)} call on {@code contract}. */
    record Trc20(ByteString owner, ByteString recipient, ByteString contract, BigInteger amount) implements Transfer {
        public Trc20 {
            checkCommon(owner, recipient);
            Addresses.require(contract, "contract");
            if (amount == null || amount.signum() <= 0 || amount.bitLength() > 256) {
                throw new IllegalArgumentException("TRC-20 amount must be in (0, 2^256), got " + amount);
            }
        }
    }

    private static void checkCommon(ByteString owner, ByteString recipient) {
        Addresses.require(owner, "owner");
        Addresses.require(recipient, "recipient");
        if (owner.equals(recipient)) {
            throw new IllegalArgumentException("owner and recipient are the same address");
        }
    }

    private static void checkInt64(BigInteger amount) {
        if (amount == null || amount.signum() <= 0 || amount.bitLength() > 63) {
            throw new IllegalArgumentException("amount must be in (0, 2^63), got " + amount);
        }
    }
}
