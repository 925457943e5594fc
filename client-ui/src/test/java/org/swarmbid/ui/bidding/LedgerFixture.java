package org.swarmbid.ui.bidding;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.AssetId;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.bidding.api.Cheque;
import org.swarmbid.bidding.ledger.BidRecord;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.Ledger;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.Digest32;
import org.swarmbid.wallet.asset.Asset;

/**
 * A real SQLite ledger with a day of activity: we sell to two buyers (cheques received, one settlement SOLID), buy
 * from one seller (bids, cheques sent, a settlement IN_BLOCK), and one blocklisted payer.
 */
final class LedgerFixture {

    static final String ME = "TWk44tifQnABXJnpifP3jdSEcG3t5qLmgx";
    static final String BUYER_A = "TJcGn8hmAaGNMLofbm6z2uzRRbp7xaXHka";
    static final String BUYER_B = "TCgcyat2kbG5pmzDMwtfTafewpmy7heZvB";
    static final String SELLER = "TBkaMDXxMa566az9sHLJ52rhSxwcauag6s";
    static final String TORRENT = "3f786850e387550fdab836ed7e6dc881de23001b";
    static final BigInteger MILLI_BTT = BigInteger.TEN.pow(15);
    static final AssetId BTT = AssetId.of(new Units(Asset.BTT).assetId());
    static final ChainId CHAIN = ChainId.of("swarmbid-devnet");

    /** Sum of the cheques received (base units). */
    static BigInteger earned = BigInteger.ZERO;
    /** Sum of the cheques sent (base units). */
    static BigInteger spent = BigInteger.ZERO;

    private LedgerFixture() {
    }

    static Ledger populate(Path file, long now) {
        Ledger ledger = Ledger.open(file);
        long hour = 3_600_000L;
        Account fromA = new Account(Address.of(BUYER_A), Address.of(ME), BTT, CHAIN);
        Account fromB = new Account(Address.of(BUYER_B), Address.of(ME), BTT, CHAIN);
        Account toSeller = new Account(Address.of(ME), Address.of(SELLER), BTT, CHAIN);
        earned = BigInteger.ZERO;
        spent = BigInteger.ZERO;
        BigInteger cumA = BigInteger.ZERO;
        BigInteger cumB = BigInteger.ZERO;
        BigInteger cumS = BigInteger.ZERO;
        for (int i = 1; i <= 12; i++) {
            long t = now - (26 - 2 * i) * hour;
            BigInteger a = MILLI_BTT.multiply(BigInteger.valueOf(40 + 7L * i));
            cumA = cumA.add(a);
            earned = earned.add(a);
            ledger.recordChequeReceived(new Cheque(fromA, cumA, i, sig(i)), digest(i), t);
            if (i % 3 == 0) {
                BigInteger b = MILLI_BTT.multiply(BigInteger.valueOf(25));
                cumB = cumB.add(b);
                earned = earned.add(b);
                ledger.recordChequeReceived(new Cheque(fromB, cumB, i / 3, sig(100 + i)), digest(100 + i), t + 60_000);
            }
            if (i >= 6) {
                BigInteger s = MILLI_BTT.multiply(BigInteger.valueOf(30 + 3L * i));
                cumS = cumS.add(s);
                spent = spent.add(s);
                ledger.recordBid(new BidRecord(Direction.SENT, TORRENT, Address.of(ME), Address.of(SELLER), BTT,
                        MILLI_BTT.multiply(BigInteger.valueOf(2)), i, t + 30_000, t - 1000));
                ledger.recordChequeSent(new Cheque(toSeller, cumS, i - 5, sig(200 + i)), digest(200 + i), t + 1000);
            }
        }
        ledger.recordBid(new BidRecord(Direction.RECEIVED, TORRENT, Address.of(BUYER_A), Address.of(ME), BTT,
                MILLI_BTT.multiply(BigInteger.valueOf(3)), 77, now + 30_000, now - 5 * 60_000));
        String txA = "a1".repeat(32);
        ledger.recordSettlementClaim(fromA, txA, cumA.divide(BigInteger.TWO), now - 3 * hour);
        ledger.updateSettlementStatus(txA, ChainStatus.SOLID, now - 2 * hour);
        long id = ledger.recordSettlementRequested(toSeller, cumS, now - 20 * 60_000);
        ledger.recordSettlementTxid(id, "b2".repeat(32), ChainStatus.BROADCAST, now - 19 * 60_000);
        ledger.updateSettlementStatus("b2".repeat(32), ChainStatus.IN_BLOCK, now - 18 * 60_000);
        ledger.blocklist(Address.of("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf"), "missed settlements", now - 4 * hour);
        return ledger;
    }

    private static byte[] sig(int i) {
        byte[] s = new byte[65];
        Arrays.fill(s, (byte) i);
        return s;
    }

    private static Digest32 digest(int i) {
        byte[] d = new byte[32];
        Arrays.fill(d, (byte) (i * 3 + 1));
        return Digest32.of(d);
    }
}
