package org.swarmbid.core.testing;

/**
 * Which peer-connection encryption (MSE/PE, the "message stream encryption" of Vuze/libtorrent) a fixture peer
 * uses. How each client is configured is listed on the constants.
 */
public enum Encryption {
    /**
     * Plaintext BitTorrent only. libtorrent: {@code in/out_enc_policy=pe_disabled}; Transmission:
     * {@code "encryption": 0} (prefers plaintext, tolerates MSE); aria2: its default (plaintext unless the peer
     * insists).
     */
    PLAIN,
    /** Whatever the client does out of the box (libtorrent: enabled; Transmission: 1 = preferred; aria2: default). */
    DEFAULT,
    /**
     * MSE with RC4 required, plaintext refused. libtorrent: {@code pe_forced} + {@code allowed_enc_level=pe_rc4};
     * Transmission: {@code "encryption": 2}; aria2: {@code --bt-require-crypto=true --bt-min-crypto-level=arc4}.
     */
    REQUIRE
}
