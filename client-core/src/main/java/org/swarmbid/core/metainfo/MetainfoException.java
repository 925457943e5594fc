package org.swarmbid.core.metainfo;

/**
 * A torrent file, info dictionary or magnet link that is malformed, unsafe or out of bounds. The message is one
 * line naming what is wrong and where (for example {@code file 3: path element '..' is not allowed}); it never
 * contains raw control characters, because hostile names are escaped before they are quoted.
 */
public class MetainfoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetainfoException(String message) {
        super(message);
    }

    public MetainfoException(String message, Throwable cause) {
        super(message, cause);
    }
}
