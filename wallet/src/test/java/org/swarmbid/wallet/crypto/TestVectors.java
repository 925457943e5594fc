package org.swarmbid.wallet.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.swarmbid.wallet.keystore.Json;

/** Loads the copied public test vectors from {@code src/test/resources/vectors/}. */
public final class TestVectors {
    private TestVectors() {
    }

    /** Parses a vector file as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String name) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector resource " + name);
            }
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A nested object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    /** A list of objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
