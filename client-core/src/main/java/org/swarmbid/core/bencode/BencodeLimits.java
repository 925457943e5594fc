package org.swarmbid.core.bencode;

/**
 * Bounds for the reader, so that hostile input cannot exhaust memory or stack.
 *
 * @param maxInput       largest input accepted, in bytes
 * @param maxDepth       deepest nesting of lists and dictionaries
 * @param maxTokens      most values (integers, strings, lists, dictionaries) in one input
 * @param maxString      longest single byte string
 * @param canonical      require dictionary keys in strictly increasing raw-byte order (BEP 3); duplicate keys are
 *                       rejected either way
 */
public record BencodeLimits(int maxInput, int maxDepth, int maxTokens, int maxString, boolean canonical) {

    /** For .torrent files: 64 MiB, depth 64, 4 million tokens, keys sorted. */
    public static final BencodeLimits TORRENT_FILE = new BencodeLimits(64 << 20, 64, 4_000_000, 64 << 20, false);
    /** For peer messages (BEP 10 payloads): 1 MiB, depth 16, 100k tokens. */
    public static final BencodeLimits PEER_MESSAGE = new BencodeLimits(1 << 20, 16, 100_000, 1 << 20, false);
    /** For tracker responses: 4 MiB, depth 16. */
    public static final BencodeLimits TRACKER_RESPONSE = new BencodeLimits(4 << 20, 16, 200_000, 4 << 20, false);

    public BencodeLimits {
        if (maxInput <= 0 || maxDepth <= 0 || maxTokens <= 0 || maxString < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public BencodeLimits strict() {
        return new BencodeLimits(maxInput, maxDepth, maxTokens, maxString, true);
    }
}
