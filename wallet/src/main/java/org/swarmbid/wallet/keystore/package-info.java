/**
 * Encrypted key storage in the Web3 Secret Storage v3 format (the go-ethereum keystore JSON), so TRON keys can be
 * moved to and from other wallets that read v3 files.
 *
 * <pre>
 * {
 *   "version": 3, "id": "&lt;uuid&gt;", "address": "T...",          (address: optional; checked after decryption)
 *   "crypto": {
 *     "cipher": "aes-128-ctr", "cipherparams": {"iv": "&lt;16 bytes hex&gt;"},
 *     "ciphertext": "&lt;hex&gt;",
 *     "kdf": "scrypt", "kdfparams": {"n": 262144, "r": 8, "p": 1, "dklen": 32, "salt": "&lt;hex&gt;"},
 *              (or "pbkdf2" with {"c": ..., "prf": "hmac-sha256", "dklen": 32, "salt": ...})
 *     "mac": "&lt;hex of keccak256(dk[16..32] || ciphertext)&gt;"
 *   },
 *   "x-swarmbid-mnemonic": { same shape as "crypto"; plaintext = the BIP-39 phrase, UTF-8 }   (optional)
 * }
 * dk = KDF(password UTF-8, salt); AES-128-CTR key = dk[0..16].
 * </pre>
 *
 * Reading is bounded: file size, JSON depth, field sizes and KDF cost are capped (see {@link
 * org.swarmbid.wallet.keystore.KdfParams}), so a hostile file can neither allocate gigabytes nor run for hours.
 * Files are written owner-only and atomically (temporary file, fsync, atomic rename); a good file is never
 * replaced by a partial one.
 *
 * <p>Threading: {@link org.swarmbid.wallet.keystore.Keystore} and the value types are immutable and thread-safe;
 * {@link org.swarmbid.wallet.keystore.KeystoreFiles} does blocking file I/O and scrypt (about a second at the
 * standard cost): never call it on an event loop or the UI thread. Two writers of the same file are not
 * coordinated; the last atomic rename wins.
 *
 * <p>Secrets (passwords, derived keys, plaintexts) are wiped in {@code finally} blocks; logs and exception
 * messages contain only ids, addresses, paths and field names.
 */
package org.swarmbid.wallet.keystore;
