package org.swarmbid.wallet.keystore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;
import org.swarmbid.wallet.crypto.Hex;

/**
 * Key-derivation parameters of a v3 keystore with the safety caps applied when reading. The derived key is always
 * 32 bytes ({@code dklen = 32}).
 */
public sealed interface KdfParams permits KdfParams.Scrypt, KdfParams.Pbkdf2 {
    /** The only derived-key length we accept. */
    int DKLEN = 32;
    /** Salt length bounds in bytes. */
    int MIN_SALT = 16;
    /** Salt length bounds in bytes. */
    int MAX_SALT = 64;

    /** Derives the 32-byte key from the UTF-8 password; the caller wipes the result. */
    byte[] deriveKey(byte[] password);

    /** The {@code kdf} name. */
    String name();

    /** The {@code kdfparams} object. */
    Map<String, Object> toJson();

    /** A copy of the salt. */
    byte[] salt();

    /**
     * scrypt (RFC 7914). Caps: {@code n} a power of two in [2, 2^20], {@code n < 2^(16·r)} (RFC 7914's bound),
     * {@code r} in [1, 32], {@code p} in [1, 16], memory {@code 128·r·n} &le; 256 MiB and work {@code n·r·p}
     * &le; 2^24 (eight times the standard cost).
     *
     * @param n CPU/memory cost
     * @param r block size
     * @param p parallelism
     * @param saltBytes salt (copied)
     */
    record Scrypt(int n, int r, int p, byte[] saltBytes) implements KdfParams {
        /** go-ethereum's "standard" cost: n = 2^18, r = 8, p = 1 (256 MiB, about a second). */
        public static final int STANDARD_N = 1 << 18;
        /** Standard r. */
        public static final int STANDARD_R = 8;
        /** Standard p. */
        public static final int STANDARD_P = 1;
        /** Largest n accepted. */
        public static final int MAX_N = 1 << 20;
        /** Largest 128·r·n accepted, bytes. */
        public static final long MAX_MEMORY = 256L << 20;
        /** Largest n·r·p accepted. */
        public static final long MAX_WORK = 1L << 24;

        public Scrypt {
            saltBytes = saltBytes.clone();
            String problem = check(n, r, p);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        /** Null if acceptable, else the reason. */
        static String check(long n, long r, long p) {
            if (n < 2 || n > MAX_N || (n & (n - 1)) != 0) {
                return "n must be a power of two in [2, " + MAX_N + "], got " + n;
            }
            if (r < 1 || r > 32) {
                return "r must be in [1, 32], got " + r;
            }
            if (p < 1 || p > 16) {
                return "p must be in [1, 16], got " + p;
            }
            if (16 * r < 63 && n >= (1L << (16 * r))) {
                return "n must be below 2^(16*r) = " + (1L << (16 * r)) + " (RFC 7914), got n=" + n + ", r=" + r;
            }
            if (128L * r * n > MAX_MEMORY) {
                return "needs " + (128L * r * n >> 20) + " MiB (max " + (MAX_MEMORY >> 20) + " MiB)";
            }
            if (n * r * p > MAX_WORK) {
                return "work n*r*p = " + (n * r * p) + " exceeds " + MAX_WORK;
            }
            return null;
        }

        @Override
        public byte[] saltBytes() {
            return saltBytes.clone();
        }

        @Override
        public byte[] salt() {
            return saltBytes.clone();
        }

        @Override
        public byte[] deriveKey(byte[] password) {
            return SCrypt.generate(password, saltBytes, n, r, p, DKLEN);
        }

        @Override
        public String name() {
            return "scrypt";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dklen", DKLEN);
            m.put("n", n);
            m.put("p", p);
            m.put("r", r);
            m.put("salt", Hex.encode(saltBytes));
            return m;
        }

        @Override
        public String toString() {
            return "Scrypt[n=" + n + ", r=" + r + ", p=" + p + "]";
        }
    }

    /**
     * PBKDF2 with HMAC-SHA256 (the only PRF in the v3 format). Cap: {@code c} &le; 10,000,000 iterations.
     *
     * @param c iteration count
     * @param saltBytes salt (copied)
     */
    record Pbkdf2(int c, byte[] saltBytes) implements KdfParams {
        /** Largest iteration count accepted. */
        public static final int MAX_C = 10_000_000;

        public Pbkdf2 {
            saltBytes = saltBytes.clone();
            if (c < 1 || c > MAX_C) {
                throw new IllegalArgumentException("c must be in [1, " + MAX_C + "], got " + c);
            }
        }

        @Override
        public byte[] saltBytes() {
            return saltBytes.clone();
        }

        @Override
        public byte[] salt() {
            return saltBytes.clone();
        }

        @Override
        public byte[] deriveKey(byte[] password) {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(password, saltBytes, c);
            return ((KeyParameter) generator.generateDerivedParameters(DKLEN * 8)).getKey();
        }

        @Override
        public String name() {
            return "pbkdf2";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("c", c);
            m.put("dklen", DKLEN);
            m.put("prf", "hmac-sha256");
            m.put("salt", Hex.encode(saltBytes));
            return m;
        }

        @Override
        public String toString() {
            return "Pbkdf2[c=" + c + "]";
        }
    }

    /** Reads {@code kdf} + {@code kdfparams} of a crypto section, applying every cap. */
    static KdfParams fromJson(Fields crypto) throws InvalidKeystoreException {
        String kdf = crypto.string("kdf", 16);
        Fields params = crypto.object("kdfparams");
        int dklen = params.integer("dklen", 0, Integer.MAX_VALUE);
        if (dklen != DKLEN) {
            throw new InvalidKeystoreException(params.name("dklen"), "must be 32, got " + dklen);
        }
        byte[] salt = params.hex("salt", MIN_SALT, MAX_SALT);
        if (kdf.equals("scrypt")) {
            long n = params.integer("n", 0, Integer.MAX_VALUE);
            long r = params.integer("r", 0, Integer.MAX_VALUE);
            long p = params.integer("p", 0, Integer.MAX_VALUE);
            String problem = Scrypt.check(n, r, p);
            if (problem != null) {
                String field = problem.startsWith("r ") ? "r" : problem.startsWith("p ") ? "p" : "n";
                throw new InvalidKeystoreException(params.name(field), "rejected: " + problem);
            }
            return new Scrypt((int) n, (int) r, (int) p, salt);
        }
        if (kdf.equals("pbkdf2")) {
            String prf = params.string("prf", 32);
            if (!prf.equals("hmac-sha256")) {
                throw new InvalidKeystoreException(params.name("prf"), "must be \"hmac-sha256\"");
            }
            int c = params.integer("c", 1, Pbkdf2.MAX_C);
            return new Pbkdf2(c, salt);
        }
        throw new InvalidKeystoreException(crypto.name("kdf"), "must be \"scrypt\" or \"pbkdf2\"");
    }
}
