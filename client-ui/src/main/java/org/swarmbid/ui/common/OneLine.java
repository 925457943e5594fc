package org.swarmbid.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into the one-line message a user sees: never a stack trace, never a class dump. */
public final class OneLine {
    private static final int MAX = 300;

    private OneLine() {
    }

    /** The first line of the innermost meaningful message, at most 300 characters. */
    public static String of(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof java.io.UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])",
                            "$1 $2").toLowerCase(java.util.Locale.ROOT);
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            m = "no such file: " + m;
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            m = "access denied: " + m;
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.strip();
        return m.length() > MAX ? m.substring(0, MAX - 1) + "…" : m;
    }
}
