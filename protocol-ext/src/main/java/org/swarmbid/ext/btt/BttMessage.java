package org.swarmbid.ext.btt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The messages of the {@code swarmbid_btt} extension (docs/btt-extension.md, "Messages"). Each travels as one
 * bencoded dictionary in the payload of a BEP 10 extended message (id = the peer's {@code m["swarmbid_btt"]}),
 * with its type in key {@code t}, like ut_metadata's {@code msg_type}. Amounts are base units of the asset
 * ({@link Amounts}); addresses are raw 21-byte TRON addresses; times are Unix seconds.
 *
 * <p>The compact constructors enforce the documented ranges and throw {@link IllegalArgumentException};
 * {@link BttCodec} turns that into {@link ErrorCode#MALFORMED} (or {@link ErrorCode#BAD_SIGNATURE}) when decoding.
 */
public sealed interface BttMessage {

    /** The value of {@code t} on the wire. */
    int type();

    /** Largest sequence, nonce or time on the wire (bencoded integers are signed 64-bit in most readers). */
    long MAX_U63 = Long.MAX_VALUE;

    /**
     * {@code t=1}, seller to buyer: the terms of this seller's paid slots. A new offer replaces the previous one.
     *
     * @param asset               the one asset bids and cheques on this connection must use
     * @param reservePerMiB       lowest accepted price per MiB (2^20 bytes), base units
     * @param paidSlots           number of upload slots sold per round, 0..{@value #MAX_SLOTS} (0: not selling now)
     * @param creditWindow        most unpaid value (base units) the seller lets this buyer owe before revoking
     * @param settlementThreshold unsettled cheque total (base units) at which the buyer must settle on chain
     * @param roundSeconds        choke-round length, 1..3600
     */
    record Offer(AssetId asset, BigInteger reservePerMiB, int paidSlots, BigInteger creditWindow,
                 BigInteger settlementThreshold, int roundSeconds) implements BttMessage {
        public static final int TYPE = 1;
        public static final int MAX_SLOTS = 64;

        public Offer {
            require(asset != null, "asset is required");
            Amounts.check(reservePerMiB);
            require(paidSlots >= 0 && paidSlots <= MAX_SLOTS, "slots must be 0.." + MAX_SLOTS);
            Amounts.check(creditWindow);
            Amounts.check(settlementThreshold);
            require(settlementThreshold.signum() > 0, "thresh must be positive");
            require(roundSeconds >= 1 && roundSeconds <= 3600, "round must be 1..3600 seconds");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * {@code t=2}, buyer to seller: a signed bid for one paid slot on this torrent. Payer, payee and chain are the
     * two handshake addresses and chain; the signature is over {@link BidDigest}.
     *
     * @param asset       must equal the offer's asset
     * @param pricePerMiB what the buyer is willing to pay per MiB, base units; 0 withdraws the buyer's bid and ends
     *                    its paid slot at once (docs/btt-extension.md 4.2)
     * @param nonce       1..2^63-1, strictly increasing per (buyer, seller); a new bid replaces the older one
     * @param expiry      Unix seconds after which the bid is void
     * @param signature   over the Bid typed data
     */
    record Bid(AssetId asset, BigInteger pricePerMiB, long nonce, long expiry, Signature signature)
            implements BttMessage {
        public static final int TYPE = 2;

        public Bid {
            require(asset != null && signature != null, "asset and sig are required");
            Amounts.check(pricePerMiB);
            require(nonce >= 1, "nonce must be 1..2^63-1");
            require(expiry >= 1, "exp must be 1..2^63-1");
        }

        /** True for a withdrawal ({@code price} 0). */
        public boolean withdrawal() {
            return pricePerMiB.signum() == 0;
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * {@code t=3}, seller to buyer: the outcome of the round for the buyer's current bid. An accepted bid is followed
     * by a standard BEP 3 {@code unchoke} (unless the buyer is already unchoked).
     *
     * @param nonce         the nonce of the bid answered
     * @param accepted      true if the bid won a paid slot
     * @param clearingPrice the round's uniform price per MiB: what a winner pays, what a loser must beat
     * @param validUntil    Unix seconds until which the slot is sold (winners); the round end for losers
     * @param reason        for a loser whose bid was not even considered: why (below_reserve, bid_expired, ...)
     */
    record BidResponse(long nonce, boolean accepted, BigInteger clearingPrice, long validUntil,
                       Optional<ErrorCode> reason) implements BttMessage {
        public static final int TYPE = 3;

        public BidResponse {
            require(nonce >= 1, "nonce must be 1..2^63-1");
            Amounts.check(clearingPrice);
            require(validUntil >= 0, "until must be 0..2^63-1");
            require(reason != null && !(accepted && reason.isPresent()), "an accepted bid has no reason");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * {@code t=4}, buyer to seller: a cumulative cheque. {@code cumulativeAmount} is everything this payer has ever
     * promised this payee in this asset on this chain, over all torrents; the signature is over {@link ChequeDigest}.
     *
     * @param payer            the buyer's handshake address
     * @param payee            the seller's handshake address
     * @param asset            the asset
     * @param chainId          the chain
     * @param cumulativeAmount running total, base units, at least {@code amount}
     * @param sequence         1 for the first cheque to this payee in this asset and chain, +1 for each next one
     * @param amount           the increment over the buyer's previous cheque (seq-1): positive, not signed
     * @param signature        over the Cheque typed data
     */
    record Cheque(TronAccount payer, TronAccount payee, AssetId asset, long chainId, BigInteger cumulativeAmount,
                  long sequence, BigInteger amount, Signature signature) implements BttMessage {
        public static final int TYPE = 4;

        public Cheque {
            require(payer != null && payee != null && asset != null && signature != null,
                    "payer, payee, asset and sig are required");
            SigningDomain.checkChainId(chainId);
            Amounts.check(cumulativeAmount);
            Amounts.check(amount);
            require(amount.signum() > 0, "amount must be positive");
            require(amount.compareTo(cumulativeAmount) <= 0, "amount must not exceed cum");
            require(sequence >= 1, "seq must be 1..2^63-1");
        }

        /** The domain of this cheque's signature. */
        public SigningDomain domain() {
            return new SigningDomain(chainId, asset);
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * {@code t=5}, seller to buyer: what the seller has recorded from this buyer as payer (sent after the extension
     * handshake for resynchronisation, and after each accepted cheque or verified settlement).
     *
     * @param asset            the asset
     * @param chainId          the chain
     * @param cumulativeAmount the last accepted cheque's total (0 if none)
     * @param sequence         the last accepted cheque's sequence (0 if none)
     * @param signature        the last accepted cheque's signature; present iff sequence &gt; 0
     * @param settledTotal     how much of the total the seller has verified as settled on chain
     */
    record Receipt(AssetId asset, long chainId, BigInteger cumulativeAmount, long sequence,
                   Optional<Signature> signature, BigInteger settledTotal) implements BttMessage {
        public static final int TYPE = 5;

        public Receipt {
            require(asset != null && signature != null, "asset is required");
            SigningDomain.checkChainId(chainId);
            Amounts.check(cumulativeAmount);
            Amounts.check(settledTotal);
            require(sequence >= 0, "seq must be 0..2^63-1");
            require(signature.isPresent() == (sequence > 0), "sig must be present exactly when seq > 0");
            require(sequence > 0 || cumulativeAmount.signum() == 0, "cum must be 0 when seq is 0");
            require(settledTotal.compareTo(cumulativeAmount) <= 0, "settled must not exceed cum");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * {@code t=6}, buyer to seller: an on-chain transfer from payer to payee settling part of the cheque total.
     *
     * @param asset        the asset transferred
     * @param chainId      the chain
     * @param txid         the 32-byte TRON transaction id
     * @param amount       transferred by this transaction, positive
     * @param settledTotal the payer's settled total including this transaction (at most the last cheque's total)
     */
    record Settled(AssetId asset, long chainId, FixedBytes txid, BigInteger amount, BigInteger settledTotal)
            implements BttMessage {
        public static final int TYPE = 6;
        public static final int TXID_LENGTH = 32;

        public Settled {
            require(asset != null && txid != null, "asset and txid are required");
            require(txid.length() == TXID_LENGTH, "txid must be 32 bytes");
            SigningDomain.checkChainId(chainId);
            Amounts.check(amount);
            Amounts.check(settledTotal);
            require(amount.signum() > 0, "amount must be positive");
            require(amount.compareTo(settledTotal) <= 0, "amount must not exceed total");
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /**
     * {@code t=7}, either way: something was refused.
     *
     * @param code      an {@link ErrorCode} number (unknown numbers are kept, and treated as non-fatal)
     * @param message   UTF-8 text for logs, at most {@value #MAX_TEXT} bytes (may be empty)
     * @param reference the {@code seq} or {@code nonce} of the message refused, if any
     */
    record ErrorMessage(int code, String message, OptionalLong reference) implements BttMessage {
        public static final int TYPE = 7;
        public static final int MAX_TEXT = 256;

        public ErrorMessage {
            require(code >= 1, "code must be positive");
            require(message != null && message.getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT,
                    "msg must be at most " + MAX_TEXT + " bytes");
            require(reference != null && (reference.isEmpty() || reference.getAsLong() >= 1),
                    "ref must be 1..2^63-1");
        }

        public ErrorMessage(ErrorCode code, String message) {
            this(code.code(), message, OptionalLong.empty());
        }

        /** The known code, if this number is one. */
        public Optional<ErrorCode> errorCode() {
            return ErrorCode.fromCode(code);
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
