package org.swarmbid.ui.torrents;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.Session;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.MetainfoParser;

/**
 * The torrents the user added, kept in {@code <state>/gui-torrents/}: {@code <info-hash>.torrent} (the metainfo) and
 * {@code <info-hash>.properties} (save folder, paused, file priorities). The engine's resume data says which pieces
 * are on disk; this says which torrents to add back on the next start.
 *
 * <p>File priorities are kept as the engine's levels, comma separated ({@code priorities=4,0,7}), and {@code
 * priorities.version} says which scale they are on:
 * <ul>
 *   <li>absent: version 1, written by builds whose engine started files at 1 and had nothing below it: 0 skip,
 *       1 normal, 2..7 above normal (their UI wrote only 0, 1 and 7). Read through {@link #fromVersion1}, which
 *       keeps each file's meaning (1 becomes 4), and the file is rewritten as version 2 at once;</li>
 *   <li>{@code 2}: libtorrent's convention, the engine's own: 0 skip, 1 low, 4 normal (the default), 7 top.</li>
 * </ul>
 * A version this build does not know (a newer build's) is read as version 2 and logged; a missing or bad level is
 * the default, 4.
 *
 * <p>Threading: the in-memory view ({@link #entry}) is safe from any thread; the methods that write files block
 * and belong on the background executor.
 */
public final class TorrentLibrary {
    /** One remembered torrent. */
    public record Entry(Metainfo metainfo, Path saveDir, boolean paused, int[] priorities) {
        public Entry {
            priorities = priorities.clone();
        }

        @Override
        public int[] priorities() {
            return priorities.clone();
        }

        public String infoHash() {
            return metainfo.infoHash().hex();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TorrentLibrary.class);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}");
    /** The scale {@code priorities} is written on; see the class comment. */
    static final String PRIORITIES_VERSION = "2";
    private final Path dir;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public TorrentLibrary(Path stateDir) {
        this.dir = stateDir.resolve("gui-torrents");
    }

    /** The remembered torrent with this hex info-hash, if any. */
    public Optional<Entry> entry(String infoHash) {
        return Optional.ofNullable(entries.get(infoHash));
    }

    /** Reads every remembered torrent; a damaged pair of files is skipped (and logged), never fatal. Blocking. */
    public List<Entry> load() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.torrent")) {
            for (Path f : ds) {
                String hash = f.getFileName().toString().replace(".torrent", "");
                if (!HEX.matcher(hash).matches()) {
                    continue;
                }
                try {
                    Metainfo m = MetainfoParser.read(f);
                    if (!m.infoHash().hex().equals(hash)) {
                        LOG.warn("{} holds another torrent ({}); skipped", f, m.infoHash().hex());
                        continue;
                    }
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(dir.resolve(hash + ".properties"),
                            StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                    String version = p.getProperty("priorities.version");
                    boolean oldScale = version == null;
                    if (!oldScale && !PRIORITIES_VERSION.equals(version.strip())) {
                        LOG.warn("{}: file priorities version {} is newer than this build's {}; read as {}",
                                f.getFileName(), version, PRIORITIES_VERSION, PRIORITIES_VERSION);
                    }
                    int[] prio = priorities(p.getProperty("priorities", ""), m.info().files().size(), oldScale);
                    Entry e = new Entry(m, Path.of(p.getProperty("save.dir", ".")),
                            Boolean.parseBoolean(p.getProperty("paused", "false")), prio);
                    entries.put(hash, e);
                    out.add(e);
                    if (oldScale) {
                        upgrade(e);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cannot read remembered torrent {}: {}", f, e.getMessage());
                }
            }
        }
        return out;
    }

    /** Adds every remembered torrent to the session (paused ones paused, with their file priorities). Blocking. */
    public int restoreInto(Session session) throws IOException {
        int n = 0;
        for (Entry e : load()) {
            if (session.find(e.infoHash()).isPresent()) {
                continue;
            }
            try {
                TorrentHandle h = session.add(e.metainfo(), new AddOptions(e.saveDir(), e.paused(), false));
                int[] prio = e.priorities();
                for (int i = 0; i < prio.length; i++) {
                    if (prio[i] != TorrentHandle.DEFAULT_PRIORITY) {
                        h.setFilePriority(i, prio[i]);
                    }
                }
                n++;
            } catch (RuntimeException ex) {
                LOG.warn("cannot restore {}: {}", e.metainfo().info().name(), ex.getMessage());
            }
        }
        return n;
    }

