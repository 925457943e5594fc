package org.swarmbid.bidding.api;

import java.util.Objects;

/**
 * A payer's or payee's account address as carried on the wire (a TRON base58check address such as
 * {@code T...}). The bidding engine treats it as an opaque, case-sensitive token: the wallet adapter in app
 * checks the checksum; here it is bounded to 1..64 printable ASCII characters so that it is safe to store,
 * compare and log.
 */
public record Address(String value) implements Comparable<Address> {
    /** Longest accepted address text. */
    public static final int MAX_LENGTH = 64;

    public Address {
        Identifiers.requireToken(value, MAX_LENGTH, "address");
    }

    @Override
    public int compareTo(Address other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Shorthand for {@code new Address(value)}. */
    public static Address of(String value) {
        return new Address(Objects.requireNonNull(value, "address"));
    }
}
