package org.swarmbid.core.choke;

import java.util.Objects;

/**
 * What a choke policy may know about one connected peer at the start of a round. Immutable; built by the engine
 * from its connection state, one per connected peer.
 *
 * @param key                 the caller's peer key, returned in the {@link ChokeDecision}
 * @param interested          the peer is interested in us (BEP 3): only interested peers are worth unchoking
 * @param unchoked            we currently unchoke it, in any kind of slot
 * @param optimistic          its current unchoke is an optimistic one (implies {@code unchoked})
 * @param downloadRate        bytes/s we receive from it (payload, smoothed by the caller)
 * @param uploadRate          bytes/s we send to it
 * @param seed                it has every piece
 * @param snubbed             it sent us no block for a while although we had requests outstanding (the caller's
 *                            rule, mainline's anti-snubbing: 60 s); a snubbed peer loses its tit-for-tat slot
 * @param connectedMillis     age of the connection in milliseconds
 * @param stateSinceRound     round in which our current choke/unchoke state towards it began (for a new
 *                            connection: the round it connected in)
 * @param lastOptimisticRound round in which it was last granted an optimistic unchoke, or {@link #NEVER}
 * @param downloadedBytes     payload bytes received from it over the connection
 * @param uploadedBytes       payload bytes sent to it over the connection
 * @param <K> peer key type
 */
public record PeerSnapshot<K>(
        K key,
        boolean interested,
        boolean unchoked,
        boolean optimistic,
        long downloadRate,
        long uploadRate,
        boolean seed,
        boolean snubbed,
        long connectedMillis,
        long stateSinceRound,
        long lastOptimisticRound,
        long downloadedBytes,
        long uploadedBytes) {

    /** {@link #lastOptimisticRound} of a peer that never had an optimistic unchoke. */
    public static final long NEVER = Long.MIN_VALUE;

    public PeerSnapshot {
        Objects.requireNonNull(key, "key");
        if (optimistic && !unchoked) {
            throw new IllegalArgumentException("peer " + key + " is optimistic but not unchoked");
        }
        if (downloadRate < 0 || uploadRate < 0 || connectedMillis < 0 || downloadedBytes < 0 || uploadedBytes < 0) {
            throw new IllegalArgumentException("peer " + key + " has a negative rate, age or byte count");
        }
    }

    /** Rounds since our choke state towards the peer last changed, at {@code round}. */
    public long roundsInState(long round) {
        return round - stateSinceRound;
    }

    /** A builder starting from a choked, uninterested, idle peer connected in round 0. */
    public static <K> Builder<K> builder(K key) {
        return new Builder<>(key);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder<K> {
        private final K key;
        private boolean interested;
        private boolean unchoked;
        private boolean optimistic;
        private long downloadRate;
        private long uploadRate;
        private boolean seed;
        private boolean snubbed;
        private long connectedMillis;
        private long stateSinceRound;
        private long lastOptimisticRound = NEVER;
        private long downloadedBytes;
        private long uploadedBytes;

        private Builder(K key) {
            this.key = key;
        }

        public Builder<K> interested(boolean v) {
            interested = v;
            return this;
        }

        public Builder<K> unchoked(boolean v) {
            unchoked = v;
            return this;
        }

        public Builder<K> optimistic(boolean v) {
            optimistic = v;
            return this;
        }

        public Builder<K> downloadRate(long v) {
            downloadRate = v;
            return this;
        }

        public Builder<K> uploadRate(long v) {
            uploadRate = v;
            return this;
        }

        public Builder<K> seed(boolean v) {
            seed = v;
            return this;
        }

        public Builder<K> snubbed(boolean v) {
            snubbed = v;
            return this;
        }

        public Builder<K> connectedMillis(long v) {
            connectedMillis = v;
            return this;
        }

        public Builder<K> stateSinceRound(long v) {
            stateSinceRound = v;
            return this;
        }

        public Builder<K> lastOptimisticRound(long v) {
            lastOptimisticRound = v;
            return this;
        }

        public Builder<K> downloadedBytes(long v) {
            downloadedBytes = v;
            return this;
        }

        public Builder<K> uploadedBytes(long v) {
            uploadedBytes = v;
            return this;
        }

        public PeerSnapshot<K> build() {
            return new PeerSnapshot<>(key, interested, unchoked, optimistic, downloadRate, uploadRate, seed, snubbed,
                    connectedMillis, stateSinceRound, lastOptimisticRound, downloadedBytes, uploadedBytes);
        }
    }
}
