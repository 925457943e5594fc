package org.swarmbid.app.btt;

import java.util.Optional;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.TransferClaim;
import org.swarmbid.wallet.key.TronAddress;

/**
 * The seller's check of a {@code settled} claim against what the chain holds (docs/btt-extension.md §8.1): the
 * transaction must exist, be the transfer kind of the claimed asset, go from the payer to the payee, move exactly the
 * claimed amount, have succeeded, and be in a solidified block. Pure: no I/O, tested with tables of cases.
 *
 * <p>Verdicts: {@link ChainStatus#FAILED} for anything that is not (or can never become) the promised transfer — a
 * wrong chain, asset, kind, sender, receiver or amount, a failed contract, or a txid the node does not know;
 * {@link ChainStatus#BROADCAST} for a matching transaction without a receipt yet; {@link ChainStatus#IN_BLOCK} for a
 * matching successful one not yet solid; {@link ChainStatus#SOLID} only when everything holds. Whether the txid was
 * counted before is the ledger's business, not this check's.
 */
public final class TransferCheck {
    private TransferCheck() {
    }

    /** The verdict, with the reason for logs. */
    public record Verdict(ChainStatus status, String reason) {}

    /**
     * @param claim what the payer says it did
     * @param ourChain the chain this node is on (the engine's chain id text)
     * @param observed the transaction as our own node reports it, empty if the node does not know the txid
     */
    public static Verdict check(TransferClaim claim, ChainId ourChain, Optional<ObservedTransfer> observed) {
        if (!claim.account().chain().equals(ourChain)) {
            return failed("claim is for chain " + claim.account().chain() + ", this node is on " + ourChain);
        }
        if (claim.amount().signum() <= 0) {
            return failed("claimed amount is not positive");
        }
        Optional<SettlementAsset> asset = SettlementAsset.find(claim.account().asset().value());
        if (asset.isEmpty()) {
            return failed("claimed asset " + claim.account().asset() + " is not a known asset");
        }
        TronAddress payer;
        TronAddress payee;
        try {
            payer = TronAddress.parse(claim.account().payer().value());
            payee = TronAddress.parse(claim.account().payee().value());
        } catch (IllegalArgumentException e) {
            return failed("claim names an invalid address: " + e.getMessage());
        }
        if (observed.isEmpty()) {
            return failed("transaction " + claim.txid() + " is not on chain");
        }
        ObservedTransfer t = observed.get();
        ObservedTransfer.Kind expectedKind = kindOf(asset.get());
        if (t.kind() != expectedKind) {
            return failed("transaction is a " + t.kind() + " transfer, the claim's asset needs " + expectedKind);
        }
        if (!t.asset().equals(Optional.of(asset.get().wire().wire()))) {
            return failed("transaction moves " + t.asset().orElse("an unknown asset") + ", not " + asset.get().wire());
        }
        if (!t.owner().equals(Optional.of(payer))) {
            return failed("transaction is from " + t.owner().map(TronAddress::toString).orElse("nobody known")
                    + ", not the payer " + payer);
        }
        if (!t.recipient().equals(Optional.of(payee))) {
            return failed("transaction pays " + t.recipient().map(TronAddress::toString).orElse("nobody known")
                    + ", not the payee " + payee);
        }
        if (!t.amount().equals(claim.amount())) {
            return failed("transaction moves " + t.amount() + " base units, the claim says " + claim.amount());
        }
        if (!t.inBlock()) {
            return new Verdict(ChainStatus.BROADCAST, "matching transaction is not in a block yet");
        }
        if (!t.succeeded()) {
            return failed("transaction failed on chain" + (t.failure().isEmpty() ? "" : ": " + t.failure()));
        }
        if (!t.solid()) {
            return new Verdict(ChainStatus.IN_BLOCK, "matching transaction is not solidified yet");
        }
        return new Verdict(ChainStatus.SOLID, "matches and is irreversible");
    }

    static ObservedTransfer.Kind kindOf(SettlementAsset asset) {
        switch (asset.wire().kind()) {
            case TRX:
                return ObservedTransfer.Kind.TRX;
            case TRC10:
                return ObservedTransfer.Kind.TRC10;
            default:
                return ObservedTransfer.Kind.TRC20;
        }
    }

    private static Verdict failed(String reason) {
        return new Verdict(ChainStatus.FAILED, reason);
    }
}
