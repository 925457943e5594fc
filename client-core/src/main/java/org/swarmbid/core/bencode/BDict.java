package org.swarmbid.core.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bencoded dictionary, {@code d<key><value>...e}. Keys are byte strings; BEP 3 requires them sorted as raw
 * bytes. Internally keys are held as ISO-8859-1 strings (one char per byte), whose natural order is exactly the
 * raw-byte order, so iteration order is the canonical encoding order.
 *
 * <p>The typed getters ({@link #string}, {@link #integer}, ...) return empty when the key is absent and throw
 * {@link BencodeException} when the key is present with the wrong type, so callers can tell "missing" from
 * "malformed".
 */
public final class BDict implements BValue {
    private final TreeMap<String, BValue> entries;

    private BDict(TreeMap<String, BValue> entries) {
        this.entries = entries;
    }

    public static BDict empty() {
        return new BDict(new TreeMap<>());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Raw-byte keys as ISO-8859-1 strings, in canonical order, with their values. */
    public Map<String, BValue> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean containsKey(String asciiKey) {
        return entries.containsKey(latin1Key(asciiKey));
    }

    public Optional<BValue> get(String key) {
        return Optional.ofNullable(entries.get(latin1Key(key)));
    }

    public Optional<BString> string(String key) {
        return typed(key, BString.class, "byte string");
    }

    public Optional<String> utf8(String key) {
        return string(key).map(BString::utf8);
    }

    public Optional<Long> integer(String key) {
        return typed(key, BInteger.class, "integer").map(BInteger::value);
    }

    public Optional<BList> list(String key) {
        return typed(key, BList.class, "list");
    }

    public Optional<BDict> dict(String key) {
        return typed(key, BDict.class, "dictionary");
    }

    private <T extends BValue> Optional<T> typed(String key, Class<T> type, String what) {
        BValue v = entries.get(latin1Key(key));
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw new BencodeException("key '" + key + "' must be a " + what);
        }
        return Optional.of(type.cast(v));
    }

    /** Keys given by callers are Java strings; they are matched by their UTF-8 bytes. */
    static String latin1Key(String key) {
        return new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BDict d && entries.equals(d.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        entries.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(BString.wrap(k.getBytes(StandardCharsets.ISO_8859_1))).append('=').append(v);
        });
        return sb.append('}').toString();
    }

    /** Builds a dictionary; later puts replace earlier ones. */
    public static final class Builder {
        private final TreeMap<String, BValue> entries = new TreeMap<>();

        public Builder put(String key, BValue value) {
            entries.put(latin1Key(key), value);
            return this;
        }

        public Builder put(BString key, BValue value) {
            entries.put(key.latin1(), value);
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, BInteger.of(value));
        }

        public Builder put(String key, String utf8) {
            return put(key, BString.of(utf8));
        }

        public Builder put(String key, byte[] bytes) {
            return put(key, BString.of(bytes));
        }

        public Builder putAll(BDict other) {
            entries.putAll(other.entries);
            return this;
        }

        public BDict build() {
            return new BDict(new TreeMap<>(entries));
        }

        /** Adds an entry read from the wire; the reader has already checked order and duplicates. */
        Builder putRaw(String latin1Key, BValue value) {
            entries.put(latin1Key, value);
            return this;
        }
    }
}
