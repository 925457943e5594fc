package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** The public vectors in {@code tron-signed-vectors.properties} (sources named in that file). */
public final class Vectors {

    private static final Properties P = load();

    private Vectors() {
    }

    public static String get(String key) {
        String v = P.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return v;
    }

    public static ByteString bytes(String key) {
        return ByteString.copyFrom(HexFormat.of().parseHex(get(key)));
    }

    public static long number(String key) {
        return Long.parseLong(get(key));
    }

    private static Properties load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/tron-signed-vectors.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
