package org.swarmbid.bidding.ledger;

import java.math.BigInteger;
import org.swarmbid.bidding.api.Account;

/**
 * A verified piece the buyer owes for: {@code numerator} = Σ bytes × price per MiB of its paid blocks (divide by
 * 2<sup>20</sup> for base units), owed to the payee of {@code account}.
 *
 * @param torrent the info-hash as lower-case hex
 */
public record PaidPiece(String torrent, int piece, Account account, BigInteger numerator, long createdAtMillis) {}
