/**
 * A local TRON-compatible node for development and tests ({@link org.swarmbid.wallet.devnet.Devnet}): the
 * {@code protocol.Wallet} and {@code protocol.WalletSolidity} gRPC services from TRON's {@code api/api.proto}
 * (Trident's generated stubs) served on 127.0.0.1 by grpc-netty-shaded, state in SQLite.
 *
 * <p>What it checks on {@code BroadcastTransaction}, in java-tron's order, with TRON's response codes:
 * <pre>
 *   size > 500 KiB                                  TOO_BIG_TRANSACTION_ERROR
 *   contracts != 1                                  CONTRACT_VALIDATE_ERROR
 *   expiration <= head time, or > head time + 24 h  TRANSACTION_EXPIRATION_ERROR
 *   ref_block_bytes/hash not a recent block         TAPOS_ERROR
 *   txid already known                              DUP_TRANSACTION_ERROR
 *   signer recovered from the signature != owner    SIGERROR   (crypto.Secp256k1 public-key recovery)
 *   contract rules (addresses, amounts, balances)   CONTRACT_VALIDATE_ERROR
 *   cannot pay for bandwidth                        BANDWITH_ERROR
 * </pre>
 * Fees follow {@link org.swarmbid.wallet.chain.FeeSchedule}: free bandwidth (600/day) or 1000 sun/byte burnt,
 * account activation (1.1 TRX) for transfers to new addresses, energy for the built-in TRC-20 BTT capped by
 * fee_limit (OUT_OF_ENERGY otherwise). A reverted TRC-20 call is packed as FAILED with its energy burnt, as on TRON.
 *
 * <p>Not modelled: witnesses and block signatures, forks, multi-signature permissions, staking, other contract
 * types, per-block state for the solidity node's account queries.
 *
 * <p>Threading: gRPC handler threads and the block timer share one {@code DevnetNode}, whose methods are
 * synchronized; the public {@code Devnet} API is thread-safe.
 */
package org.swarmbid.wallet.devnet;
