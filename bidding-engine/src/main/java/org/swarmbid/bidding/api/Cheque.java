package org.swarmbid.bidding.api;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cumulative cheque (Swarm SWAP style): the running total {@code cumulative} the payer owes the payee in one
 * asset on one chain, with a strictly increasing {@code sequence} and the payer's signature over the typed-data
 * digest that protocol-ext computes. A newer cheque supersedes every older one, so a lost cheque is healed by
 * the next.
 *
 * @param signature the 65-byte recoverable signature (opaque here); copied in and out
 */
public record Cheque(Account account, BigInteger cumulative, long sequence, byte[] signature) {
    /** Largest signature accepted (65 bytes r,s,v; a little slack for encodings). */
    public static final int MAX_SIGNATURE = 72;

    public Cheque {
        Objects.requireNonNull(account, "account");
        Pricing.requireAmount(cumulative, "cumulative");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
        }
        if (signature == null || signature.length == 0 || signature.length > MAX_SIGNATURE) {
            throw new IllegalArgumentException("signature must be 1.." + MAX_SIGNATURE + " bytes");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** True if {@code other} is byte-for-byte the same cheque. */
    public boolean sameAs(Cheque other) {
        return account.equals(other.account) && cumulative.equals(other.cumulative) && sequence == other.sequence
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cheque c && sameAs(c);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, cumulative, sequence, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Cheque[" + account + ", cumulative=" + cumulative + ", sequence=" + sequence + "]";
    }
}
