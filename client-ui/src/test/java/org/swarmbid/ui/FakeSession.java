package org.swarmbid.ui;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.Session;
import org.swarmbid.core.api.SessionEvent;
import org.swarmbid.core.api.SessionListener;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.api.TorrentStatus;
import org.swarmbid.core.metainfo.Metainfo;

/**
 * A session with fixed, realistic statuses and peers, for screenshots only (the behaviour tests use the real
 * engine). {@link #publish} sends a status diff like the engine does.
 */
final class FakeSession implements Session {
    private final Map<String, FakeHandle> torrents = new LinkedHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    void put(TorrentStatus s, List<PeerStatus> peers) {
        torrents.put(s.infoHash(), new FakeHandle(s, peers));
    }

    /** Sets which pieces a torrent reports verified, and its per-file verified bytes. */
    void pieces(String infoHash, java.util.BitSet pieces, long[] fileProgress) {
        FakeHandle h = torrents.get(infoHash);
        h.pieces = (java.util.BitSet) pieces.clone();
        h.files = fileProgress.clone();
    }

    void publish() {
        List<TorrentStatus> all = new ArrayList<>();
        torrents.values().forEach(h -> all.add(h.status));
        List<SessionEvent> events = List.of(new SessionEvent.StatusDiff(all));
        listeners.forEach(l -> l.onEvents(events));
    }

    @Override
    public int listenPort() {
        return 6881;
    }

    @Override
    public InetSocketAddress listenAddress() {
        return new InetSocketAddress(6881);
    }

    @Override
    public TorrentHandle add(Metainfo metainfo, AddOptions options) {
        throw new UnsupportedOperationException("screenshot session");
    }

    @Override
    public Optional<TorrentHandle> find(String infoHash) {
        return Optional.ofNullable(torrents.get(infoHash));
    }

    @Override
    public List<TorrentHandle> torrents() {
        return List.copyOf(torrents.values());
    }

    @Override
    public CompletableFuture<Void> remove(String infoHash, boolean deleteData) {
        torrents.remove(infoHash);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void setRateLimits(long downloadLimit, long uploadLimit) {
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
    }

    static final class FakeHandle implements TorrentHandle {
        private final TorrentStatus status;
        private final List<PeerStatus> peers;
        private volatile java.util.BitSet pieces = new java.util.BitSet();
        private volatile long[] files = new long[0];

        FakeHandle(TorrentStatus status, List<PeerStatus> peers) {
            this.status = status;
            this.peers = peers;
        }

        @Override
        public String infoHash() {
            return status.infoHash();
        }

        @Override
        public String name() {
            return status.name();
        }

        @Override
        public TorrentStatus status() {
            return status;
        }

        @Override
        public List<PeerStatus> peers() {
            return peers;
        }

        @Override
        public java.util.BitSet pieces() {
            return (java.util.BitSet) pieces.clone();
        }

        @Override
        public long[] fileProgress() {
            return files.clone();
        }

        @Override
        public int[] filePriorities() {
            return new int[0];
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public CompletableFuture<Void> recheck() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void setFilePriority(int fileIndex, int priority) {
        }

        @Override
        public void connect(InetSocketAddress peer) {
        }

        @Override
        public void reannounce() {
        }

        boolean seeding() {
            return status.state() == TorrentState.SEEDING;
        }
    }
}
