package org.swarmbid.bidding.seller;

import java.util.Objects;
import org.swarmbid.bidding.api.ErrorCode;

/** The answer to a received cheque. */
public sealed interface ChequeVerdict {
    /** Acceptable: record it in the ledger, then {@link SellerBook#applyCheque}. */
    record Accept() implements ChequeVerdict {}

    /** Exactly the last accepted cheque again (a replay or resend): counts nothing, answer with a receipt. */
    record Duplicate() implements ChequeVerdict {}

    /** Refused with an error code for the wire {@code error} message. */
    record Reject(ErrorCode code, String reason) implements ChequeVerdict {
        public Reject {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
