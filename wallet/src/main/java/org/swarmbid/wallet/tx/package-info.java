/**
 * Offline construction and signing of TRON transactions: TRX ({@code TransferContract}), TRC-10
 * ({@code TransferAssetContract}) and TRC-20 ({@code TriggerSmartContract} calling {@code transfer(address,uint256)}),
 * built with Trident's protobuf classes ({@code org.tron.trident.proto.*}).
 *
 * <p>Layout of what is hashed and signed ({@code Transaction.raw}, protobuf field numbers from TRON's
 * {@code core/chain.proto}):
 * <pre>
 *   raw_data {
 *     1  ref_block_bytes  bytes   = block number bytes [6..8)  (big-endian, the low 16 bits)
 *     4  ref_block_hash   bytes   = block id bytes [8..16)     (the id's first 8 bytes are the number itself)
 *     8  expiration       int64   ms since epoch, at most 24 h after the head block's time
 *    11  contract[0]      { type, parameter = Any(TransferContract | TransferAssetContract | TriggerSmartContract) }
 *    14  timestamp        int64   ms since epoch
 *    18  fee_limit        int64   sun, only for smart-contract calls
 *   }
 *   txid      = SHA-256(raw_data serialized)                       32 bytes
 *   signature = secp256k1(txid): r (32) || s (32) || v (1), v = recovery id 0/1, s in the lower half
 * </pre>
 * Addresses are the 21 raw bytes {@code 0x41 || keccak256(pubkey)[12..32)}.
 *
 * <p>Owns: {@link org.swarmbid.wallet.tx.Transfer}, {@link org.swarmbid.wallet.tx.TransferBuilder},
 * {@link org.swarmbid.wallet.tx.SignedTransaction}, the signing seam {@link org.swarmbid.wallet.tx.TransactionSigner}
 * with its key-backed implementation {@link org.swarmbid.wallet.tx.PrivateKeySigner}, the TRC-20 ABI words in
 * {@link org.swarmbid.wallet.tx.Trc20Abi} and the protobuf address bridge {@link org.swarmbid.wallet.tx.Addresses}.
 * Keys, addresses, hashes and signatures come from {@code org.swarmbid.wallet.key} and {@code .crypto}. No I/O, no
 * network.
 *
 * <p>Threading: every type here is immutable or stateless and safe to share; a {@code TransactionSigner} states its
 * own rule.
 */
package org.swarmbid.wallet.tx;
