package org.swarmbid.core.choke;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads peers from a line like {@code "A: int dl=50; B: int dl=10 unchoked; C: notint"} and prints decisions as
 * {@code "unchoke A,D opt=B"} so choke tests read as tables.
 *
 * <p>Words per peer: {@code int}/{@code notint}, {@code unchoked}, {@code opt} (implies unchoked), {@code seed},
 * {@code snub}, {@code dl=} and {@code ul=} (bytes/s), {@code age=} (seconds connected, default 600),
 * {@code since=} (stateSinceRound, default 0), {@code lastopt=} (lastOptimisticRound, default never).
 */
final class ChokeTable {
    private ChokeTable() {
    }

    static List<PeerSnapshot<String>> peers(String table) {
        List<PeerSnapshot<String>> out = new ArrayList<>();
        for (String entry : table.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split(":", 2);
            PeerSnapshot.Builder<String> b = PeerSnapshot.builder(kv[0].trim()).connectedMillis(600_000);
            for (String word : kv[1].trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String[] w = word.split("=", 2);
                switch (w[0]) {
                    case "int" -> b.interested(true);
                    case "notint" -> b.interested(false);
                    case "unchoked" -> b.unchoked(true);
                    case "opt" -> b.unchoked(true).optimistic(true);
                    case "seed" -> b.seed(true);
                    case "snub" -> b.snubbed(true);
                    case "dl" -> b.downloadRate(Long.parseLong(w[1]));
                    case "ul" -> b.uploadRate(Long.parseLong(w[1]));
                    case "age" -> b.connectedMillis(Long.parseLong(w[1]) * 1000);
                    case "since" -> b.stateSinceRound(Long.parseLong(w[1]));
                    case "lastopt" -> b.lastOptimisticRound(Long.parseLong(w[1]));
                    default -> throw new IllegalArgumentException("unknown word '" + word + "' in " + entry);
                }
            }
            out.add(b.build());
        }
        return out;
    }

    static String format(ChokeDecision<String> d) {
        String s = "unchoke " + join(d.regular()) + " opt=" + join(d.optimistic());
        return d.extra().isEmpty() ? s : s + " extra=" + join(d.extra());
    }

    private static String join(List<String> keys) {
        return keys.isEmpty() ? "-" : String.join(",", keys);
    }
}
