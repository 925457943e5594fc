package org.swarmbid.core.wire;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A 20-byte peer id (BEP 3), ours in the Azureus style of BEP 20: {@code -SB0100-} followed by twelve random
 * characters. The random part uses only URL-unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) so that it needs
 * no percent-escaping in a tracker announce.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7 8                       20
 *  - S B 0 1 0 0 - r r r r r r r r r r r r
 *    \_/ \_____/   \______ random ______/
 *   client version
 * </pre>
 *
 * Immutable; the byte array is copied in and out. Note: libtorrent 2.0.8's client table already maps {@code SB} to
 * "Swiftbit", so libtorrent peers display us under that name.
 */
public final class PeerId {
    /** Length of every peer id. */
    public static final int LENGTH = 20;
    /** Our Azureus-style prefix: client code {@code SB} (Swarmbid), version 0.1.0.0. */
    public static final String PREFIX = "-SB0100-";

    private static final byte[] RANDOM_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;

    private PeerId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 20 bytes. */
    public static PeerId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("peer id must be 20 bytes, got " + bytes.length);
        }
        return new PeerId(bytes.clone());
    }

    /** {@link #PREFIX} plus twelve characters from a {@link SecureRandom}. */
    public static PeerId generate() {
        return generate(new SecureRandom());
    }

    /** {@link #PREFIX} plus twelve characters drawn from {@code random}. */
    public static PeerId generate(RandomGenerator random) {
        byte[] b = new byte[LENGTH];
        byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, b, 0, prefix.length);
        for (int i = prefix.length; i < LENGTH; i++) {
            b[i] = RANDOM_ALPHABET[random.nextInt(RANDOM_ALPHABET.length)];
        }
        return new PeerId(b);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The client and version this id announces, if it follows a convention in {@link ClientIdentity}'s table. */
    public Optional<ClientIdentity> client() {
        return ClientIdentity.of(bytes);
    }

    /** For display: e.g. {@code "Transmission 3.00"}, or {@code "unknown (-XX1234-)"}. */
    public String describe() {
        return client().map(ClientIdentity::toString).orElseGet(() -> "unknown (" + printablePrefix(8) + ")");
    }

    /** Up to {@code n} leading bytes with anything outside printable ASCII shown as {@code ?}. */
    String printablePrefix(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, bytes.length); i++) {
            int c = bytes[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The id with non-printable bytes escaped as {@code %XX}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (byte value : bytes) {
            int c = value & 0xff;
            if (c >= 0x21 && c < 0x7f && c != '%') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
