/**
 * Sending TRX, BTT or legacy BTT: live validation, an offline-signed and priced transfer to confirm, then its chain
 * status BROADCAST → IN_BLOCK → SOLID.
 *
 * <p>Threading: FX thread; prepare, send and the status polling run on the wallet screen's background.
 */
package org.swarmbid.ui.wallet.send;
