package org.swarmbid.ext.btt.plugin;

import java.util.concurrent.atomic.AtomicReference;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.port.SettlementPort;
import org.swarmbid.ext.btt.ChequeSigner;

/**
 * The parts one plugin instance shares between its torrents, connections and worker tasks.
 *
 * @param live     the settings in force: {@link BttPlugin#updateBidding} replaces them; read them afresh (through
 *                 {@link #settings()}) at each decision instead of keeping a copy
 * @param us       our address as the ledger spells it
 */
record PluginParts(AtomicReference<BttSettings> live, Address us, ChequeSigner signer, VerifierAdapter verifier,
                   SettlementPort chain, Ledger ledger, SlowLane lane, SellerDesk seller, BuyerDesk buyer,
                   Sessions sessions, BttStats stats) {
    /** The settings in force now. */
    BttSettings settings() {
        return live.get();
    }

    long now() {
        return settings().clock().millis();
    }
}
