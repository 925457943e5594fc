package org.swarmbid.wallet.keystore;

import java.math.BigInteger;
import java.util.Map;
import org.swarmbid.wallet.crypto.Hex;

/** Typed, bounded access to fields of a parsed JSON object, with errors naming the dotted field path. */
final class Fields {
    private final Map<?, ?> map;
    private final String path;

    private Fields(Map<?, ?> map, String path) {
        this.map = map;
        this.path = path;
    }

    static Fields of(Object node, String path) throws InvalidKeystoreException {
        if (!(node instanceof Map)) {
            throw new InvalidKeystoreException(path, "must be a JSON object");
        }
        return new Fields((Map<?, ?>) node, path);
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    Object raw(String key) throws InvalidKeystoreException {
        Object value = map.get(key);
        if (value == null) {
            throw new InvalidKeystoreException(name(key), "is missing");
        }
        return value;
    }

    Fields object(String key) throws InvalidKeystoreException {
        return of(raw(key), name(key));
    }

    String string(String key, int maxLength) throws InvalidKeystoreException {
        Object value = raw(key);
        if (!(value instanceof String)) {
            throw new InvalidKeystoreException(name(key), "must be a string");
        }
        String s = (String) value;
        if (s.length() > maxLength) {
            throw new InvalidKeystoreException(name(key), "is longer than " + maxLength + " characters");
        }
        return s;
    }

    int integer(String key, long min, long max) throws InvalidKeystoreException {
        Object value = raw(key);
        if (!(value instanceof BigInteger)) {
            throw new InvalidKeystoreException(name(key), "must be an integer");
        }
        BigInteger n = (BigInteger) value;
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidKeystoreException(name(key), "must be in [" + min + ", " + max + "], got " + n);
        }
        return n.intValueExact();
    }

    byte[] hex(String key, int minBytes, int maxBytes) throws InvalidKeystoreException {
        String s = string(key, 2 * maxBytes + 2);
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        byte[] bytes;
        try {
            bytes = Hex.decode(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeystoreException(name(key), "is not hex: " + e.getMessage());
        }
        if (bytes.length < minBytes || bytes.length > maxBytes) {
            throw new InvalidKeystoreException(name(key), minBytes == maxBytes
                    ? "must be " + minBytes + " bytes, got " + bytes.length
                    : "must be " + minBytes + ".." + maxBytes + " bytes, got " + bytes.length);
        }
        return bytes;
    }
}
