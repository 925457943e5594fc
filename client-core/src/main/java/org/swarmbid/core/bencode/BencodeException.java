package org.swarmbid.core.bencode;

/** Malformed or out-of-bounds bencoded input, or a value of the wrong type. The message is one line for a user. */
public class BencodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BencodeException(String message) {
        super(message);
    }
}
