package org.swarmbid.app;

/** What the {@code swarmbid} process's exit status means. */
public final class ExitCode {
    /** Done: the download completed, or the command did what it was asked. */
    public static final int OK = 0;
    /** A runtime failure: network, disk, tracker or peer trouble that stopped the work. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input file was unreadable or malformed (a bad .torrent, a missing data folder). */
    public static final int BAD_INPUT = 3;
    /** The download was still running when it timed out. */
    public static final int TIMEOUT = 4;
    /** Stopped by Ctrl-C (SIGINT) before it finished; a later run resumes. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
