package org.swarmbid.core.api;

import java.util.Map;

/**
 * An immutable snapshot of one connection.
 *
 * @param address      remote address as {@code ip:port}
 * @param client       client name decoded from the peer id (BEP 20) or the extension handshake
 * @param flags        libtorrent-style flags: {@code I} incoming, {@code i/I} interest, {@code c/C} choke, ...
 * @param downloadRate payload bytes per second from this peer
 * @param uploadRate   payload bytes per second to this peer
 * @param progress     fraction of the torrent this peer has, 0..1
 * @param attributes   extra facts that plugins publish (e.g. {@code paid_slot}, {@code price})
 */
public record PeerStatus(String address, String client, String flags, long downloadRate, long uploadRate,
        double progress, Map<String, String> attributes) {

    public PeerStatus {
        attributes = Map.copyOf(attributes);
    }
}
