package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.bidding.api.ChainId;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.TronAccount;

/**
 * Maps the wire identifiers of protocol-ext onto the bidding engine's opaque ones, which are also what the ledger
 * stores and what the app's settlement adapter receives:
 *
 * <pre>
 *   TronAccount (21 raw bytes)  -&gt; Address: TRON Base58Check, e.g. TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC
 *                                   base58( 0x41 || 20 bytes || sha256(sha256(those 21 bytes))[0..4] )
 *   chain id 728126428          -&gt; ChainId "728126428" (decimal)
 *   AssetId trc20:0320...       -&gt; bidding AssetId "trc20:0320..." (the wire form unchanged)
 * </pre>
 */
public final class Ids {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Ids() {
    }

    /** The Base58Check form of a TRON address. */
    public static Address address(TronAccount account) {
        byte[] raw = account.bytes();
        byte[] check = sha256(sha256(raw));
        byte[] full = Arrays.copyOf(raw, raw.length + 4);
        System.arraycopy(check, 0, full, raw.length, 4);
        return Address.of(base58(full));
    }

    /**
     * Parses a Base58Check TRON address back to raw bytes.
     *
     * @throws IllegalArgumentException for a bad character, length, prefix or checksum
     */
    public static TronAccount account(Address address) {
        String text = address.value();
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a Base58 address: bad character at index " + i);
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] bytes = n.toByteArray();
        int skip = bytes.length > 25 && bytes[0] == 0 ? 1 : 0;
        if (bytes.length - skip != 25) {
            throw new IllegalArgumentException("not a TRON address: wrong length");
        }
        byte[] raw = Arrays.copyOfRange(bytes, skip, skip + 21);
        byte[] check = Arrays.copyOfRange(sha256(sha256(raw)), 0, 4);
        if (!Arrays.equals(check, Arrays.copyOfRange(bytes, skip + 21, skip + 25))) {
            throw new IllegalArgumentException("not a TRON address: bad checksum");
        }
        return TronAccount.of(raw);
    }

    /** The chain id as the ledger spells it. */
    public static ChainId chain(long chainId) {
        return ChainId.of(Long.toString(chainId));
    }

    /** The asset as the ledger spells it (the wire form). */
    public static org.swarmbid.bidding.api.AssetId asset(AssetId asset) {
        return org.swarmbid.bidding.api.AssetId.of(asset.wire());
    }

    /** The account key of cheques from {@code payer} to {@code payee}. */
    public static Account account(TronAccount payer, TronAccount payee, AssetId asset, long chainId) {
        return new Account(address(payer), address(payee), asset(asset), chain(chainId));
    }

    private static String base58(byte[] data) {
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append(ALPHABET.charAt(0));
        }
        return sb.reverse().toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
