package org.swarmbid.app;

import java.io.PrintStream;
import java.util.Locale;
import org.swarmbid.core.api.TorrentStatus;

/**
 * The live progress line: percent, rates, peers and ETA. On a terminal it rewrites one line with {@code \r}; when
 * the output is a pipe or file it prints a full line every few seconds instead.
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private long lastLine;
    private int lastWidth;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(TorrentStatus s, String extra) {
        String line = format(s) + (extra == null || extra.isEmpty() ? "" : "  " + extra);
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            out.flush();
            lastWidth = line.length();
        } else {
            long now = System.currentTimeMillis();
            if (now - lastLine >= 5000) {
                out.println(line);
                lastLine = now;
            }
        }
    }

    void finish() {
        if (terminal && lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
    }

    static String format(TorrentStatus s) {
        return String.format(Locale.ROOT, "%-11s %6.2f%%  %s/%s  down %s/s  up %s/s  peers %d (%d seeds)  ETA %s",
                s.state().name().toLowerCase(Locale.ROOT), s.progress() * 100, bytes(s.doneBytes()),
                bytes(s.wantedBytes()), bytes(s.downloadRate()), bytes(s.uploadRate()), s.peers(), s.seeds(),
                eta(s.etaSeconds()));
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String eta(long seconds) {
        if (seconds < 0) {
            return "-";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
