package org.swarmbid.core.wire;

/** Argument checks shared by the message records. */
final class Fields {
    private Fields() {
    }

    static void nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " " + Integer.toUnsignedString(value) + " exceeds 2^31-1");
        }
    }

    static void block(int index, int begin, int length) {
        nonNegative(index, "index");
        nonNegative(begin, "begin");
        nonNegative(length, "length");
    }

    static void unsignedByte(int value, String what) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException(what + " " + value + " outside 0..255");
        }
    }
}
