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
                    Entry e = new Entry(m, Path.of(p.getProperty("save.dir", ".")),
                            Boolean.parseBoolean(p.getProperty("paused", "false")),
                            priorities(p.getProperty("priorities", ""), m.info().files().size()));
                    entries.put(hash, e);
                    out.add(e);
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
                    if (prio[i] != 1) {
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
        Arrays.fill(prio, 1);
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

    private static int[] priorities(String text, int files) {
        int[] p = new int[files];
        Arrays.fill(p, 1);
        String[] parts = text.isBlank() ? new String[0] : text.split(",");
        for (int i = 0; i < Math.min(files, parts.length); i++) {
            try {
                int v = Integer.parseInt(parts[i].strip());
                p[i] = v >= 0 && v <= 7 ? v : 1;
            } catch (NumberFormatException e) {
                p[i] = 1;
            }
        }
        return p;
    }
}
