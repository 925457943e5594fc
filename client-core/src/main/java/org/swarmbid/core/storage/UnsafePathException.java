package org.swarmbid.core.storage;

import java.io.IOException;

/** A file path that would leave the download root, lexically or through a symbolic link. Nothing was touched. */
public class UnsafePathException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsafePathException(String message) {
        super(message);
    }
}
