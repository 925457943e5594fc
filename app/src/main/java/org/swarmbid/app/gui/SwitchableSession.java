package org.swarmbid.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.PeerStatus;
import org.swarmbid.core.api.Session;
import org.swarmbid.core.api.SessionListener;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.api.TorrentState;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.session.Engine;
import org.swarmbid.core.spi.EnginePlugin;
import org.swarmbid.ui.torrents.TorrentLibrary;

/**
 * The desktop client's {@link Session}: one engine at a time, which {@link #restart} replaces by a new engine with
 * other plugins (the bid extension joins when the user unlocks the wallet with bidding on, and leaves when the key
 * is locked). The engine takes its plugins when it starts and asks them about each torrent as it joins the swarm,
 * so a plugin can only come or go with a new engine.
 *
 * <p>A restart closes the old engine (trackers hear {@code stopped}, resume data is saved), starts the new one on
 * the same port, and adds every torrent back with its save folder, paused or running as it was, and its file
 * priorities from the GUI's {@link TorrentLibrary}; fast resume makes that a check of the resume data, not a
 * re-hash. Listeners move to the new engine before the torrents come back, so the UI only sees them re-added
 * (which it treats as an update of the same rows) and never removed.
 *
 * <p>Threading: every method may be called from any thread. {@link #restart} blocks (seconds: trackers, disk) and
 * belongs on a background thread; calls made meanwhile reach the old engine (or, for {@code add}, are remembered and
 * replayed on the new one).
 */
public final class SwitchableSession implements Session {
    /** Starts an engine with these plugins (the launcher's settings: state folder, port, limits). */
    @FunctionalInterface
    public interface Starter {
        Engine start(List<EnginePlugin> plugins) throws IOException;
    }

