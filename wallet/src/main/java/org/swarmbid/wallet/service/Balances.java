package org.swarmbid.wallet.service;

import java.util.Optional;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.key.TronAddress;

/**
 * What an address holds of the three assets the wallet knows. A token that does not exist on the network (the
 * testnets have no mainnet BTT contract, for instance) is empty.
 *
 * @param address the holder
 * @param trx     native TRX (6 decimals)
 * @param btt     BTT, the TRC-20 token (18 decimals)
 * @param bttOld  legacy BTT, TRC-10 token 1002000 (precision as the chain reports it)
 */
public record Balances(TronAddress address, Amount trx, Optional<Amount> btt, Optional<Amount> bttOld) {
}
