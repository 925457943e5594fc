/**
 * TRON keys and addresses: {@link org.swarmbid.wallet.key.TronAddress} (21 bytes, 0x41 prefix, Base58Check
 * {@code T...} and hex forms, typo-catching parser), {@link org.swarmbid.wallet.key.PrivateKey} (a wipeable
 * secp256k1 scalar that never prints itself), BIP-39 mnemonics ({@link org.swarmbid.wallet.key.Mnemonic},
 * English list only) and BIP-32 derivation ({@link org.swarmbid.wallet.key.ExtendedPrivateKey},
 * {@link org.swarmbid.wallet.key.DerivationPath}, TRON's SLIP-44 coin type 195: {@code m/44'/195'/0'/0/i}).
 *
 * <p>Threading: {@link org.swarmbid.wallet.key.TronAddress} and {@link org.swarmbid.wallet.key.DerivationPath}
 * are immutable and thread-safe. {@link org.swarmbid.wallet.key.PrivateKey},
 * {@link org.swarmbid.wallet.key.Mnemonic} and {@link org.swarmbid.wallet.key.ExtendedPrivateKey} hold secrets
 * that {@code destroy()} wipes; they may be read from several threads but must not be destroyed while another
 * thread uses them (the owner closes them, typically with try-with-resources).
 *
 * <p>No method here logs, and no exception message contains key material, mnemonic words or passphrases.
 */
package org.swarmbid.wallet.key;
