package org.swarmbid.core.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Canonical bencode writer (BEP 3): dictionary keys in raw-byte order, integers without leading zeros. */
public final class BencodeWriter {
    private BencodeWriter() {
    }

    public static byte[] encode(BValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        write(value, out);
        return out.toByteArray();
    }

    public static void write(BValue value, ByteArrayOutputStream out) {
        if (value instanceof BInteger i) {
            out.write('i');
            ascii(Long.toString(i.value()), out);
            out.write('e');
        } else if (value instanceof BString s) {
            writeString(s.unsafeBytes(), out);
        } else if (value instanceof BList l) {
            out.write('l');
            for (BValue v : l.values()) {
                write(v, out);
            }
            out.write('e');
        } else if (value instanceof BDict d) {
            out.write('d');
            for (Map.Entry<String, BValue> e : d.entries().entrySet()) {
                writeString(e.getKey().getBytes(StandardCharsets.ISO_8859_1), out);
                write(e.getValue(), out);
            }
            out.write('e');
        } else {
            throw new IllegalArgumentException("unknown value " + value);
        }
    }

    private static void writeString(byte[] b, ByteArrayOutputStream out) {
        ascii(Integer.toString(b.length), out);
        out.write(':');
        out.write(b, 0, b.length);
    }

    private static void ascii(String s, ByteArrayOutputStream out) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }
}
