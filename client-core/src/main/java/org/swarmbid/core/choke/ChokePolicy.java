package org.swarmbid.core.choke;

import java.util.List;

/**
 * Decides, once per choke round, which peers to unchoke. See the package doc for the contract every
 * implementation and every decorator must keep.
 */
public interface ChokePolicy {
    /**
     * @param peers   one snapshot per connected peer, in a stable order (the final tie-break)
     * @param context the round's slot counts, round number and random source
     * @return peers to unchoke, all taken from {@code peers}; everybody else is choked
     */
    <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context);
}
