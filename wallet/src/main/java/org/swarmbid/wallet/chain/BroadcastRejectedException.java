package org.swarmbid.wallet.chain;

/**
 * The node refused a transaction. {@link #code()} is TRON's {@code TransactionReturn.response_code} name
 * ({@code SIGERROR}, {@code TAPOS_ERROR}, {@code TRANSACTION_EXPIRATION_ERROR}, {@code DUP_TRANSACTION_ERROR},
 * {@code CONTRACT_VALIDATE_ERROR}, {@code BANDWITH_ERROR}, {@code TOO_BIG_TRANSACTION_ERROR}, ...), the message is the
 * node's own words.
 */
public final class BroadcastRejectedException extends ChainException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final String nodeMessage;

    public BroadcastRejectedException(String code, String nodeMessage) {
        super("broadcast rejected: " + code + ": " + oneLine(nodeMessage));
        this.code = code;
        this.nodeMessage = oneLine(nodeMessage);
    }

    /** TRON's response code name. */
    public String code() {
        return code;
    }

    /** What the node said, flattened to one line. */
    public String nodeMessage() {
        return nodeMessage;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
