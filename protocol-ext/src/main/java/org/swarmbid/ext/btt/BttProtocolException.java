package org.swarmbid.ext.btt;

/**
 * A {@code swarmbid_btt} message or handshake entry that breaks the spec. Carries the {@link ErrorCode} to send
 * back in an {@code error} message; the text is one line naming the field, never containing key material.
 */
public class BttProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public BttProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