    private record Added(Metainfo metainfo, AddOptions options) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SwitchableSession.class);
    private final Starter starter;
    private final Path stateDir;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Added> added = new LinkedHashMap<>();
    private final Object switching = new Object();
    private volatile Engine engine;
    private volatile List<EnginePlugin> plugins;
    private volatile long downloadLimit;
    private volatile long uploadLimit;

    private SwitchableSession(Starter starter, Path stateDir, Engine first, List<EnginePlugin> plugins) {
        this.starter = starter;
        this.stateDir = stateDir;
        this.engine = first;
        this.plugins = List.copyOf(plugins);
    }

    /** Starts the first engine with {@code plugins}. */
    public static SwitchableSession start(Starter starter, Path stateDir, List<EnginePlugin> plugins)
            throws IOException {
        return new SwitchableSession(starter, stateDir, starter.start(plugins), plugins);
    }

    /** The engine running now (tests, the demo's direct connections). */
    public Engine engine() {
        return engine;
    }

    /** The plugins of the running engine. */
    public List<EnginePlugin> plugins() {
        return plugins;
    }

    /**
     * Replaces the engine by one with {@code next} plugins and adds every torrent back. If the new engine cannot
     * start (the port was taken meanwhile), one without plugins is tried so the window keeps a session, and the
     * first failure is thrown.
     */
    public void restart(List<EnginePlugin> next) throws IOException {
        synchronized (switching) {
            Engine old = engine;
            Map<String, Added> torrents;
            synchronized (added) {
                torrents = new LinkedHashMap<>(added);
            }
            Map<String, Boolean> paused = new LinkedHashMap<>();
            Map<String, List<InetSocketAddress>> dialled = new LinkedHashMap<>();
            for (String hash : torrents.keySet()) {
                Optional<TorrentHandle> h = old.find(hash);
                paused.put(hash, h.map(x -> x.status().state() == TorrentState.PAUSED)
                        .orElse(torrents.get(hash).options().paused()));
                dialled.put(hash, h.map(x -> outgoing(x.peers())).orElse(List.of()));
            }
            for (SessionListener l : listeners) {
                old.removeListener(l);
            }
            old.close();
            Engine fresh;
            IOException failure = null;
            try {
                fresh = starter.start(next);
                plugins = List.copyOf(next);
            } catch (IOException e) {
                failure = e;
                fresh = starter.start(List.of());
                plugins = List.of();
            }
            for (SessionListener l : listeners) {
                fresh.addListener(l);
            }
            fresh.setRateLimits(downloadLimit, uploadLimit);
            Map<String, int[]> priorities = priorities();
            for (Map.Entry<String, Added> e : torrents.entrySet()) {
                Added a = e.getValue();
                try {
                    TorrentHandle h = fresh.add(a.metainfo(), new AddOptions(a.options().saveDir(),
                            paused.get(e.getKey()), false));
                    int[] p = priorities.get(e.getKey());
                    for (int i = 0; p != null && i < p.length; i++) {
                        if (p[i] != TorrentHandle.DEFAULT_PRIORITY) {
                            h.setFilePriority(i, p[i]);
                        }
                    }
                    dialled.get(e.getKey()).forEach(h::connect); // peers without a tracker (e.g. --peer) too
                } catch (RuntimeException ex) {
                    LOG.warn("cannot add {} back after the restart: {}", a.metainfo().info().name(), ex.getMessage());
                }
            }
            engine = fresh;
            LOG.info("session restarted with plugins {}", plugins.stream().map(EnginePlugin::name).toList());
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** The peers we dialled (their listening addresses; an incoming peer's port says nothing). */
    static List<InetSocketAddress> outgoing(List<PeerStatus> peers) {
        List<InetSocketAddress> out = new java.util.ArrayList<>();
        for (PeerStatus p : peers) {
            int colon = p.address().lastIndexOf(':');
            if (p.flags().contains("I") || colon <= 0) {
                continue;
            }
            String host = p.address().substring(0, colon).replace("[", "").replace("]", "");
            try {
                int port = Integer.parseInt(p.address().substring(colon + 1));
                if (port > 0 && port < 65536) {
                    out.add(new InetSocketAddress(java.net.InetAddress.getByName(host), port));
                }
            } catch (NumberFormatException | java.net.UnknownHostException e) {
                LOG.debug("not a peer address: {}", p.address());
            }
        }
        return out;
    }

    private Map<String, int[]> priorities() {
        Map<String, int[]> out = new LinkedHashMap<>();
        try {
            for (TorrentLibrary.Entry e : new TorrentLibrary(stateDir).load()) {
                out.put(e.infoHash(), e.priorities());
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot read the file priorities: {}", e.getMessage());
        }
        return out;
    }

    @Override
    public int listenPort() {
        return engine.listenPort();
    }

    @Override
    public InetSocketAddress listenAddress() {
        return engine.listenAddress();
    }

    @Override
    public TorrentHandle add(Metainfo metainfo, AddOptions options) {
        TorrentHandle h = engine.add(metainfo, options);
        synchronized (added) {
            added.put(metainfo.infoHash().hex(), new Added(metainfo, options));
        }
        return h;
    }

    @Override
    public Optional<TorrentHandle> find(String infoHash) {
        return engine.find(infoHash);
    }

    @Override
    public List<TorrentHandle> torrents() {
        return engine.torrents();
    }

    @Override
    public CompletableFuture<Void> remove(String infoHash, boolean deleteData) {
        synchronized (added) {
            added.remove(infoHash);
        }
        return engine.remove(infoHash, deleteData);
    }

    @Override
    public void setRateLimits(long downloadLimit, long uploadLimit) {
        this.downloadLimit = downloadLimit;
        this.uploadLimit = uploadLimit;
        engine.setRateLimits(downloadLimit, uploadLimit);
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
        engine.addListener(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
        engine.removeListener(listener);
    }

    /** Closes the running engine (its plugins with it). */
    @Override
    public void close() {
        synchronized (switching) {
            engine.close();
        }
    }
}
