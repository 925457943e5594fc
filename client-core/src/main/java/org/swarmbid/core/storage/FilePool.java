package org.swarmbid.core.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, least-recently-used set of open {@link FileChannel}s shared by all torrents of a session, so that a
 * session with thousands of files never holds more than about {@code maxOpen} descriptors.
 *
 * <p>Each torrent's storage registers a {@link Group}; channels are keyed by (group, path), and
 * {@link Group#close()} closes the group's channels. A caller {@link Group#acquire acquires} a {@link Lease}, which
 * pins the channel open until the lease is closed: eviction and group closing never close a channel under a
 * reader, a writer or a sendfile in progress; they retire it, and the last lease closes it. The bound is therefore
 * soft: while more than {@code maxOpen} channels are pinned at once, more are open, and the surplus is closed as
 * soon as their leases end.
 *
 * <p>A channel opened read-only is reopened read-write the first time a writer asks for it; a read-write channel
 * serves readers too.
 *
 * <p>Threading: fully thread-safe; one short lock guards the table, files are opened and closed outside it.
 */
public final class FilePool implements AutoCloseable {
    public static final int DEFAULT_MAX_OPEN = 64;
    private static final Logger log = LoggerFactory.getLogger(FilePool.class);

    /** Opens a channel for a path; the storage that owns the path supplies it (and checks the path first). */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path path, boolean write) throws IOException;
    }

    private final int maxOpen;
    private final Object lock = new Object();
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long opened;
    private long evicted;
    private boolean closed;

    public FilePool(int maxOpen) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen " + maxOpen + " must be at least 1");
        }
        this.maxOpen = maxOpen;
    }

    public FilePool() {
        this(DEFAULT_MAX_OPEN);
    }

    /** A new group of channels, e.g. one per torrent; {@code name} appears in messages only. */
    public Group newGroup(String name) {
        return new Group(name);
    }

    public int maxOpen() {
        return maxOpen;
    }

    /** Channels currently open (pinned or idle). */
    public int openCount() {
        synchronized (lock) {
            return entries.size();
        }
    }

    /** Channels opened since the pool was created. */
    public long openedTotal() {
        synchronized (lock) {
            return opened;
        }
    }

    /** Channels closed to stay under the bound. */
    public long evictedTotal() {
        synchronized (lock) {
            return evicted;
        }
    }

    /** Closes every idle channel and refuses new leases; pinned channels close when their leases end. */
    @Override
    public void close() {
        List<FileChannel> toClose = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            for (Entry e : entries.values()) {
                retire(e, toClose);
            }
            entries.clear();
        }
        closeAll(toClose);
    }

    /**
     * A pooled channel's identity. equals/hashCode are written out: a record's generated ones are bootstrapped
     * through method handles on first use (tens of generated classes at start-up) and this key is hashed on every
     * block written.
     */
    private record Key(Group group, Path path) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.group == group && k.path.equals(path);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(group) + path.hashCode();
        }
    }

    private static final class Entry {
        final Key key;
        final FileChannel channel;
        final boolean writable;
        int leases;
        boolean retired;

        Entry(Key key, FileChannel channel, boolean writable) {
            this.key = key;
            this.channel = channel;
            this.writable = writable;
        }
    }

    /** The channels of one owner (a torrent's storage). */
    public final class Group implements AutoCloseable {
        private final String name;
        private boolean groupClosed;

        private Group(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /**
         * Leases a channel for {@code path}, opening it with {@code opener} if the pool has none that fits.
         *
         * @param write true if the caller will write (the channel is then opened read-write)
         * @throws IOException from the opener, or if the group or pool is closed
         */
        public Lease acquire(Path path, boolean write, Opener opener) throws IOException {
            Key key = new Key(this, path);
            synchronized (lock) {
                ensureOpen();
                Entry e = usable(key, write);
                if (e != null) {
                    e.leases++;
                    return new Lease(e);
                }
            }
            FileChannel channel = opener.open(path, write);
            List<FileChannel> toClose = new ArrayList<>();
            Lease lease;
            try {
                synchronized (lock) {
                    if (closed || groupClosed) {
                        toClose.add(channel);
                        throw new IOException("storage " + name + " is closed");
                    }
                    Entry e = usable(key, write);
                    if (e != null) { // another thread opened it meanwhile
                        toClose.add(channel);
                    } else {
                        Entry old = entries.remove(key);
                        if (old != null) { // read-only being upgraded to read-write
                            retire(old, toClose);
                        }
                        e = new Entry(key, channel, write);
                        entries.put(key, e);
                        opened++;
                    }
                    e.leases++; // pinned before trimming, so the new entry is never its own victim
                    trim(toClose);
                    lease = new Lease(e);
                }
            } finally {
                closeAll(toClose);
            }
            return lease;
        }

        /** Forces the writes of this group's open read-write channels to the device ({@code force(false)}). */
        public void force() throws IOException {
            List<Lease> writable = new ArrayList<>();
            synchronized (lock) {
                for (Entry e : entries.values()) {
                    if (e.key.group == this && e.writable && e.channel.isOpen()) {
                        e.leases++;
                        writable.add(new Lease(e));
                    }
                }
            }
            IOException failure = null;
            for (Lease l : writable) {
                try {
                    l.channel().force(false);
                } catch (IOException ex) {
                    if (failure == null) {
                        failure = ex;
                    }
                } finally {
                    l.close();
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** Closes this group's channels; later acquires fail. Idempotent. */
        @Override
        public void close() {
            List<FileChannel> toClose = new ArrayList<>();
            synchronized (lock) {
                groupClosed = true;
                dropGroup(toClose);
            }
            closeAll(toClose);
        }

        /** Closes this group's channels but keeps the group usable (e.g. before deleting its files). */
        public void closeChannels() {
            List<FileChannel> toClose = new ArrayList<>();
            synchronized (lock) {
                dropGroup(toClose);
            }
            closeAll(toClose);
        }

        private void dropGroup(List<FileChannel> toClose) {
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.key.group == this) {
                    it.remove();
                    retire(e, toClose);
                }
            }
        }

        private void ensureOpen() throws IOException {
            if (closed || groupClosed) {
                throw new IOException("storage " + name + " is closed");
            }
        }

        @Override
        public String toString() {
            return "FilePool.Group[" + name + "]";
        }
    }

    /** A pinned channel. Close it (once; further closes are ignored) when the I/O is done. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public FileChannel channel() {
            return entry.channel;
        }

        public boolean writable() {
            return entry.writable;
        }

        @Override
        public void close() {
            List<FileChannel> toClose = new ArrayList<>(1);
            synchronized (lock) {
                if (released) {
                    return;
                }
                released = true;
                entry.leases--;
                if (entry.leases == 0) {
                    if (entry.retired) {
                        toClose.add(entry.channel);
                    } else if (entries.size() > maxOpen) {
                        trim(toClose);
                    }
                }
            }
            closeAll(toClose);
        }
    }

    /** An open entry for the key that serves the request, or null; drops entries closed behind our back. */
    private Entry usable(Key key, boolean write) {
        Entry e = entries.get(key); // also marks it most recently used
        if (e == null) {
            return null;
        }
        if (!e.channel.isOpen()) {
            // closed by an interrupt of a thread that used it (FileChannel is interruptible): forget it
            entries.remove(key);
            e.retired = true;
            return null;
        }
        return e.writable || !write ? e : null;
    }

    /** Evicts idle entries, least recently used first, until within the bound. Caller holds the lock. */
    private void trim(List<FileChannel> toClose) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext() && entries.size() > maxOpen; ) {
            Entry e = it.next();
            if (e.leases == 0) {
                it.remove();
                e.retired = true;
                evicted++;
                toClose.add(e.channel);
            }
        }
    }

    private static void retire(Entry e, List<FileChannel> toClose) {
        e.retired = true;
        if (e.leases == 0) {
            toClose.add(e.channel);
        }
    }

    private static void closeAll(List<FileChannel> channels) {
        for (FileChannel c : channels) {
            try {
                c.close();
            } catch (IOException e) {
                log.warn("closing a file failed: {}", e.toString());
            }
        }
    }
}