    /** Remembers a newly added torrent. Blocking. */
    public void remember(Metainfo m, Path saveDir, boolean paused) throws IOException {
        int[] prio = new int[m.info().files().size()];
        Arrays.fill(prio, TorrentHandle.DEFAULT_PRIORITY);
        Entry e = new Entry(m, saveDir.toAbsolutePath().normalize(), paused, prio);
        Files.createDirectories(dir);
        write(dir.resolve(e.infoHash() + ".torrent"), m.toTorrentBytes());
        entries.put(e.infoHash(), e);
        writeProperties(e);
    }

    /** Records the paused flag. Blocking. */
    public void setPaused(String infoHash, boolean paused) throws IOException {
        Entry e = entries.get(infoHash);
        if (e != null) {
            Entry n = new Entry(e.metainfo(), e.saveDir(), paused, e.priorities());
            entries.put(infoHash, n);
            writeProperties(n);
        }
    }

    /** Records a file's priority. Blocking. */
    public void setPriority(String infoHash, int fileIndex, int priority) throws IOException {
        Entry e = entries.get(infoHash);
        if (e != null) {
            int[] p = e.priorities();
            p[fileIndex] = priority;
            Entry n = new Entry(e.metainfo(), e.saveDir(), e.paused(), p);
            entries.put(infoHash, n);
            writeProperties(n);
        }
    }

    /** Forgets a torrent. Blocking. */
    public void forget(String infoHash) throws IOException {
        entries.remove(infoHash);
        Files.deleteIfExists(dir.resolve(infoHash + ".torrent"));
        Files.deleteIfExists(dir.resolve(infoHash + ".properties"));
    }

    private void writeProperties(Entry e) throws IOException {
        Properties p = new Properties();
        p.setProperty("save.dir", e.saveDir().toString());
        p.setProperty("paused", Boolean.toString(e.paused()));
        StringBuilder sb = new StringBuilder();
        for (int v : e.priorities()) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        p.setProperty("priorities", sb.toString());
        p.setProperty("priorities.version", PRIORITIES_VERSION);
        Files.createDirectories(dir);
        Path f = dir.resolve(e.infoHash() + ".properties");
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(Path f, byte[] data) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Rewrites an entry read from a version 1 file on the current scale; a failure leaves the old file. */
    private void upgrade(Entry e) {
        try {
            writeProperties(e);
            LOG.info("{}: file priorities moved to version {}", e.infoHash(), PRIORITIES_VERSION);
        } catch (IOException ex) {
            LOG.warn("{}: cannot rewrite the file priorities as version {} (read again next start): {}",
                    e.infoHash(), PRIORITIES_VERSION, ex.getMessage());
        }
    }

    /**
     * Parses {@code priorities}: one level per file, missing or bad ones (not a number, outside 0..7) the default.
     *
     * @param oldScale the text is version 1, mapped through {@link #fromVersion1}
     */
    static int[] priorities(String text, int files, boolean oldScale) {
        int[] p = new int[files];
        Arrays.fill(p, TorrentHandle.DEFAULT_PRIORITY);
        String[] parts = text.isBlank() ? new String[0] : text.split(",");
        for (int i = 0; i < Math.min(files, parts.length); i++) {
            try {
                int v = Integer.parseInt(parts[i].strip());
                if (v >= TorrentHandle.SKIP_PRIORITY && v <= TorrentHandle.TOP_PRIORITY) {
                    p[i] = oldScale ? fromVersion1(v) : v;
                }
            } catch (NumberFormatException e) {
                LOG.debug("bad file priority '{}', default used", parts[i]);
            }
        }
        return p;
    }

    /**
     * A version 1 level (0 skip, 1 normal, 2..7 above normal) on today's scale, keeping what it meant: 0 stays
     * skip, 1 becomes normal (4), and 2..7 stay above normal in their order as far as 5..7 allow (2 to 5, 3 to 6,
     * 4..7 to 7; the old UI's "high" was 7). Nothing becomes low: version 1 had no low.
     */
    static int fromVersion1(int level) {
        if (level <= TorrentHandle.SKIP_PRIORITY) {
            return TorrentHandle.SKIP_PRIORITY;
        }
        if (level == 1) {
            return TorrentHandle.DEFAULT_PRIORITY;
        }
        return Math.min(TorrentHandle.TOP_PRIORITY, level + 3);
    }
}
