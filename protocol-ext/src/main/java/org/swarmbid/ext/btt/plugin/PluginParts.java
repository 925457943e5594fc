package org.swarmbid.ext.btt.plugin;

import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.port.SettlementPort;
import org.swarmbid.ext.btt.ChequeSigner;

/**
 * The parts one plugin instance shares between its torrents, connections and worker tasks.
 *
 * @param us       our address as the ledger spells it
 */
record PluginParts(BttSettings settings, Address us, ChequeSigner signer, VerifierAdapter verifier,
                   SettlementPort chain, Ledger ledger, SlowLane lane, SellerDesk seller, BuyerDesk buyer,
                   Sessions sessions, BttStats stats) {
    long now() {
        return settings.clock().millis();
    }
}
