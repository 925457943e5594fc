package org.swarmbid.wallet.keystore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.swarmbid.wallet.key.InvalidAddressException;
import org.swarmbid.wallet.key.TronAddress;

/**
 * One v3 keystore document: id, optional address, the encrypted private key and optionally the encrypted
 * mnemonic ({@value #MNEMONIC_FIELD}). Immutable. {@link #toJson()} and {@link #parse(String)} are inverse.
 *
 * @param id the document id (a UUID in text form)
 * @param address the account address, if recorded (verified against the key on decryption)
 * @param crypto the encrypted 32-byte private key
 * @param mnemonic the encrypted BIP-39 phrase, if the user chose to keep it
 */
public record KeystoreDocument(String id, Optional<TronAddress> address, CryptoEnvelope crypto,
        Optional<CryptoEnvelope> mnemonic) {
    /** Extension field holding the encrypted mnemonic; v3 readers that do not know it ignore it. */
    public static final String MNEMONIC_FIELD = "x-swarmbid-mnemonic";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Serialises as pretty-printed JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        address.ifPresent(a -> m.put("address", a.toBase58()));
        m.put("crypto", crypto.toJson());
        m.put("id", id);
        m.put("version", 3);
        mnemonic.ifPresent(e -> m.put(MNEMONIC_FIELD, e.toJson()));
        return Json.write(m);
    }

    /**
     * Parses and validates a v3 document (go-ethereum's, TronLink-style, or ours). The {@code address} may be the
     * TRON Base58 form, TRON hex, or a 40-digit Ethereum-style hex (then read as the same 20-byte account).
     *
     * @throws InvalidKeystoreException naming the offending field
     */
    public static KeystoreDocument parse(String json) throws InvalidKeystoreException {
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new InvalidKeystoreException("", e.getMessage());
        }
        Fields doc = Fields.of(root, "");
        int version = doc.integer("version", 0, Integer.MAX_VALUE);
        if (version != 3) {
            throw new InvalidKeystoreException("version", "must be 3, got " + version);
        }
        String id = doc.string("id", 64);
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new InvalidKeystoreException("id", "must be a UUID");
        }
        Optional<TronAddress> address = Optional.empty();
        if (doc.has("address")) {
            address = Optional.of(parseAddress(doc.string("address", 64)));
        }
        String cryptoKey = doc.has("crypto") ? "crypto" : doc.has("Crypto") ? "Crypto" : "crypto";
        CryptoEnvelope crypto = CryptoEnvelope.fromJson(doc.object(cryptoKey));
        if (crypto.ciphertextLength() > 32) {
            throw new InvalidKeystoreException(cryptoKey + ".ciphertext", "must be at most 32 bytes for a private key");
        }
        Optional<CryptoEnvelope> mnemonic = Optional.empty();
        if (doc.has(MNEMONIC_FIELD)) {
            mnemonic = Optional.of(CryptoEnvelope.fromJson(doc.object(MNEMONIC_FIELD)));
        }
        return new KeystoreDocument(id, address, crypto, mnemonic);
    }

    private static TronAddress parseAddress(String text) throws InvalidKeystoreException {
        try {
            String body = text.startsWith("0x") ? text.substring(2) : text;
            if (body.length() == 40) {
                return TronAddress.fromHex("41" + body);
            }
            return TronAddress.parse(text);
        } catch (InvalidAddressException e) {
            throw new InvalidKeystoreException("address", "is not a valid address: " + e.getMessage());
        }
    }

    /** Only the id, address and KDF: never ciphertexts. */
    @Override
    public String toString() {
        return "KeystoreDocument[id=" + id + ", address=" + address.map(TronAddress::toBase58).orElse("?")
                + ", kdf=" + crypto.kdf() + ", mnemonic=" + mnemonic.isPresent() + "]";
    }
}
