package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.swarmbid.wallet.key.TronAddress;

/**
 * A transaction as the node reports it, reduced to what a settlement claim is checked against
 * (docs/btt-extension.md §8.1): which kind of transfer, who sent what to whom, and how far it got.
 *
 * @param kind the contract type, {@link Kind#OTHER} for anything that is not a plain transfer
 * @param owner the sender ({@code owner_address}), empty for {@link Kind#OTHER}
 * @param recipient the receiver: {@code to_address}, or the TRC-20 {@code transfer} call's first argument; empty for
 *     {@link Kind#OTHER} or undecodable call data
 * @param asset the wire asset id moved ({@code trx}, {@code trc10:<id>}, {@code trc20:<hex>}), empty if unknown
 * @param amount base units moved (0 if unknown)
 * @param inBlock the node has a receipt ({@code TransactionInfo}) for it, i.e. it is in a block
 * @param succeeded in a block with result SUCCESS (or DEFAULT for plain transfers); false while not in a block
 * @param failure why it failed (e.g. {@code OUT_OF_ENERGY}), empty otherwise
 * @param solid the solidity node reports it, i.e. its block is irreversible
 */
public record ObservedTransfer(Kind kind, Optional<TronAddress> owner, Optional<TronAddress> recipient, Optional<String> asset,
        BigInteger amount, boolean inBlock, boolean succeeded, String failure, boolean solid) {

    /** The contract types a settlement may use, plus everything else. */
    public enum Kind {
        /** {@code TransferContract}: TRX. */
        TRX,
        /** {@code TransferAssetContract}: a TRC-10 token. */
        TRC10,
        /** {@code TriggerSmartContract} calling {@code transfer(address,uint256)} with no TRX attached. */
        TRC20,
        /** Any other contract, or a TRC-20 call that is not a plain transfer. */
        OTHER
    }

    public ObservedTransfer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(failure, "failure");
    }
}
