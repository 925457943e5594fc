package org.swarmbid.ext.btt.plugin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.swarmbid.ext.btt.BttMessage;
import org.swarmbid.ext.btt.TronAccount;

/**
 * The active extension sessions by the peer's TRON address, over all torrents: where the worker delivers a cheque,
 * receipt or {@code settled} that belongs to an address pair rather than to one connection. Thread-safe.
 */
final class Sessions {
    private final ConcurrentHashMap<TronAccount, Set<BttPeer>> active = new ConcurrentHashMap<>();

    void add(TronAccount peer, BttPeer session) {
        active.computeIfAbsent(peer, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(TronAccount peer, BttPeer session) {
        active.computeIfPresent(peer, (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Posts {@code message} to one active session with {@code peer} (on that connection's loop).
     *
     * @return false if there is none (the message is resent at the next resynchronisation)
     */
    boolean send(TronAccount peer, BttMessage message) {
        Set<BttPeer> set = active.get(peer);
        if (set == null) {
            return false;
        }
        for (BttPeer p : set) {
            p.post(message);
            return true;
        }
        return false;
    }
}
