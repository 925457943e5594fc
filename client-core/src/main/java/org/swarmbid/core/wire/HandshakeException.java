package org.swarmbid.core.wire;

/** The first 68 bytes were not a BitTorrent handshake (BEP 3): wrong protocol name or its length. */
public final class HandshakeException extends WireException {
    private static final long serialVersionUID = 1L;

    public HandshakeException(String message) {
        super(message);
    }
}
