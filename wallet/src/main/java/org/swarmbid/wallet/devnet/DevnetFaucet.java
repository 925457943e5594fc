package org.swarmbid.wallet.devnet;

import java.time.Duration;
import org.swarmbid.wallet.asset.Amount;
import org.swarmbid.wallet.chain.ChainClient;
import org.swarmbid.wallet.chain.HeadBlock;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.PrivateKeySigner;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Transfer;
import org.swarmbid.wallet.tx.TransferBuilder;
import org.swarmbid.wallet.tx.TxParams;

/**
 * The faucet of a devnet running in another process: real transfers from the genesis account, signed with its public
 * development key ({@link Devnet#GENESIS_PRIVATE_KEY_HEX}) and broadcast through a {@link ChainClient}. (In the same
 * process, {@link Devnet#faucet} moves funds without a transaction.)
 *
 * <p>Threading: stateless; blocking like the client it is given.
 */
public final class DevnetFaucet {

    /** The fee limit of TRC-20 faucet transfers (the genesis account has plenty). */
    static final long FEE_LIMIT_SUN = 100_000_000L;

    private DevnetFaucet() {
    }

    /**
     * Sends {@code amount} (TRX, BTT or legacy BTT) from genesis to {@code to}.
     *
     * @return the transaction id, 64 hex digits
     * @throws org.swarmbid.wallet.chain.BroadcastRejectedException if the node refuses (e.g. not a devnet: the
     *     genesis account holds nothing there)
     */
    public static String send(ChainClient chain, TronAddress to, Amount amount) {
        try (PrivateKey genesis = Devnet.genesisKey()) {
            Transfer transfer = Transfer.of(genesis.address(), to, amount);
            HeadBlock head = chain.head();
            long feeLimit = transfer instanceof Transfer.Trc20 ? FEE_LIMIT_SUN : 0;
            SignedTransaction signed = SignedTransaction.sign(TransferBuilder.build(transfer,
                    TxParams.of(head.refBlock(), head.timestampMillis(), Duration.ofMinutes(10), feeLimit)),
                    new PrivateKeySigner(genesis));
            chain.broadcast(signed);
            return signed.txidHex();
        }
    }
}
