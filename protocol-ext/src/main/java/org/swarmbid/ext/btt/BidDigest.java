package org.swarmbid.ext.btt;

import java.math.BigInteger;

/**
 * The typed-data hash a bid is signed over (EIP-712 / TIP-712), in the same {@link SigningDomain} as cheques:
 *
 * <pre>
 * Bid(address payer,address payee,bytes20 infoHash,uint256 pricePerMiB,uint64 nonce,uint64 expiry)
 *
 * structHash = keccak256(BID_TYPEHASH || pad32(payer.evm) || pad32(payee.evm) || infoHash || 12 zero bytes
 *                        || uint256(pricePerMiB) || uint256(nonce) || uint256(expiry))
 * </pre>
 *
 * A bid moves no money; its signature proves that the bidder holds the key of the payer address it announced,
 * before the seller extends any credit to it, and binds the price to one torrent, seller, chain and asset.
 */
public final class BidDigest {
    public static final String ENCODE_TYPE =
            "Bid(address payer,address payee,bytes20 infoHash,uint256 pricePerMiB,uint64 nonce,uint64 expiry)";
    private static final byte[] TYPE_HASH = Eip712.typeHash(ENCODE_TYPE);
    public static final int INFO_HASH_LENGTH = 20;

    private BidDigest() {
    }

    public static byte[] typeHash() {
        return TYPE_HASH.clone();
    }

    /** hashStruct(Bid). */
    public static byte[] structHash(TronAccount payer, TronAccount payee, FixedBytes infoHash,
                                    BigInteger pricePerMiB, long nonce, long expiry) {
        if (infoHash.length() != INFO_HASH_LENGTH) {
            throw new IllegalArgumentException("info-hash must be 20 bytes");
        }
        return Eip712.hashStruct(TYPE_HASH, Eip712.address(payer.evmBytes()), Eip712.address(payee.evmBytes()),
                Eip712.bytesN(infoHash.bytes()), Eip712.uint(Amounts.check(pricePerMiB)), Eip712.uint64(nonce),
                Eip712.uint64(expiry));
    }

    /** The digest of a bid sent from {@code payer} to {@code payee} on the torrent {@code infoHash}. */
    public static byte[] digest(SigningDomain domain, TronAccount payer, TronAccount payee, FixedBytes infoHash,
                                BigInteger pricePerMiB, long nonce, long expiry) {
        return Eip712.digest(domain.separator(),
                structHash(payer, payee, infoHash, pricePerMiB, nonce, expiry));
    }

    /** The digest of a received bid, given the context the wire leaves implicit. */
    public static byte[] digest(BttMessage.Bid bid, long chainId, TronAccount payer, TronAccount payee,
                                FixedBytes infoHash) {
        return digest(new SigningDomain(chainId, bid.asset()), payer, payee, infoHash, bid.pricePerMiB(),
                bid.nonce(), bid.expiry());
    }
}
