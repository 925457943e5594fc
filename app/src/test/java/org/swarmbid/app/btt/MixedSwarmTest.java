package org.swarmbid.app.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.app.CliProcess;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.testing.FileTrees;
import org.swarmbid.core.testing.FreePorts;
import org.swarmbid.core.testing.LibtorrentPeer;
import org.swarmbid.core.testing.TestPayload;
import org.swarmbid.ext.btt.plugin.BttPlugin;

/**
 * Issue 4, "mixed swarm": a Swarmbid seller selling a paid slot, a bidding Swarmbid leecher, a Swarmbid leecher with no
 * payment options and a libtorrent 2.0 leecher (python3-libtorrent), each a real process on loopback, paying on a
 * devnet. Everyone completes byte for byte. Every connection of the two plain peers runs through a {@link WireTap}
 * that parses the BitTorrent stream: they never receive a BEP 10 message other than the extended handshake, although
 * the Swarmbid peers talking to them announce {@code swarmbid_btt} (so the extension is there and stays silent). The
 * bidder's own link to the seller, tapped the same way, does carry extension messages (the tap would see them), and
 * the bidder paid for a paid slot: its cheques are the seller's accepted cheques, and both commands and
 * {@code swarmbid ledger} show the money.
 */
@Tag("interop")
@Tag("slow")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MixedSwarmTest {
    static final long SIZE = 4L * 1024 * 1024 + 4321;
    static final int PIECE = 64 * 1024;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // kept on failure: the processes' logs are in logs/
    Path tmp;

    @Test
    void sellerBidderNonBidderAndLibtorrentAllCompleteAndPlainPeersNeverSeeAnExtensionMessage() throws Exception {
        TestPayload payload = TestPayload.singleFile(tmp.resolve("seed"), "payload.bin", SIZE, 41);
        Metainfo meta = TorrentCreator.from(payload.root()).pieceLength(PIECE).creationDate(null).create();
        Path torrent = Files.write(tmp.resolve("payload.torrent"), meta.toTorrentBytes());
        int[] ports = FreePorts.next(4);
        int sellerPort = ports[0];
        int bidderPort = ports[1];
        int plainPort = ports[2];
        int ltPort = ports[3];
        List<WireTap> taps = new ArrayList<>();
        try (PaidSwarm swarm = PaidSwarm.start(tmp)) {
            PaidSwarm.Party seller = swarm.party("seller", "10", "0");
            PaidSwarm.Party bidder = swarm.party("bidder", "1000", "100");
            WireTap bidderToSeller = tap(taps, "bidder-seller", sellerPort);
            WireTap plainToSeller = tap(taps, "plain-seller", sellerPort);
            WireTap ltToSeller = tap(taps, "lt-seller", sellerPort);
            WireTap bidderToPlain = tap(taps, "bidder-plain", plainPort);
            WireTap bidderToLt = tap(taps, "bidder-lt", ltPort);

            List<String> sell = new ArrayList<>(List.of("seed", torrent.toString(), "--dir",
                    payload.saveDir().toString(), "--port", Integer.toString(sellerPort), "--bind", "127.0.0.1",
                    "--paid-slots", "1", "--sell-price", "0.01", "--slots", "2", "--choke-interval", "1",
                    "--max-up", "512K"));
            sell.addAll(swarm.paymentArgs(seller));
            CliProcess sellerProc = swarm.run("seller", sell);
            sellerProc.awaitStdoutLine("seeding", Duration.ofSeconds(60), l -> l.startsWith("seeding"));

            List<String> buy = new ArrayList<>(List.of("download", torrent.toString(), "--dir",
                    tmp.resolve("bidder-dl").toString(), "--port", Integer.toString(bidderPort), "--bind",
                    "127.0.0.1", "--peer", "127.0.0.1:" + bidderToSeller.port(), "--peer",
                    "127.0.0.1:" + bidderToPlain.port(), "--peer", "127.0.0.1:" + bidderToLt.port(),
                    "--max-price", "0.05", "--budget", "5", "--choke-interval", "1", "--timeout", "150"));
            buy.addAll(swarm.paymentArgs(bidder));
            // the bidder first: it is the one that must meet a seller with data left to sell
            CliProcess bidderProc = swarm.run("bidder", buy);
            bidderProc.awaitStdoutLine("payments address", Duration.ofSeconds(60),
                    l -> l.startsWith("payments: T"));
            CliProcess plain = swarm.run("plain", List.of("download", torrent.toString(), "--dir",
                    tmp.resolve("plain-dl").toString(), "--port", Integer.toString(plainPort), "--bind", "127.0.0.1",
                    "--state-dir", tmp.resolve("plain-state").toString(), "--peer",
                    "127.0.0.1:" + plainToSeller.port(), "--choke-interval", "1", "--timeout", "150"));
            try (LibtorrentPeer lt = LibtorrentPeer.builder(LibtorrentPeer.Mode.LEECH, torrent,
                    tmp.resolve("lt-dl"), ltPort).logDir(tmp.resolve("logs")).connectTo(ltToSeller.port()).start()) {

                assertThat(bidderProc.awaitExit(Duration.ofSeconds(170))).as(bidderProc.describe()).isZero();
                assertThat(plain.awaitExit(Duration.ofSeconds(170))).as(plain.describe()).isZero();
                lt.awaitFinished(Duration.ofSeconds(120));
                assertThat(lt.hashFailures()).as("libtorrent hash failures").isZero();

                FileTrees.assertSameTree(payload.root(), tmp.resolve("bidder-dl").resolve("payload.bin"));
                FileTrees.assertSameTree(payload.root(), tmp.resolve("plain-dl").resolve("payload.bin"));
                FileTrees.assertSameTree(payload.root(), tmp.resolve("lt-dl").resolve("payload.bin"));

                // the commands say what was earned and spent
                String spentLine = bidderProc.stdoutLines().stream().filter(l -> l.startsWith("payments: earned"))
                        .findFirst().orElseThrow(() -> new AssertionError("no payments line\n"
                                + bidderProc.describe()));
                assertThat(spentLine).as(bidderProc.describe())
                        .matches("payments: earned 0 BTT, spent 0\\.\\d+ BTT, settled [0-9.]+ BTT");
                assertThat(plain.stdout()).as("a download without payment options mentions no payments")
                        .doesNotContain("payments");
                sellerProc.interrupt();
                assertThat(sellerProc.awaitExit(Duration.ofSeconds(30))).as(sellerProc.describe()).isEqualTo(130);
                String earnedLine = sellerProc.stdoutLines().stream().filter(l -> l.startsWith("payments: earned"))
                        .findFirst().orElseThrow(() -> new AssertionError("no payments line\n"
                                + sellerProc.describe()));
                assertThat(earnedLine).as(sellerProc.describe())
                        .matches("payments: earned 0\\.\\d+ BTT, spent 0 BTT, settled 0 BTT.*");
            }

            // the plain peers got no extension message, though the Swarmbid peer on each link announced the extension
            checkPlainLink(plainToSeller.fromDialer(), plainToSeller.toDialer(), plainToSeller);
            checkPlainLink(ltToSeller.fromDialer(), ltToSeller.toDialer(), ltToSeller);
            checkPlainLink(bidderToPlain.toDialer(), bidderToPlain.fromDialer(), bidderToPlain);
            checkPlainLink(bidderToLt.toDialer(), bidderToLt.fromDialer(), bidderToLt);
            assertThat(plainToSeller.toDialer().messages()).as("the seller served the plain Swarmbid peer")
                    .containsKey(7);
            assertThat(ltToSeller.toDialer().messages()).as("the seller served libtorrent").containsKey(7);
            assertThat(ltToSeller.fromDialer().extendedHandshakes()).as("libtorrent speaks BEP 10 itself")
                    .isPositive();
            System.out.println("MEASURED " + bidderToSeller);
            assertThat(bidderToSeller.toDialer().extensionMessageCount()).as("offer, bid responses, receipts: "
                    + bidderToSeller).isPositive();
            assertThat(bidderToSeller.fromDialer().extensionMessageCount()).as("bids and cheques: " + bidderToSeller)
                    .isPositive();

            // the bidder paid for its paid slot, and the seller accepted exactly that
            Books buyerBooks = Books.read(bidder.ledger());
            Books sellerBooks = Books.read(seller.ledger());
            String payer = bidder.address().toBase58();
            String payee = seller.address().toBase58();
            Books.Cheque lastSent = Books.last(buyerBooks.sent(), payer, payee);
            Books.Cheque lastAccepted = Books.last(sellerBooks.received(), payer, payee);
            assertThat(lastSent).as("bidder's cheques: " + buyerBooks).isNotNull();
            assertThat(lastAccepted).as("seller's ledger: " + sellerBooks).isEqualTo(lastSent);
            assertThat(lastSent.cum()).isEqualTo(buyerBooks.owedTo(payee));
            assertThat(buyerBooks.paid()).as("paid pieces").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.piece()).isBetween(0, meta.info().pieceCount() - 1));
            // 0.01 BTT per MiB: no more than the whole torrent at that price
            assertThat(lastSent.cum()).isLessThanOrEqualTo(BigInteger.TEN.pow(16).multiply(BigInteger.valueOf(SIZE))
                    .shiftRight(20));

            Captured.Result report = Captured.run("ledger", "--state-dir", bidder.stateDir().toString());
            assertThat(report.exit()).as(report.toString()).isZero();
            assertThat(report.out()).as(report.toString())
                    .contains("to " + payee + "  seq " + lastSent.seq() + "  cumulative ")
                    .contains("we pay  " + payee);
            Captured.Result sellerReport = Captured.run("ledger", "--state-dir", seller.stateDir().toString());
            assertThat(sellerReport.out()).as(sellerReport.toString())
                    .contains("from " + payer + "  seq " + lastSent.seq() + "  cumulative ")
                    .contains("pays us " + payer);
        } finally {
            taps.forEach(WireTap::close);
        }
    }

    /** {@code plain} is what the plain peer sent on the link, {@code swarmbid} what it received. */
    private static void checkPlainLink(WireTap.Side plain, WireTap.Side swarmbid, WireTap t) {
        System.out.println("MEASURED " + t);
        assertThat(t.connections()).as(t.toString()).isPositive();
        assertThat(plain.unparsable()).as(t.toString()).isFalse();
        assertThat(swarmbid.unparsable()).as(t.toString()).isFalse();
        assertThat(plain.announcedExtensions()).as("the plain peer does not announce it: " + t)
                .doesNotContain(BttPlugin.EXTENSION);
        assertThat(swarmbid.announcedExtensions()).as("the Swarmbid peer announces it: " + t)
                .contains(BttPlugin.EXTENSION);
        assertThat(swarmbid.extendedHandshakes()).as(t.toString()).isPositive().isEqualTo(swarmbid.handshakes());
        assertThat(swarmbid.extensionMessages()).as("extension messages to a plain peer: " + t).isEmpty();
        assertThat(swarmbid.messages().keySet()).as("only BEP 3, BEP 6 and the BEP 10 handshake: " + t)
                .allSatisfy(id -> assertThat(id).isIn(0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 15, 16, 17, 20));
    }

    private static WireTap tap(List<WireTap> taps, String name, int target) throws IOException {
        WireTap t = new WireTap(name, target);
        taps.add(t);
        return t;
    }
}
