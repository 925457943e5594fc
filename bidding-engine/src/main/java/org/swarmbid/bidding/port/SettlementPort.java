package org.swarmbid.bidding.port;

import java.util.concurrent.CompletableFuture;

/** Moves real tokens on chain and checks transfers made by others. Implemented by app with the wallet. */
public interface SettlementPort {
    /**
     * Signs and broadcasts the transfer. Completes with the transaction id once the wallet has recorded the
     * signed transaction (status at least {@link ChainStatus#SIGNED}); exceptionally if it could not be signed
     * or was rejected. Must be idempotent on {@link SettlementRequest#settlementId()}.
     */
    CompletableFuture<String> transfer(SettlementRequest request);

    /** Current status of one of our own transfers. */
    CompletableFuture<ChainStatus> status(String txid);

    /**
     * Checks on chain that the claimed transfer exists and matches exactly (sender, receiver, asset, amount, a
     * successful result). Completes with {@link ChainStatus#SOLID} only when it is irreversible and matches;
     * {@link ChainStatus#FAILED} if it does not exist or does not match; an intermediate status otherwise.
     */
    CompletableFuture<ChainStatus> verifyIncoming(TransferClaim claim);
}
