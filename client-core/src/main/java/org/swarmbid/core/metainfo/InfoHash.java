package org.swarmbid.core.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 20-byte SHA-1 of a torrent's bencoded info dictionary (BEP 3), which names the torrent on trackers, in the
 * peer handshake and in magnet links. Immutable; equal when the bytes are equal.
 *
 * <p>Text forms: 40 lowercase hex digits ({@link #hex()}), 32 RFC 4648 base32 characters (magnet links, BEP 9)
 * and the percent-encoded form a tracker expects in the {@code info_hash} query parameter ({@link #urlEncoded()}).
 */
public final class InfoHash implements Comparable<InfoHash> {
    /** Length of a SHA-1 digest in bytes. */
    public static final int LENGTH = 20;
    private static final HexFormat HEX = HexFormat.of();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] bytes;

    private InfoHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 20 bytes. */
    public static InfoHash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an info-hash is 20 bytes, not " + bytes.length);
        }
        return new InfoHash(bytes.clone());
    }

    /** SHA-1 of {@code data[offset, offset+length)}, computed with the JDK's SUN provider. */
    public static InfoHash sha1(byte[] data, int offset, int length) {
        MessageDigest md = sha1();
        md.update(data, offset, length);
        return new InfoHash(md.digest());
    }

    /** Parses 40 hex digits, either case. */
    public static InfoHash fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new MetainfoException("info-hash hex must be 40 characters, not " + hex.length());
        }
        try {
            return new InfoHash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new MetainfoException("info-hash hex contains a non-hex character");
        }
    }

    /** Parses 32 base32 characters (RFC 4648 alphabet, either case, no padding), as older magnet links use. */
    public static InfoHash fromBase32(String text) {
        if (text.length() != 32) {
            throw new MetainfoException("info-hash base32 must be 32 characters, not " + text.length());
        }
        byte[] out = new byte[LENGTH];
        long buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = BASE32.indexOf(Character.toUpperCase(text.charAt(i)));
            if (v < 0) {
                throw new MetainfoException("info-hash base32 contains a character outside A-Z and 2-7");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >>> bits);
            }
        }
        return new InfoHash(out);
    }

    /** A SHA-1 digest from the SUN provider (Bouncy Castle's, if it is first in the JCA list, is much slower). */
    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1", "SUN");
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException("the JDK's SUN provider has no SHA-1", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** 40 lowercase hex digits. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** 32 uppercase base32 characters (RFC 4648, no padding). */
    public String base32() {
        StringBuilder sb = new StringBuilder(32);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                sb.append(BASE32.charAt((buffer >>> bits) & 31));
            }
        }
        return sb.toString();
    }

    /**
     * Percent-encoded for a tracker query string: RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
     * stay as they are, every other byte becomes {@code %XX} with uppercase hex.
     */
    public String urlEncoded() {
        return PercentEncoding.encode(bytes);
    }

    @Override
    public int compareTo(InfoHash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoHash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
