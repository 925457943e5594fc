package org.swarmbid.wallet.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ClientInterceptor;
import io.grpc.StatusRuntimeException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.Addresses;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Trc20Abi;
import org.tron.trident.core.ApiWrapper;
import org.tron.trident.core.NodeType;
import org.tron.trident.core.exceptions.IllegalException;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;
import org.tron.trident.proto.Response;

/**
 * {@link ChainClient} over gRPC with Trident's {@link ApiWrapper} (plaintext, grpc-netty-shaded transport). Every
 * call carries a deadline; the TronGrid API key, if any, goes in a header.
 *
 * <p>Trident's wrapper insists on a private key of its own; it gets a random throwaway one that never signs
 * anything: transactions are built and signed offline by {@code org.swarmbid.wallet.tx} and only broadcast here.
 */
public final class TridentChainClient implements ChainClient {

    private static final Logger LOG = LoggerFactory.getLogger(TridentChainClient.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final long FEE_SCHEDULE_TTL_MILLIS = 10 * 60 * 1000;

    private final Network network;
    private final ApiWrapper api;
    private volatile FeeSchedule cachedSchedule;
    private volatile long scheduleFetchedAt;

    /** Connects (lazily, as gRPC does) to {@code network} with a per-call deadline of {@code callTimeout}. */
    public TridentChainClient(Network network, Duration callTimeout) {
        this.network = network;
        long timeout = callTimeout.toMillis();
        if (timeout <= 0 || timeout > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("call timeout out of range: " + callTimeout);
        }
        List<ClientInterceptor> interceptors = network.apiKey()
                .<List<ClientInterceptor>>map(k -> List.of(new ApiKeyInterceptor(k)))
                .orElse(List.of());
        this.api = new ApiWrapper(network.fullNode(), network.solidityNode(), throwawayKey(), interceptors,
                (int) timeout);
        LOG.info("chain client for {}", network);
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public HeadBlock head() {
        return call("GetNowBlock2", () -> headOf(api.getNowBlock2()));
    }

    @Override
    public HeadBlock solidHead() {
        return call("GetNowBlock2 (solidity)", () -> headOf(api.getNowBlock2(NodeType.SOLIDITY_NODE)));
    }

    @Override
    public FeeSchedule feeSchedule() {
        FeeSchedule s = cachedSchedule;
        if (s != null && System.currentTimeMillis() - scheduleFetchedAt < FEE_SCHEDULE_TTL_MILLIS) {
            return s;
        }
        s = call("GetChainParameters", () -> {
            Map<String, Long> params = new HashMap<>();
            for (Response.ChainParameters.ChainParameter p : api.getChainParameters().getChainParameterList()) {
                params.put(p.getKey(), p.getValue());
            }
            return FeeSchedule.fromChainParameters(params);
        });
        cachedSchedule = s;
        scheduleFetchedAt = System.currentTimeMillis();
        return s;
    }

    @Override
    public BigInteger trxBalance(TronAddress address) {
        return BigInteger.valueOf(account(address).getBalance());
    }

    @Override
    public BigInteger trc10Balance(TronAddress address, String tokenId) {
        return BigInteger.valueOf(account(address).getAssetV2OrDefault(tokenId, 0L));
    }

    @Override
    public int trc10Precision(String tokenId) {
        Contract.AssetIssueContract asset = call("GetAssetIssueById", () -> api.getAssetIssueById(tokenId));
        if (!tokenId.equals(asset.getId())) {
            throw new ChainException("no TRC-10 token with id " + tokenId + " on " + network.name());
        }
        return asset.getPrecision();
    }

    @Override
    public BigInteger trc20Balance(TronAddress address, TronAddress contract) {
        return Trc20Abi.decodeUint256(constantWord(address, contract, Trc20Abi.balanceOf(Addresses.toProto(address)),
                "balanceOf"));
    }

    @Override
    public int trc20Decimals(TronAddress contract) {
        BigInteger d = Trc20Abi.decodeUint256(constantWord(contract, contract, Trc20Abi.decimals(), "decimals"));
        if (d.bitLength() > 8) {
            throw new ChainException("contract " + contract + " reports absurd decimals " + d);
        }
        return d.intValue();
    }

    @Override
    public boolean accountExists(TronAddress address) {
        return !account(address).getAddress().isEmpty();
    }

    @Override
    public FeeEstimate estimateFee(SignedTransaction tx) {
        FeeSchedule fees = feeSchedule();
        Chain.Transaction.Contract contract = tx.transaction().getRawData().getContract(0);
        TronAddress owner;
        TronAddress recipient = null;
        long energy = 0;
        try {
            switch (contract.getType()) {
                case TransferContract -> {
                    Contract.TransferContract c = contract.getParameter().unpack(Contract.TransferContract.class);
                    owner = Addresses.fromProto(c.getOwnerAddress(), "owner");
                    recipient = Addresses.fromProto(c.getToAddress(), "recipient");
                }
                case TransferAssetContract -> {
                    Contract.TransferAssetContract c =
                            contract.getParameter().unpack(Contract.TransferAssetContract.class);
                    owner = Addresses.fromProto(c.getOwnerAddress(), "owner");
                    recipient = Addresses.fromProto(c.getToAddress(), "recipient");
                }
                case TriggerSmartContract -> {
                    Contract.TriggerSmartContract c =
                            contract.getParameter().unpack(Contract.TriggerSmartContract.class);
                    owner = Addresses.fromProto(c.getOwnerAddress(), "owner");
                    energy = constantCall(owner, Addresses.fromProto(c.getContractAddress(), "contract"), c.getData(),
                            "estimate").getEnergyUsed();
                }
                default -> throw new ChainException("cannot estimate a " + contract.getType());
            }
        } catch (InvalidProtocolBufferException e) {
            throw new ChainException("transaction parameter does not match its contract type", e);
        }
        long bytes = FeeSchedule.bandwidthBytes(tx.transaction());
        Response.AccountNetMessage net = call("GetAccountNet", () -> api.getAccountNet(owner.toHex()));
        long freeLeft = Math.max(0, net.getFreeNetLimit() - net.getFreeNetUsed());
        boolean activation = recipient != null && !accountExists(recipient);
        long activationSun = activation ? fees.activationFee() : 0;
        long bandwidthBurn = activation ? 0 : fees.bandwidthBurn(bytes, freeLeft);
        return new FeeEstimate(bytes, freeLeft, bandwidthBurn, energy, fees.energyBurn(energy), activationSun);
    }

    @Override
    public ByteString broadcast(SignedTransaction tx) {
        Response.TransactionReturn ret = call("BroadcastTransaction",
                () -> api.blockingStub.broadcastTransaction(tx.transaction()));
        if (!ret.getResult()) {
            throw new BroadcastRejectedException(ret.getCode().name(),
                    ret.getMessage().toString(StandardCharsets.UTF_8));
        }
        LOG.info("broadcast {} to {}", tx.txidHex(), network.name());
        return tx.txid();
    }

    @Override
    public TxStatus status(ByteString txid, long expirationMillis) {
        String id = hex(txid);
        Response.TransactionInfo info = transactionInfo(id, false);
        if (info == null) {
            HeadBlock head = head();
            return TxStatus.of(head.timestampMillis() > expirationMillis ? TxState.EXPIRED : TxState.BROADCAST);
        }
        OptionalLong block = OptionalLong.of(info.getBlockNumber());
        Chain.Transaction.Result.contractResult receipt = info.getReceipt().getResult();
        boolean failed = info.getResult() == Response.TransactionInfo.code.FAILED
                || (receipt != Chain.Transaction.Result.contractResult.DEFAULT
                        && receipt != Chain.Transaction.Result.contractResult.SUCCESS);
        if (failed) {
            String why = receipt.name();
            if (!info.getResMessage().isEmpty()) {
                why += ": " + info.getResMessage().toString(StandardCharsets.UTF_8).replaceAll("[\\r\\n]+", " ");
            }
            return new TxStatus(TxState.FAILED, block, info.getFee(), why);
        }
        boolean solid = transactionInfo(id, true) != null;
        return new TxStatus(solid ? TxState.SOLID : TxState.IN_BLOCK, block, info.getFee(), "");
    }

    @Override
    public void close() {
        api.channel.shutdown();
        api.channelSolidity.shutdown();
        try {
            if (!api.channel.awaitTermination(5, TimeUnit.SECONDS)) {
                api.channel.shutdownNow();
            }
            if (!api.channelSolidity.awaitTermination(5, TimeUnit.SECONDS)) {
                api.channelSolidity.shutdownNow();
            }
        } catch (InterruptedException e) {
            api.channel.shutdownNow();
            api.channelSolidity.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Response.TransactionInfo transactionInfo(String id, boolean solidity) {
        try {
            return solidity ? api.getTransactionInfoById(id, NodeType.SOLIDITY_NODE) : api.getTransactionInfoById(id);
        } catch (IllegalException notInABlock) {
            return null;
        } catch (StatusRuntimeException e) {
            throw failure("GetTransactionInfoById", e);
        }
    }

    private Response.Account account(TronAddress address) {
        return call("GetAccount", () -> api.getAccount(address.toHex()));
    }

    private ByteString constantWord(TronAddress owner, TronAddress contract, ByteString data, String what) {
        Response.TransactionExtention ext = constantCall(owner, contract, data, what);
        if (ext.getConstantResultCount() == 0 || ext.getConstantResult(0).size() != 32) {
            throw new ChainException(what + " on " + contract + " returned no 32-byte word");
        }
        return ext.getConstantResult(0);
    }

    private Response.TransactionExtention constantCall(TronAddress owner, TronAddress contract, ByteString data,
            String what) {
        Response.TransactionExtention ext = call("TriggerConstantContract",
                () -> api.triggerConstantContract(owner.toHex(), contract.toHex(), hex(data)));
        if (!ext.getResult().getResult()) {
            throw new ChainException(what + " on " + contract + " failed: " + ext.getResult().getCode() + ": "
                    + ext.getResult().getMessage().toString(StandardCharsets.UTF_8).replaceAll("[\\r\\n]+", " "));
        }
        return ext;
    }

    private static HeadBlock headOf(Response.BlockExtention b) {
        Chain.BlockHeader.raw raw = b.getBlockHeader().getRawData();
        return new HeadBlock(raw.getNumber(), b.getBlockid(), raw.getTimestamp());
    }

    /** A gRPC call, with transport failures and Trident's checked exceptions turned into one-line ChainExceptions. */
    private <T> T call(String what, CheckedSupplier<T> body) {
        try {
            return body.get();
        } catch (StatusRuntimeException e) {
            throw failure(what, e);
        } catch (IllegalException e) {
            throw new ChainException(what + " on " + network.name() + " returned nothing usable");
        }
    }

    private ChainException failure(String what, StatusRuntimeException e) {
        String desc = e.getStatus().getDescription();
        return new ChainException(what + " on " + network.name() + " failed: " + e.getStatus().getCode()
                + (desc == null ? "" : " (" + desc.replaceAll("[\\r\\n]+", " ") + ")"), e);
    }

    private static String hex(ByteString b) {
        return HEX.formatHex(b.toByteArray());
    }

    private static String throwawayKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        k[0] &= 0x7f; // keep it below the curve order
        k[31] |= 1;   // and non-zero
        return HEX.formatHex(k);
    }

    @FunctionalInterface
    private interface CheckedSupplier<T> {
        T get() throws IllegalException;
    }
}
