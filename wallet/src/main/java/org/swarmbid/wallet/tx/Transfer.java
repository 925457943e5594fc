package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.key.TronAddress;

/**
 * A value transfer to build. Amounts are base units as {@link BigInteger}: sun for TRX, the token's smallest unit
 * for TRC-10 (an int64 on chain) and TRC-20 (a uint256 on chain). Each kind carries its {@link Asset}, so what was
 * sent can be shown with its symbol and decimals.
 */
public sealed interface Transfer permits Transfer.Trx, Transfer.Trc10, Transfer.Trc20 {

    /** The sender. */
    TronAddress owner();

    /** The recipient. */
    TronAddress recipient();

    /** The amount in base units. */
    BigInteger amount();

    /** What is sent. */
    Asset asset();

    /** The amount with its asset. */
    default Amount value() {
        return Amount.ofUnits(amount(), asset());
    }

    /**
     * The transfer of {@code amount} (its asset decides the kind) from {@code owner} to {@code recipient}.
     *
     * @throws IllegalArgumentException for a non-positive amount or owner = recipient
     */
    static Transfer of(TronAddress owner, TronAddress recipient, Amount amount) {
        Asset asset = amount.asset();
        if (asset instanceof Asset.Trx) {
            return new Trx(owner, recipient, amount.units());
        }
        if (asset instanceof Asset.Trc10 trc10) {
            return new Trc10(owner, recipient, trc10, amount.units());
        }
        return new Trc20(owner, recipient, (Asset.Trc20) asset, amount.units());
    }

    /** TRX in sun ({@code TransferContract}). */
    record Trx(TronAddress owner, TronAddress recipient, BigInteger amount) implements Transfer {
        public Trx {
            checkCommon(owner, recipient);
            checkInt64(amount);
        }

        @Override
        public Asset asset() {
            return Asset.TRX;
        }
    }

    /** A TRC-10 token, e.g. legacy BTT {@code "1002000"} ({@code TransferAssetContract}). */
    record Trc10(TronAddress owner, TronAddress recipient, Asset.Trc10 asset, BigInteger amount) implements Transfer {
        public Trc10 {
            checkCommon(owner, recipient);
            Objects.requireNonNull(asset, "asset");
            checkInt64(amount);
        }

        /** The numeric token id. */
        public String tokenId() {
            return asset.tokenId();
        }

        /** The token id as the UTF-8 bytes that go into {@code asset_name}. */
        public ByteString assetName() {
            return ByteString.copyFrom(asset.tokenId(), StandardCharsets.UTF_8);
        }
    }

    /** A TRC-20 {@code transfer(address,uint256)} call on the token's contract. */
    record Trc20(TronAddress owner, TronAddress recipient, Asset.Trc20 asset, BigInteger amount) implements Transfer {
        public Trc20 {
            checkCommon(owner, recipient);
            Objects.requireNonNull(asset, "asset");
            if (amount == null || amount.signum() <= 0 || amount.bitLength() > 256) {
                throw new IllegalArgumentException("TRC-20 amount must be in (0, 2^256), got " + amount);
            }
        }

        /** The token contract. */
        public TronAddress contract() {
            return asset.contract();
        }
    }

    private static void checkCommon(TronAddress owner, TronAddress recipient) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(recipient, "recipient");
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
