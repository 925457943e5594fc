package org.swarmbid.ext.btt;

/**
 * Port: signs typed-data digests with the wallet's TRON key (secp256k1, RFC 6979 nonces, low-S). The application
 * implements it with the wallet; this module never sees a private key. May block (unlock, hardware): call it off the
 * event loop.
 */
public interface ChequeSigner {

    /** The address whose key signs: the payer in our cheques and bids. */
    TronAccount address();

    /** Signs a 32-byte digest; returns the 65-byte {@code r || s || v} form with v = 27 + recovery id. */
    Signature sign(byte[] digest32);
}
