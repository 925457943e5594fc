/**
 * Receiving: the wallet's address as text and as a QR code.
 *
 * <p>Threading: FX thread only (the QR code is computed there; it takes about a millisecond).
 */
package org.swarmbid.ui.wallet.receive;
