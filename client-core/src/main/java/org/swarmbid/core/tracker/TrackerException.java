package org.swarmbid.core.tracker;

/**
 * An announce or scrape failed. The message is one line fit for a user: for {@link Kind#TRACKER_FAILURE} it is the
 * tracker's own {@code failure reason} (or BEP 15 error text), cleaned of control characters and shortened. Messages
 * never contain the tracker URL, whose path or query may hold a private tracker's passkey.
 */
public class TrackerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Who is to blame, so that a UI can word it and a scheduler can decide how to retry. */
    public enum Kind {
        /** The tracker answered with a failure reason / error action. */
        TRACKER_FAILURE,
        /** The answer could not be understood (bad bencode, wrong lengths, wrong action, oversize). */
        PROTOCOL,
        /** No usable answer: connection refused, timeout, I/O error. */
        NETWORK,
        /** This client cannot talk to the tracker at all (unknown scheme, no scrape URL). */
        UNSUPPORTED
    }

    private final Kind kind;

    public TrackerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TrackerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Turns text from a tracker into one printable line of at most {@code max} characters. */
    static String printable(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > max) {
            sb.append('…');
        }
        return sb.toString().strip();
    }
}
