package org.swarmbid.bidding.ledger;

import java.math.BigInteger;
import java.util.Objects;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.Pricing;

/**
 * A bid we made ({@link Direction#SENT}) or received, identified by (direction, buyer, seller, nonce).
 *
 * @param torrent the info-hash as lower-case hex (40 or 64 characters)
 */
public record BidRecord(Direction direction, String torrent, Address buyer, Address seller, AssetId asset,
        BigInteger pricePerMiB, long nonce, long expiresAtMillis, long createdAtMillis) {
    public BidRecord {
        Objects.requireNonNull(direction, "direction");
        if (torrent == null || !(torrent.length() == 40 || torrent.length() == 64) || !torrent.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("torrent must be a lower-case hex info-hash of 40 or 64 characters");
        }
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(asset, "asset");
        Pricing.requireAmount(pricePerMiB, "pricePerMiB");
    }
}
