package org.swarmbid.core.wire;

/**
 * A frame that is a known message but has the wrong length or an impossible field (a negative index, an extension
 * id outside 0..255, an extension handshake that is not a valid bencoded dictionary, ...).
 */
public final class MalformedMessageException extends WireException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
