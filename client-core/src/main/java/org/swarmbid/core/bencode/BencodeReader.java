package org.swarmbid.core.bencode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict, bounded bencode reader (BEP 3).
 *
 * <p>Rejects: leading zeros ({@code i03e}, {@code 03:abc}), negative zero ({@code i-0e}), integers beyond
 * {@code long}, string lengths beyond the limit or the input, non-string dictionary keys, duplicate keys, unsorted
 * keys when {@link BencodeLimits#canonical()} is set, nesting deeper than the limit, more tokens than the limit,
 * truncated input and trailing bytes after the top-level value.
 */
public final class BencodeReader {
    private final byte[] in;
    private final int end;
    private final BencodeLimits limits;
    private int pos;
    private int tokens;
    private final Map<String, Span> topLevelSpans = new HashMap<>();

    /** Byte range {@code [start, end)} of a value inside the input. */
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** A decoded value plus the raw byte ranges of the values of a top-level dictionary, by key. */
    public record Decoded(BValue value, Map<String, Span> topLevelSpans) {
        public Decoded {
            topLevelSpans = Map.copyOf(topLevelSpans);
        }

        /** Span of the value stored under {@code key} in the top-level dictionary, if present. */
        public java.util.Optional<Span> span(String key) {
            return java.util.Optional.ofNullable(topLevelSpans.get(BDict.latin1Key(key)));
        }
    }

    private BencodeReader(byte[] in, int offset, int length, BencodeLimits limits) {
        this.in = in;
        this.pos = offset;
        this.end = offset + length;
        this.limits = limits;
    }

    /** Decodes exactly one value filling the whole input. */
    public static BValue decode(byte[] input, BencodeLimits limits) {
        return decodeWithSpans(input, limits).value();
    }

    /** Decodes exactly one value filling the whole input and reports top-level dictionary value spans. */
    public static Decoded decodeWithSpans(byte[] input, BencodeLimits limits) {
        if (input.length > limits.maxInput()) {
            throw new BencodeException("input of " + input.length + " bytes exceeds the limit of "
                    + limits.maxInput());
        }
        BencodeReader r = new BencodeReader(input, 0, input.length, limits);
        BValue v = r.value(0);
        if (r.pos != r.end) {
            throw new BencodeException("trailing data at offset " + r.pos);
        }
        return new Decoded(v, r.topLevelSpans);
    }

    /**
     * Decodes one value at the start of {@code input[offset, offset+length)} that may be followed by other bytes
     * (as in ut_metadata, where a bencoded header precedes raw data). Returns the value and where it ended.
     */
    public static Prefix decodePrefix(byte[] input, int offset, int length, BencodeLimits limits) {
        if (length > limits.maxInput()) {
            length = limits.maxInput();
        }
        BencodeReader r = new BencodeReader(input, offset, length, limits);
        BValue v = r.value(0);
        return new Prefix(v, r.pos);
    }

    /** A value read from the front of a buffer and the offset just past it. */
    public record Prefix(BValue value, int endOffset) {
    }

    private BValue value(int depth) {
        if (++tokens > limits.maxTokens()) {
            throw error("more than " + limits.maxTokens() + " values");
        }
        byte b = peek();
        return switch (b) {
            case 'i' -> integer();
            case 'l' -> list(depth + 1);
            case 'd' -> dict(depth + 1);
            default -> {
                if (b >= '0' && b <= '9') {
                    yield string();
                }
                throw error("unexpected byte 0x" + Integer.toHexString(b & 0xff));
            }
        };
    }

    private BInteger integer() {
        pos++; // 'i'
        int start = pos;
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        int digitsStart = pos;
        long value = 0;
        while (peek() != 'e') {
            byte c = in[pos];
            if (c < '0' || c > '9') {
                throw error("bad character in integer");
            }
            int d = c - '0';
            // accumulate negatively so that Long.MIN_VALUE fits
            if (value < (Long.MIN_VALUE + d) / 10) {
                throw error("integer out of range");
            }
            value = value * 10 - d;
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0) {
            throw error("empty integer");
        }
        if (digits > 1 && in[digitsStart] == '0') {
            throw new BencodeException("integer with leading zero at offset " + start);
        }
        if (negative && in[digitsStart] == '0') {
            throw new BencodeException("negative zero at offset " + start);
        }
        pos++; // 'e'
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new BencodeException("integer out of range at offset " + start);
            }
            value = -value;
        }
        return new BInteger(value);
    }

    private BString string() {
        int start = pos;
        long len = 0;
        while (peek() != ':') {
            byte c = in[pos];
            if (c < '0' || c > '9') {
                throw error("bad character in string length");
            }
            len = len * 10 + (c - '0');
            if (len > limits.maxString()) {
                throw new BencodeException("string at offset " + start + " longer than the limit of "
                        + limits.maxString() + " bytes");
            }
            pos++;
        }
        if (pos - start > 1 && in[start] == '0') {
            throw new BencodeException("string length with leading zero at offset " + start);
        }
        pos++; // ':'
        if (len > end - pos) {
            throw new BencodeException("truncated input: string at offset " + start + " needs " + len
                    + " bytes, " + (end - pos) + " left");
        }
        byte[] b = new byte[(int) len];
        System.arraycopy(in, pos, b, 0, (int) len);
        pos += (int) len;
        return BString.wrap(b);
    }

    private BList list(int depth) {
        checkDepth(depth);
        pos++; // 'l'
        List<BValue> values = new ArrayList<>();
        while (peek() != 'e') {
            values.add(value(depth));
        }
        pos++;
        return new BList(values);
    }

    private BDict dict(int depth) {
        checkDepth(depth);
        int dictStart = pos;
        pos++; // 'd'
        BDict.Builder b = BDict.builder();
        String previous = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (peek() != 'e') {
            byte c = peek();
            if (c < '0' || c > '9') {
                throw error("dictionary key is not a byte string");
            }
            int keyStart = pos;
            String key = new String(string().unsafeBytes(), StandardCharsets.ISO_8859_1);
            if (!seen.add(key)) {
                throw new BencodeException("duplicate dictionary key at offset " + keyStart);
            }
            if (limits.canonical() && previous != null && previous.compareTo(key) >= 0) {
                throw new BencodeException("dictionary keys not sorted at offset " + keyStart);
            }
            previous = key;
            int valueStart = pos;
            BValue v = value(depth);
            if (depth == 1 && dictStart == 0) {
                topLevelSpans.put(key, new Span(valueStart, pos));
            }
            b.putRaw(key, v);
        }
        pos++;
        return b.build();
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth());
        }
    }

    private byte peek() {
        if (pos >= end) {
            throw new BencodeException("truncated input at offset " + pos);
        }
        return in[pos];
    }

    private BencodeException error(String what) {
        return new BencodeException(what + " at offset " + pos);
    }
}
