package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.api.AddOptions;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.api.TorrentHandle;
import org.swarmbid.core.metainfo.Metainfo;
import org.swarmbid.core.metainfo.TorrentCreator;
import org.swarmbid.core.session.Engine;
import org.swarmbid.ui.torrents.TorrentLibrary;

/** A restart (a plugin joining or leaving) gives the new engine the library's file priorities, Low included. */
class SwitchableSessionPrioritiesTest {

    @Test
    void aRestartKeepsLowSkipAndNormal(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data/three"));
        for (String n : List.of("a.bin", "b.bin", "c.bin")) {
            Files.write(root.resolve(n), new byte[20_000]);
        }
        Metainfo m = TorrentCreator.from(root).pieceLength(16 * 1024).create();
        String hash = m.infoHash().hex();
        Path state = tmp.resolve("state");
        SwitchableSession s = SwitchableSession.start(plugins -> Engine.start(SessionConfig.defaults(state)
                .withBind(InetAddress.getLoopbackAddress(), 0), plugins), state, List.of());
        try {
            TorrentLibrary lib = new TorrentLibrary(state);
            lib.remember(m, tmp.resolve("data"), true);
            TorrentHandle h = s.add(m, new AddOptions(tmp.resolve("data"), true, false));
            h.setFilePriority(0, TorrentHandle.LOW_PRIORITY);
            h.setFilePriority(1, TorrentHandle.SKIP_PRIORITY);
            lib.setPriority(hash, 0, TorrentHandle.LOW_PRIORITY);
            lib.setPriority(hash, 1, TorrentHandle.SKIP_PRIORITY);

            s.restart(List.of());

            TorrentHandle after = s.find(hash).orElseThrow();
            assertThat(after).isNotSameAs(h);
            int[] expected = {1, 0, 4};
            long end = System.nanoTime() + 5_000_000_000L;
            while (!Arrays.equals(after.filePriorities(), expected) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(after.filePriorities()).containsExactly(1, 0, 4);
        } finally {
            s.close();
        }
    }
}
