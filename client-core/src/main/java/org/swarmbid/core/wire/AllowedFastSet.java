package org.swarmbid.core.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Arrays;

/**
 * The canonical allowed-fast set of BEP 6: the pieces a peer at a given address may request while choked. A pure
 * function of the peer's address, the info-hash and the piece count, so it is the same however often it is
 * computed and a peer cannot get a different set by reconnecting from a neighbouring address.
 *
 * <p>The algorithm as BEP 6 gives it, with {@code k} the set size and {@code sz} the number of pieces:
 * <pre>
 *  x = 0xFFFFFF00 &amp; ip                 (the /24 of the peer's IPv4 address, 4 bytes big-endian)
 *  x.append(infohash)                  (20 bytes)
 *  while |a| &lt; k:
 *    x = SHA1(x)
 *    for i in [0:5] and |a| &lt; k:
 *      y = x[4i : 4i+4]                 (unsigned 32-bit, big-endian)
 *      index = y % sz
 *      if index not in a: add index to a
 * </pre>
 * BEP 6 defines the input for IPv4 only. An IPv4-mapped IPv6 address is treated as its IPv4 address; for other
 * IPv6 addresses this class uses the /48 prefix (16 bytes with the last ten zeroed) in place of the masked IPv4
 * address, in the same spirit. Only the granting side computes the set, so this choice needs no agreement.
 *
 * <p>Observed interop: libtorrent 2.0.8 grants a peer at 127.0.0.1 the set of the <em>unmasked</em> address
 * (see {@code LibtorrentWireInteropTest}); for its IPv4 peers elsewhere BEP 6's mask applies. Either way the set
 * is the granting side's choice, and this class follows BEP 6 and its published test vector.
 *
 * <p>{@code k} is capped at {@code sz}, otherwise the loop could not end. Hashing uses the JDK's {@code SUN}
 * provider (see the architecture notes: Bouncy Castle's SHA-1 is much slower). Stateless and thread-safe.
 */
public final class AllowedFastSet {

    private AllowedFastSet() {
    }

    /**
     * The first {@code min(k, pieceCount)} indices of the canonical set for {@code peer}, in generation order.
     *
     * @param peer       the address of the peer the set is granted to
     * @param infoHash   the torrent's 20-byte info-hash
     * @param pieceCount number of pieces in the torrent, positive
     * @param k          wanted set size; BEP 6 suggests 10
     */
    public static int[] compute(InetAddress peer, byte[] infoHash, int pieceCount, int k) {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("info-hash must be 20 bytes, got " + infoHash.length);
        }
        if (pieceCount <= 0 || k < 0) {
            throw new IllegalArgumentException("pieceCount " + pieceCount + " must be positive and k " + k
                    + " non-negative");
        }
        return fromPrefix(maskedAddress(peer), infoHash, pieceCount, k);
    }

    /** The loop of BEP 6 with the address part already chosen; arguments checked by the caller. */
    static int[] fromPrefix(byte[] prefix, byte[] infoHash, int pieceCount, int k) {
        int wanted = Math.min(k, pieceCount);
        byte[] x = new byte[prefix.length + infoHash.length];
        System.arraycopy(prefix, 0, x, 0, prefix.length);
        System.arraycopy(infoHash, 0, x, prefix.length, infoHash.length);

        MessageDigest sha1 = sha1();
        int[] set = new int[wanted];
        int size = 0;
        while (size < wanted) {
            x = sha1.digest(x);
            for (int i = 0; i < 5 && size < wanted; i++) {
                int j = i * 4;
                long y = ((x[j] & 0xffL) << 24) | ((x[j + 1] & 0xffL) << 16) | ((x[j + 2] & 0xffL) << 8)
                        | (x[j + 3] & 0xffL);
                int index = (int) (y % pieceCount);
                if (!contains(set, size, index)) {
                    set[size++] = index;
                }
            }
        }
        return set;
    }

    /** The address bytes BEP 6 hashes: the /24 of an IPv4 address; for IPv6, the /48 (see class doc). */
    static byte[] maskedAddress(InetAddress peer) {
        byte[] a = peer.getAddress();
        if (peer instanceof Inet6Address && isIpv4Mapped(a)) {
            a = Arrays.copyOfRange(a, 12, 16);
        }
        if (a.length == 4) {
            a[3] = 0;
            return a;
        }
        if (!(peer instanceof Inet6Address) && !(peer instanceof Inet4Address)) {
            throw new IllegalArgumentException("unsupported address type " + peer.getClass().getName());
        }
        Arrays.fill(a, 6, 16, (byte) 0);
        return a;
    }

    private static boolean isIpv4Mapped(byte[] a) {
        if (a.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static boolean contains(int[] set, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (set[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1", "SUN");
        } catch (NoSuchProviderException e) {
            try {
                return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e2) {
                throw new IllegalStateException("no SHA-1 provider", e2);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-1 in the SUN provider", e);
        }
    }
}
