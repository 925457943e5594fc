package org.swarmbid.wallet.devnet;

import org.tron.trident.proto.Response.TransactionReturn.response_code;

/** Why the devnet refuses a transaction, as TRON's response code and a one-line message. */
final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient response_code code;

    Rejection(response_code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    response_code code() {
        return code;
    }
}
