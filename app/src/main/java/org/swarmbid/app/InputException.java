package org.swarmbid.app;

/** A bad input file or folder named on the command line; exits with {@link ExitCode#BAD_INPUT}. */
final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
