package org.swarmbid.core.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the peers that sent bad data, after the idea of libtorrent's smart-ban plugin (no code shared): when a piece
 * fails its hash check, remember a digest of every block and who sent it; when the same piece later passes, every
 * remembered block whose digest differs from the good data was corrupted by its sender. A peer that alone delivered
 * a whole failing piece gets a strike at once. Peers are identified by a ban key (address, or address and peer id on
 * loopback where all peers share one IP). Confined to the engine loop.
 */
final class SmartBan {
    /** Strikes that ban a peer. */
    static final int STRIKES_TO_BAN = 2;

    private record BlockRecord(String sender, byte[] digest) {
    }

    private final Map<Integer, Map<Integer, BlockRecord>> failed = new HashMap<>();
    private final Map<String, Integer> strikes = new HashMap<>();
    private final Set<String> banned = new HashSet<>();

    boolean isBanned(String key) {
        return banned.contains(key);
    }

    Set<String> banned() {
        return banned;
    }

    /**
     * A piece failed. Records block digests and returns the ban keys that became banned now.
     *
     * @param data    the piece's bytes, in {@code data[0, size)}
     * @param senders ban key of each block's sender, by block index (null where unknown)
     */
    List<String> pieceFailed(int piece, byte[] data, int size, int blockSize, String[] senders) {
        Map<Integer, BlockRecord> rec = failed.computeIfAbsent(piece, k -> new HashMap<>());
        Set<String> distinct = new HashSet<>();
        for (int b = 0; b < senders.length; b++) {
            if (senders[b] == null) {
                continue;
            }
            distinct.add(senders[b]);
            int off = b * blockSize;
            int len = Math.min(blockSize, size - off);
            rec.putIfAbsent(b, new BlockRecord(senders[b], digest(data, off, len)));
        }
        List<String> newlyBanned = new ArrayList<>();
        if (distinct.size() == 1) {
            strike(distinct.iterator().next(), newlyBanned);
        }
        return newlyBanned;
    }

    /** A piece passed: compares remembered blocks against the good data; returns newly banned keys. */
    List<String> piecePassed(int piece, byte[] data, int size, int blockSize) {
        Map<Integer, BlockRecord> rec = failed.remove(piece);
        List<String> newlyBanned = new ArrayList<>();
        if (rec == null) {
            return newlyBanned;
        }
        Set<String> guilty = new HashSet<>();
        rec.forEach((b, r) -> {
            int off = b * blockSize;
            int len = Math.min(blockSize, size - off);
            if (!Arrays.equals(r.digest(), digest(data, off, len))) {
                guilty.add(r.sender());
            }
        });
        for (String g : guilty) {
            if (banned.add(g)) {
                newlyBanned.add(g);
            }
        }
        return newlyBanned;
    }

    private void strike(String key, List<String> newlyBanned) {
        int n = strikes.merge(key, 1, Integer::sum);
        if (n >= STRIKES_TO_BAN && banned.add(key)) {
            newlyBanned.add(key);
        }
    }

    private static byte[] digest(byte[] data, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1", "SUN");
            md.update(data, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("the JDK's SUN SHA-1 is missing", e);
        }
    }
}
