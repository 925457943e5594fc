package org.swarmbid.ui.torrents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.ui.Engines;

/**
 * The GUI's library of torrents and their file priorities: files written before libtorrent's priority convention
 * (version 1, where 1 meant normal) keep their meaning when read, and are rewritten on the current scale once.
 */
class TorrentLibraryTest {
    @TempDir
    Path tmp;
    private Path state;
    private Metainfo meta;

    @BeforeEach
    void torrent() throws Exception {
        Path root = tmp.resolve("data/three");
        Files.createDirectories(root);
        for (String n : List.of("a.bin", "b.bin", "c.bin")) {
            Files.write(root.resolve(n), new byte[20_000]);
        }
        meta = TorrentCreator.from(root).pieceLength(16 * 1024).create();
        state = tmp.resolve("state");
    }

    /** Writes the pair of files an old build left: no {@code priorities.version}. */
    private void writeVersion1(String priorities) throws Exception {
        Path dir = Files.createDirectories(state.resolve("gui-torrents"));
        Files.write(dir.resolve(meta.infoHash().hex() + ".torrent"), meta.toTorrentBytes());
        Files.writeString(dir.resolve(meta.infoHash().hex() + ".properties"),
                "save.dir=" + tmp.resolve("data").toString().replace("\\", "/") + "\npaused=true\npriorities="
                        + priorities + "\n", StandardCharsets.UTF_8);
    }

    private Properties stored() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(state.resolve("gui-torrents/" + meta.infoHash().hex()
                + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void anOldNormalStaysNormalAndTheFileIsRewrittenOnce() throws Exception {
        writeVersion1("1,0,7"); // what the old UI wrote: normal, skip, high
        List<TorrentLibrary.Entry> read = new TorrentLibrary(state).load();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).priorities()).containsExactly(4, 0, 7);
        assertThat(read.get(0).paused()).isTrue();
        Properties p = stored();
        assertThat(p.getProperty("priorities")).isEqualTo("4,0,7");
        assertThat(p.getProperty("priorities.version")).isEqualTo("2");
        // read again (the next start): version 2 is taken as it is, not mapped a second time
        assertThat(new TorrentLibrary(state).load().get(0).priorities()).containsExactly(4, 0, 7);
    }

    @Test
    void anOldFileWithoutPrioritiesGetsTheDefault() throws Exception {
        writeVersion1("");
        assertThat(new TorrentLibrary(state).load().get(0).priorities()).containsExactly(4, 4, 4);
    }

    @Test
    void newEntriesStartAtNormalAndALowPriorityStaysLow() throws Exception {
        TorrentLibrary lib = new TorrentLibrary(state);
        lib.remember(meta, tmp.resolve("data"), false);
        assertThat(lib.entry(meta.infoHash().hex()).orElseThrow().priorities()).containsExactly(4, 4, 4);
        lib.setPriority(meta.infoHash().hex(), 1, TorrentHandle.LOW_PRIORITY);
        assertThat(stored().getProperty("priorities")).isEqualTo("4,1,4");
        assertThat(stored().getProperty("priorities.version")).isEqualTo("2");
        assertThat(new TorrentLibrary(state).load().get(0).priorities()).containsExactly(4, 1, 4);
    }

    @Test
    void badOrMissingLevelsAreTheDefaultAndAnUnknownVersionIsReadAsIs() throws Exception {
        writeVersion1("x,9");
        assertThat(new TorrentLibrary(state).load().get(0).priorities()).containsExactly(4, 4, 4);
        Path f = state.resolve("gui-torrents/" + meta.infoHash().hex() + ".properties");
        Files.writeString(f, "save.dir=.\npriorities=6,-1,1\npriorities.version=3\n", StandardCharsets.UTF_8);
        assertThat(new TorrentLibrary(state).load().get(0).priorities()).containsExactly(6, 4, 1);
        assertThat(stored().getProperty("priorities.version")).as("not rewritten").isEqualTo("3");
    }

    @ParameterizedTest(name = "version 1 level {0} -> {1}")
    @CsvSource({"0, 0", "1, 4", "2, 5", "3, 6", "4, 7", "5, 7", "6, 7", "7, 7"})
    void version1LevelsKeepTheirSideOfNormal(int old, int now) {
        assertThat(TorrentLibrary.fromVersion1(old)).isEqualTo(now);
    }

    @Test
    void restoringAnOldLibraryGivesTheEngineTheMigratedLevels() throws Exception {
        writeVersion1("1,0,7");
        try (Engine engine = Engines.loopback(tmp.resolve("engine"))) {
            assertThat(new TorrentLibrary(state).restoreInto(engine)).isEqualTo(1);
            TorrentHandle h = engine.find(meta.infoHash().hex()).orElseThrow();
            long end = System.nanoTime() + 5_000_000_000L;
            while (!java.util.Arrays.equals(h.filePriorities(), new int[] {4, 0, 7}) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(h.filePriorities()).containsExactly(4, 0, 7);
        }
    }
}
