package org.swarmbid.app;

/**
 * An option value that parsed but makes no sense (a size such as {@code banana}, a piece size that is not a power of
 * two, a peer without a port); exits with {@link ExitCode#USAGE}, like the errors picocli finds itself.
 */
final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
