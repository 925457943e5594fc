/**
 * The wallet facade for the command line, the desktop UI and the bid extension:
 * {@link org.swarmbid.wallet.service.WalletService} over one wallet folder
 * ({@link org.swarmbid.wallet.service.WalletFolder}: keystore, settings naming the network, one SQLite history per
 * network). Create from a new or typed BIP-39 mnemonic or import a raw key; {@code unlock} returns an
 * {@link org.swarmbid.wallet.service.UnlockedWallet}, the only thing that signs, wiped by {@code lock()}; balances of
 * TRX, BTT (TRC-20) and legacy BTT (TRC-10 1002000); {@code prepare} builds, signs and prices a transfer offline and
 * checks funds, {@code send} records it (SIGNED) before broadcasting, {@code await} follows it to IN_BLOCK or SOLID;
 * history, backup export and password change.
 *
 * <p>Knows nothing of torrents. Failures are {@link org.swarmbid.wallet.service.WalletException}s with a reason and
 * a one-line message free of secrets.
 *
 * <p>Threading: {@code WalletService} is thread-safe and blocking (scrypt about a second; node calls bounded by the
 * configured per-call timeout; {@code await} by its timeout): call it from a worker thread, never from a network
 * event loop or the UI thread. The value types are immutable.
 */
package org.swarmbid.wallet.service;
