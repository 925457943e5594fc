package org.swarmbid.wallet.chain;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.SignedTransaction;

/**
 * What the wallet asks of a TRON node. Amounts are base units; transaction ids are the 32 raw bytes. Every method blocks on
 * the network and throws {@link ChainException} (one line, no secrets) when the node is unreachable or answers
 * nonsense.
 */
public interface ChainClient extends AutoCloseable {

    /** The network this client talks to. */
    Network network();

    /** The full node's head block. */
    HeadBlock head();

    /** The latest solidified block. */
    HeadBlock solidHead();

    /** The resource prices the node reports ({@code GetChainParameters}). */
    FeeSchedule feeSchedule();

    /** TRX balance in sun (0 for an address with no account). */
    BigInteger trxBalance(TronAddress address);

    /** TRC-10 balance in the token's base units. */
    BigInteger trc10Balance(TronAddress address, String tokenId);

    /** A TRC-10 token's precision (decimal places), from {@code GetAssetIssueById}. */
    int trc10Precision(String tokenId);

    /** TRC-20 balance via a constant call of {@code balanceOf(address)}. */
    BigInteger trc20Balance(TronAddress address, TronAddress contract);

    /** TRC-20 {@code decimals()}. */
    int trc20Decimals(TronAddress contract);

    /** True if the address has an account on chain (sending TRX/TRC-10 to one that has not costs activation). */
    boolean accountExists(TronAddress address);

    /** The balance of any of the wallet's assets, with the asset attached. */
    default Amount balance(TronAddress address, Asset asset) {
        BigInteger units;
        if (asset instanceof Asset.Trx) {
            units = trxBalance(address);
        } else if (asset instanceof Asset.Trc10 trc10) {
            units = trc10Balance(address, trc10.tokenId());
        } else {
            units = trc20Balance(address, ((Asset.Trc20) asset).contract());
        }
        return Amount.ofUnits(units, asset);
    }

    /** What broadcasting {@code tx} would burn: bandwidth, energy (via a constant call) and account activation. */
    FeeEstimate estimateFee(SignedTransaction tx);

    /**
     * Broadcasts a signed transaction.
     *
     * @return the txid
     * @throws BroadcastRejectedException with TRON's response code if the node refuses it
     */
    ByteString broadcast(SignedTransaction tx);

    /** Where transaction {@code txid} stands; {@code expirationMillis} tells a lost transaction from a pending one. */
    TxStatus status(ByteString txid, long expirationMillis);

    @Override
    void close();
}
