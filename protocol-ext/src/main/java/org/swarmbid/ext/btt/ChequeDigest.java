package org.swarmbid.ext.btt;

import java.math.BigInteger;

/**
 * The typed-data hash a cheque is signed over (EIP-712 / TIP-712):
 *
 * <pre>
 * Cheque(address payer,address payee,uint256 cumulativeAmount,uint64 sequence)
 *
 * structHash = keccak256(CHEQUE_TYPEHASH || pad32(payer.evm) || pad32(payee.evm)
 *                        || uint256(cumulativeAmount) || uint256(sequence))
 * digest     = keccak256(0x19 0x01 || domainSeparator(chainId, asset) || structHash)
 * </pre>
 *
 * The chain and the asset are in the domain ({@link SigningDomain}); there is no info-hash: a cheque is a running
 * total per (payer, payee, asset, chain) across every torrent, as in Swarm's SWAP chequebook.
 */
public final class ChequeDigest {
    public static final String ENCODE_TYPE =
            "Cheque(address payer,address payee,uint256 cumulativeAmount,uint64 sequence)";
    private static final byte[] TYPE_HASH = Eip712.typeHash(ENCODE_TYPE);

    private ChequeDigest() {
    }

    /** keccak256 of {@link #ENCODE_TYPE}. */
    public static byte[] typeHash() {
        return TYPE_HASH.clone();
    }

    /** hashStruct(Cheque). */
    public static byte[] structHash(TronAccount payer, TronAccount payee, BigInteger cumulativeAmount,
                                    long sequence) {
        return Eip712.hashStruct(TYPE_HASH, Eip712.address(payer.evmBytes()), Eip712.address(payee.evmBytes()),
                Eip712.uint(Amounts.check(cumulativeAmount)), Eip712.uint64(sequence));
    }

    /** The 32-byte digest to sign or verify. */
    public static byte[] digest(SigningDomain domain, TronAccount payer, TronAccount payee,
                                BigInteger cumulativeAmount, long sequence) {
        return Eip712.digest(domain.separator(), structHash(payer, payee, cumulativeAmount, sequence));
    }

    /** The digest of a received cheque. */
    public static byte[] digest(BttMessage.Cheque cheque) {
        return digest(cheque.domain(), cheque.payer(), cheque.payee(), cheque.cumulativeAmount(),
                cheque.sequence());
    }
}
