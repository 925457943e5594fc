package org.swarmbid.ext.btt;

import java.math.BigInteger;

/**
 * The EIP-712 domain every {@code swarmbid_btt} signature is made in:
 *
 * <pre>
 * EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
 *   name              = "Swarmbid"
 *   version           = "1"
 *   chainId           = TRON chain id: the last 4 bytes of the genesis block id as an unsigned integer
 *                       (mainnet 728126428, Nile 3448148188, Shasta 2494104990)
 *   verifyingContract = {@link AssetId#verifyingContract()} (the asset)
 * </pre>
 *
 * So a signature names the chain and the asset: it cannot be replayed on another chain or in another token.
 *
 * @param chainId 1 .. 2^32-1
 * @param asset   the asset of the amounts signed
 */
public record SigningDomain(long chainId, AssetId asset) {
    public static final String NAME = "Swarmbid";
    public static final String VERSION = "1";
    public static final String ENCODE_TYPE =
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
    /** TRON mainnet. */
    public static final long MAINNET = 728126428L;
    /** Nile testnet. */
    public static final long NILE = 3448148188L;
    /** Shasta testnet. */
    public static final long SHASTA = 2494104990L;

    public SigningDomain {
        checkChainId(chainId);
        if (asset == null) {
            throw new IllegalArgumentException("asset is required");
        }
    }

    static long checkChainId(long chainId) {
        if (chainId <= 0 || chainId > 0xffff_ffffL) {
            throw new IllegalArgumentException("chain id must be 1..2^32-1");
        }
        return chainId;
    }

    /** hashStruct(EIP712Domain). */
    public byte[] separator() {
        return Eip712.hashStruct(Eip712.typeHash(ENCODE_TYPE), Eip712.string(NAME), Eip712.string(VERSION),
                Eip712.uint(BigInteger.valueOf(chainId)), Eip712.address(asset.verifyingContract()));
    }
}
