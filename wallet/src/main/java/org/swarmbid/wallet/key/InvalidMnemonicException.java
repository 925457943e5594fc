package org.swarmbid.wallet.key;

/**
 * A mnemonic phrase failed BIP-39 validation. The message names the problem and, for unknown words, the
 * 1-based position; it never repeats any word of the phrase.
 */
public final class InvalidMnemonicException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the phrase. */
    public enum Problem {
        /** Not 12, 15, 18, 21 or 24 words. */
        WRONG_WORD_COUNT,
        /** A word is not in the English list. */
        UNKNOWN_WORD,
        /** All words are known but the checksum bits do not match: a word is wrong or the order is wrong. */
        BAD_CHECKSUM
    }

    private final Problem problem;
    private final int position;

    InvalidMnemonicException(Problem problem, int position, String message) {
        super(message);
        this.problem = problem;
        this.position = position;
    }

    /** The kind of problem. */
    public Problem problem() {
        return problem;
    }

    /** 1-based position of the offending word for {@link Problem#UNKNOWN_WORD}, otherwise 0. */
    public int position() {
        return position;
    }
}
