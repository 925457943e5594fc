package org.swarmbid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.swarmbid.core.storage.FileEntry;
import org.swarmbid.core.storage.PieceHasher;
import org.swarmbid.core.storage.StorageLayout;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.chain.TridentChainClient;

/**
 * Loading the wallet's chain client (Trident) makes Bouncy Castle the first JCA provider, and an unqualified
 * {@code MessageDigest.getInstance("SHA-1")} then returns BC's much slower SHA-1. The engine's piece hashing names the
 * JDK's {@code SUN} provider, so it must keep full speed with the wallet loaded: this test shows the hazard is real
 * (BC first, BC's SHA-1 by default) and measures 256 MiB through {@link PieceHasher} against a plain SUN SHA-1 loop in
 * the same JVM, same moment.
 */
class PieceHashingWithWalletTest {

    private static final int PIECE = 16 << 20;
    private static final int PIECES = 16;
    private static final long TOTAL = (long) PIECE * PIECES;

    @Test
    void pieceHashingKeepsTheSunProviderAndItsSpeedWithTridentLoaded() throws Exception {
        try (TridentChainClient client = new TridentChainClient(Network.devnet(50051, 50061), Duration.ofSeconds(1))) {
            Provider first = Security.getProviders()[0];
            assertThat(first.getName()).as("Trident installs Bouncy Castle first").isEqualTo("BC");
            assertThat(MessageDigest.getInstance("SHA-1").getProvider().getName())
                    .as("the hazard: an unqualified SHA-1 is now BC's").isEqualTo("BC");
            assertThat(PieceHasher.sha1().getProvider().getName()).isEqualTo("SUN");
            assertThat(client.network().name()).isEqualTo("devnet");
        }

        byte[] data = new byte[PIECE];
        new Random(7).nextBytes(data);
        byte[] hash = sun().digest(data);
        byte[] hashes = new byte[StorageLayout.HASH_LENGTH * PIECES];
        for (int i = 0; i < PIECES; i++) {
            System.arraycopy(hash, 0, hashes, i * StorageLayout.HASH_LENGTH, StorageLayout.HASH_LENGTH);
        }
        StorageLayout layout = new StorageLayout(List.of(FileEntry.of("data.bin", TOTAL)), PIECE,
                hashes);
        ByteBuffer piece = ByteBuffer.wrap(data);

        try (PieceHasher hasher = new PieceHasher(1)) {
            engine(hasher, layout, piece, 2);
            sunLoop(data, 2);
            long engineNanos = Long.MAX_VALUE;
            long sunNanos = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                engineNanos = Math.min(engineNanos, engine(hasher, layout, piece, PIECES));
                sunNanos = Math.min(sunNanos, sunLoop(data, PIECES));
            }
            long bcNanos = bcLoop(data, 4) * (PIECES / 4);
            double engineMiBs = mibPerSecond(engineNanos);
            double sunMiBs = mibPerSecond(sunNanos);
            double bcMiBs = mibPerSecond(bcNanos);
            double ratio = engineMiBs / sunMiBs;
            System.out.printf("SHA-1 over 256 MiB with Trident loaded: engine PieceHasher %.0f MiB/s, SUN baseline %.0f"
                    + " MiB/s (ratio %.2f); default provider (BC) %.0f MiB/s (%.1fx slower than SUN)%n", engineMiBs,
                    sunMiBs, ratio, bcMiBs, sunMiBs / bcMiBs);
            assertThat(ratio).as("engine hashing vs the SUN baseline").isGreaterThanOrEqualTo(0.7);
        }
    }

    /** Verifies every piece through the engine's hasher; returns the elapsed nanoseconds. */
    private static long engine(PieceHasher hasher, StorageLayout layout, ByteBuffer piece, int pieces)
            throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < pieces; i++) {
            CompletableFuture<Boolean> ok = hasher.verify(layout, i, piece);
            assertThat(ok.get()).as("piece %d verifies", i).isTrue();
        }
        return System.nanoTime() - start;
    }

    private static long sunLoop(byte[] data, int pieces) throws Exception {
        return loop(sun(), data, pieces);
    }

    private static long bcLoop(byte[] data, int pieces) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        assertThat(md.getProvider().getName()).isEqualTo("BC");
        loop(md, data, 1);
        return loop(md, data, pieces);
    }

    private static long loop(MessageDigest md, byte[] data, int pieces) {
        long start = System.nanoTime();
        byte[] expected = null;
        for (int i = 0; i < pieces; i++) {
            byte[] d = md.digest(data);
            if (expected == null) {
                expected = d;
            }
            assertThat(d).isEqualTo(expected);
        }
        return System.nanoTime() - start;
    }

    private static MessageDigest sun() throws NoSuchAlgorithmException, NoSuchProviderException {
        return MessageDigest.getInstance("SHA-1", "SUN");
    }

    private static double mibPerSecond(long nanosFor256MiB) {
        return (TOTAL / (double) (1 << 20)) / (nanosFor256MiB / 1e9);
    }
}
