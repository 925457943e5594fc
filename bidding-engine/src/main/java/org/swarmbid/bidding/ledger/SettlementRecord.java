package org.swarmbid.bidding.ledger;

import java.math.BigInteger;
import java.util.Optional;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.port.ChainStatus;

/** One settlement as the ledger holds it. {@code txid} is empty while the status is {@link ChainStatus#REQUESTED}. */
public record SettlementRecord(long id, Direction direction, Account account, BigInteger amount, Optional<String> txid,
        ChainStatus status, long createdAtMillis, long updatedAtMillis) {}
