package org.swarmbid.bidding.api;

/** Validation shared by the identifier records. */
final class Identifiers {
    private Identifiers() {}

    static void requireToken(String value, int maxLength, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be 1.." + maxLength + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException(what + " has a non-printable or non-ASCII character at index " + i);
            }
        }
    }
}
