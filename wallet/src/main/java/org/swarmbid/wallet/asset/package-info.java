/**
 * Assets the wallet holds and exact amounts of them. {@link org.swarmbid.wallet.asset.Asset} is TRX (6 decimals,
 * base unit "sun"), a TRC-20 token (BTT: contract {@code TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4}, 18 decimals) or a
 * TRC-10 token (legacy BTT, token id 1002000, whose precision is read from the chain at runtime and passed in).
 * {@link org.swarmbid.wallet.asset.Amount} is an integer count of base units plus its asset: parsing and
 * formatting are exact decimal string operations, and there is no floating point anywhere in the wallet.
 *
 * <p>Threading: all types are immutable values, safe from any thread.
 */
package org.swarmbid.wallet.asset;
