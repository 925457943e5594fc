package org.swarmbid.core.wire;

/**
 * The one-byte message ids that follow the length prefix.
 *
 * <pre>
 *  id  message          spec      id  message          spec
 *   0  choke            BEP 3     13  suggest piece    BEP 6
 *   1  unchoke          BEP 3     14  have all         BEP 6
 *   2  interested       BEP 3     15  have none        BEP 6
 *   3  not interested   BEP 3     16  reject request   BEP 6
 *   4  have             BEP 3     17  allowed fast     BEP 6
 *   5  bitfield         BEP 3     20  extended         BEP 10
 *   6  request          BEP 3
 *   7  piece            BEP 3
 *   8  cancel           BEP 3
 *   9  port             BEP 5
 * </pre>
 * Every other id decodes to {@link PeerMessage.Unknown}.
 */
public final class MessageId {
    public static final int CHOKE = 0;
    public static final int UNCHOKE = 1;
    public static final int INTERESTED = 2;
    public static final int NOT_INTERESTED = 3;
    public static final int HAVE = 4;
    public static final int BITFIELD = 5;
    public static final int REQUEST = 6;
    public static final int PIECE = 7;
    public static final int CANCEL = 8;
    public static final int PORT = 9;
    public static final int SUGGEST_PIECE = 13;
    public static final int HAVE_ALL = 14;
    public static final int HAVE_NONE = 15;
    public static final int REJECT_REQUEST = 16;
    public static final int ALLOWED_FAST = 17;
    public static final int EXTENDED = 20;

    private MessageId() {
    }

    /** True for the ids this package decodes into a specific record. */
    public static boolean isKnown(int id) {
        return (id >= CHOKE && id <= PORT) || (id >= SUGGEST_PIECE && id <= ALLOWED_FAST) || id == EXTENDED;
    }

    /** A short name for logs, e.g. {@code "have"}, or {@code "unknown(42)"}. */
    public static String name(int id) {
        switch (id) {
            case CHOKE: return "choke";
            case UNCHOKE: return "unchoke";
            case INTERESTED: return "interested";
            case NOT_INTERESTED: return "not interested";
            case HAVE: return "have";
            case BITFIELD: return "bitfield";
            case REQUEST: return "request";
            case PIECE: return "piece";
            case CANCEL: return "cancel";
            case PORT: return "port";
            case SUGGEST_PIECE: return "suggest piece";
            case HAVE_ALL: return "have all";
            case HAVE_NONE: return "have none";
            case REJECT_REQUEST: return "reject request";
            case ALLOWED_FAST: return "allowed fast";
            case EXTENDED: return "extended";
            default: return "unknown(" + id + ")";
        }
    }
}
