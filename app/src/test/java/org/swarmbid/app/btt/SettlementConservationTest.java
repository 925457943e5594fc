package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.app.CliProcess;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.testing.FileTrees;
import org.swarmbid.core.testing.FreePorts;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.wallet.chain.TxState;
import org.swarmbid.wallet.chain.TxStatus;
import org.swarmbid.bidding.ledger.LedgerException;

/**
 * Issue 4, "conservation" (docs/btt-extension.md 8.2): a seller with a small settlement threshold
 * ({@code seed --settle-threshold}) and two bidders, real processes on a devnet, so that each bidder settles on chain
 * several times during one download. Once everything is acknowledged: what each buyer signed (its ledger) is what the
 * seller accepted (its ledger), cheque by cheque; each buyer's last cheque covers exactly its verified paid pieces;
 * the settlements the buyers made are the ones the seller verified, each txid once; and the devnet balances moved by
 * exactly the settled totals (payee: plus; payer: minus in BTT, and minus the fees the chain reports in TRX).
 */
@Tag("slow")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SettlementConservationTest {
    static final long SIZE = 4L * 1024 * 1024;
    static final int PIECE = 64 * 1024;
    /** 0.002 BTT: at 0.01 BTT/MiB a buyer settles about every 100 KiB bought in a paid slot (it settles at 50%). */
    static final String THRESHOLD = "0.002";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // kept on failure: the processes' logs are in logs/
    Path tmp;

    @Test
    void chequesSentEqualChequesAcceptedAndBalancesMoveByExactlyTheSettledTotals() throws Exception {
        TestPayload payload = TestPayload.singleFile(tmp.resolve("seed"), "payload.bin", SIZE, 7);
        Metainfo meta = TorrentCreator.from(payload.root()).pieceLength(PIECE).creationDate(null).create();
        Path torrent = Files.write(tmp.resolve("payload.torrent"), meta.toTorrentBytes());
        int[] ports = FreePorts.next(3);
        try (PaidSwarm swarm = PaidSwarm.start(tmp)) {
            PaidSwarm.Party seller = swarm.party("seller", "10", "0");
            List<PaidSwarm.Party> buyers = List.of(swarm.party("buyer1", "1000", "50"),
                    swarm.party("buyer2", "1000", "50"));
            awaitFunded(swarm, seller, buyers);
            BigInteger sellerBtt0 = swarm.btt(seller.address());
            List<BigInteger> buyerBtt0 = new ArrayList<>();
            List<BigInteger> buyerTrx0 = new ArrayList<>();
            for (PaidSwarm.Party b : buyers) {
                buyerBtt0.add(swarm.btt(b.address()));
                buyerTrx0.add(swarm.trx(b.address()));
            }

            List<String> sell = new ArrayList<>(List.of("seed", torrent.toString(), "--dir",
                    payload.saveDir().toString(), "--port", Integer.toString(ports[0]), "--bind", "127.0.0.1",
                    "--paid-slots", "2", "--sell-price", "0.01", "--settle-threshold", THRESHOLD, "--slots", "1",
                    "--choke-interval", "1", "--max-up", "1M"));
            sell.addAll(swarm.paymentArgs(seller));
            CliProcess sellerProc = swarm.run("seller", sell);
            List<CliProcess> buyerProcs = new ArrayList<>();
            for (int i = 0; i < buyers.size(); i++) {
                PaidSwarm.Party b = buyers.get(i);
                List<String> buy = new ArrayList<>(List.of("download", torrent.toString(), "--dir",
                        tmp.resolve(b.name() + "-dl").toString(), "--port", Integer.toString(ports[1 + i]),
                        "--bind", "127.0.0.1", "--peer", "127.0.0.1:" + ports[0], "--max-price", "0.05",
                        "--budget", "5", "--choke-interval", "1", "--seed", "--done-file",
                        tmp.resolve(b.name() + ".done").toString()));
                buy.addAll(swarm.paymentArgs(b));
                buyerProcs.add(swarm.run(b.name(), buy));
            }
            CliProcess[] all = {sellerProc, buyerProcs.get(0), buyerProcs.get(1)};
            String payee = seller.address().toBase58();
            PaidSwarm.await("both downloads complete", Duration.ofSeconds(150),
                    () -> buyers.stream().allMatch(b -> Files.exists(tmp.resolve(b.name() + ".done"))),
                    () -> "", all);
            PaidSwarm.await("every settlement final and verified by the seller, every cheque acknowledged",
                    Duration.ofSeconds(90),
                    // steady for a few seconds: a done-file comes just before the last piece's cheque
                    PaidSwarm.steady(Duration.ofSeconds(3),
                            () -> settledUp(buyers, seller) ? books(buyers, seller) : null),
                    () -> books(buyers, seller), all);
            for (CliProcess p : all) {
                p.interrupt();
            }
            for (CliProcess p : all) {
                assertThat(p.awaitExit(Duration.ofSeconds(30))).as(p.describe()).isEqualTo(130);
            }
            for (PaidSwarm.Party b : buyers) {
                FileTrees.assertSameTree(payload.root(), tmp.resolve(b.name() + "-dl").resolve("payload.bin"));
            }
            swarm.awaitSolid();

            Books sellerBooks = Books.read(seller.ledger());
            BigInteger collected = BigInteger.ZERO;
            Set<String> txids = new HashSet<>();
            for (SettlementRecord r : sellerBooks.settlements(Direction.RECEIVED)) {
                assertThat(r.status()).isEqualTo(ChainStatus.SOLID);
                assertThat(txids.add(r.txid().orElseThrow())).as("txid counted once: " + r).isTrue();
                collected = collected.add(r.amount());
            }
            int settlements = 0;
            BigInteger threshold = BiddingOptions.parseAmount("t", THRESHOLD, SettlementAsset.BTT);
            for (int i = 0; i < buyers.size(); i++) {
                PaidSwarm.Party b = buyers.get(i);
                String payer = b.address().toBase58();
                Books books = Books.read(b.ledger());
                // cheques: the seller accepted exactly what the buyer signed, and that covers every paid piece
                List<Books.Cheque> signed = books.sent();
                List<Books.Cheque> accepted = sellerBooks.received().stream()
                        .filter(c -> c.payer().equals(payer)).toList();
                assertThat(signed).as(b.name() + " signed cheques").isNotEmpty();
                assertThat(accepted).as("cheques the seller accepted from " + b.name())
                        .isSubsetOf(signed).contains(signed.get(signed.size() - 1));
                Books.Cheque last = signed.get(signed.size() - 1);
                assertThat(last.cum()).as(b.name() + ": last cheque = its paid pieces").isEqualTo(books.owedTo(payee));
                // settlements: every one final and SOLID, each verified once by the seller
                BigInteger settled = BigInteger.ZERO;
                long fees = 0;
                for (SettlementRecord r : books.settlements(Direction.SENT)) {
                    assertThat(r.status()).as(r.toString()).isEqualTo(ChainStatus.SOLID);
                    String txid = r.txid().orElseThrow();
                    assertThat(txids).as("the seller verified " + txid).contains(txid);
                    TxStatus onChain = swarm.sentTransaction(b, txid);
                    assertThat(onChain.state()).as(txid).isEqualTo(TxState.SOLID);
                    fees += onChain.feeSun();
                    settled = settled.add(r.amount());
                    settlements++;
                }
                assertThat(settled).as(b.name() + " settled no more than it signed").isLessThanOrEqualTo(last.cum());
                assertThat(last.cum().subtract(settled)).as(b.name() + ": what is left unsettled")
                        .isLessThan(threshold);
                assertThat(swarm.btt(b.address())).as(b.name() + " BTT")
                        .isEqualTo(buyerBtt0.get(i).subtract(settled));
                assertThat(swarm.trx(b.address())).as(b.name() + " TRX: minus the fees the chain reports")
                        .isEqualTo(buyerTrx0.get(i).subtract(BigInteger.valueOf(fees)));
                assertThat(fees).as("a TRC-20 transfer burns energy").isPositive();
                System.out.printf("MEASURED %s: %d cheques, last %s; %d settlements, %s settled, fees %d sun%n",
                        b.name(), signed.size(), last.cum(), books.settlements(Direction.SENT).size(), settled, fees);
            }
            // at least one per buyer (how many more depends on how the slots split the bytes between them)
            assertThat(settlements).as("on-chain settlements, at least one per buyer").isGreaterThanOrEqualTo(2);
            assertThat(txids).as("the seller verified only the buyers' settlements").hasSize(settlements);
            assertThat(swarm.btt(seller.address())).as("seller BTT").isEqualTo(sellerBtt0.add(collected));
            String summary = sellerProc.stdoutLines().stream().filter(l -> l.startsWith("payments: earned"))
                    .findFirst().orElseThrow(() -> new AssertionError(sellerProc.describe()));
            assertThat(summary).as("the seller's summary counts what it collected").contains(", collected 0.");
        }
    }

    private static void awaitFunded(PaidSwarm swarm, PaidSwarm.Party seller, List<PaidSwarm.Party> buyers)
            throws InterruptedException {
        PaidSwarm.await("faucet transfers", Duration.ofSeconds(30),
                () -> swarm.trx(seller.address()).signum() > 0
                        && buyers.stream().allMatch(b -> swarm.btt(b.address()).signum() > 0),
                () -> "");
    }

    /** Every buyer: settlements all SOLID and all verified by the seller; last cheque accepted. */
    private static boolean settledUp(List<PaidSwarm.Party> buyers, PaidSwarm.Party seller) {
        try {
            return settledUpOrThrow(buyers, seller);
        } catch (LedgerException e) {
            return false; // not created yet
        }
    }

    private static boolean settledUpOrThrow(List<PaidSwarm.Party> buyers, PaidSwarm.Party seller) {
        Books s = Books.read(seller.ledger());
        for (PaidSwarm.Party b : buyers) {
            Books books = Books.read(b.ledger());
            String payer = b.address().toBase58();
            List<SettlementRecord> sent = books.settlements(Direction.SENT);
            if (sent.isEmpty() || !sent.stream().allMatch(r -> r.status() == ChainStatus.SOLID)) {
                return false;
            }
            long verified = s.settlements(Direction.RECEIVED).stream()
                    .filter(r -> r.account().payer().value().equals(payer)).count();
            if (verified != sent.size()) {
                return false;
            }
            Books.Cheque last = Books.last(books.sent(), payer, seller.address().toBase58());
            if (last == null || !last.equals(Books.last(s.received(), payer, seller.address().toBase58()))) {
                return false;
            }
        }
        return true;
    }

    private static String books(List<PaidSwarm.Party> buyers, PaidSwarm.Party seller) {
        try {
            return booksOrThrow(buyers, seller);
        } catch (LedgerException e) {
            return e.getMessage();
        }
    }

    private static String booksOrThrow(List<PaidSwarm.Party> buyers, PaidSwarm.Party seller) {
        StringBuilder b = new StringBuilder("seller: " + Books.read(seller.ledger()));
        for (PaidSwarm.Party p : buyers) {
            b.append("; ").append(p.name()).append(": ").append(Books.read(p.ledger()));
        }
        return b.toString();
    }
}
