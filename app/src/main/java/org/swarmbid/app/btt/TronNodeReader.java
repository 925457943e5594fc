package org.swarmbid.app.btt;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.swarmbid.bidding.port.TxIds;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.Addresses;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.Trc20Abi;
import org.tron.trident.api.GrpcAPI;
import org.tron.trident.api.WalletGrpc;
import org.tron.trident.api.WalletSolidityGrpc;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;
import org.tron.trident.proto.Response;

/**
 * Reads other people's transactions from our own TRON node, which the wallet's {@code ChainClient} (made for our own
 * transfers) does not: {@code GetTransactionById} for what a transaction says, {@code GetTransactionInfoById} on the
 * full node for its receipt, and the same on the solidity node for irreversibility; {@code GetBlockByNum2(0)} for the
 * TIP-712 chain id (the last four bytes of the genesis block id).
 *
 * <p>TRC-20 call data decoded (TIP-20 / EIP-20 ABI):
 * <pre>
 *   a9059cbb | 00 x 12 | to (20 bytes) | amount (uint256, 32 bytes big-endian)     exactly 68 bytes
 * </pre>
 *
 * <p>Threading: thread-safe (gRPC stubs are); blocking, every call carries the configured deadline, so never call it
 * on an event loop. The TronGrid API key, if any, is sent as a header and never printed.
 */
public final class TronNodeReader implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("TRON-PRO-API-KEY",
            Metadata.ASCII_STRING_MARSHALLER);

    private final Network network;
    private final Duration timeout;
    private final ManagedChannel full;
    private final ManagedChannel solidity;

    /** Connects lazily (as gRPC does) to the network's full and solidity nodes, over plaintext as the wallet does. */
    public TronNodeReader(Network network, Duration callTimeout) {
        this.network = Objects.requireNonNull(network, "network");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("call timeout must be positive");
        }
        this.timeout = callTimeout;
        this.full = channel(network.fullNode(), network);
        this.solidity = channel(network.solidityNode(), network);
    }

    private static ManagedChannel channel(String endpoint, Network network) {
        ManagedChannelBuilder<?> b = ManagedChannelBuilder.forTarget(endpoint).usePlaintext();
        network.apiKey().ifPresent(key -> {
            Metadata headers = new Metadata();
            headers.put(API_KEY, key);
            b.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
        });
        return b.build();
    }

    /** The network read from. */
    public Network network() {
        return network;
    }

    /**
     * The TIP-712 chain id: the last four bytes of block 0's id as an unsigned integer (docs/btt-extension.md §6.2).
     *
     * @throws NodeException if the node is unreachable or has no genesis block
     */
    public long chainId() {
        Response.BlockExtention genesis = call("GetBlockByNum2(0)", () -> fullStub()
                .getBlockByNum2(GrpcAPI.NumberMessage.newBuilder().setNum(0).build()));
        ByteString id = genesis.getBlockid();
        if (id.size() != 32) {
            throw new NodeException("the node on " + network.name() + " reports no genesis block id");
        }
        long v = 0;
        for (int i = 28; i < 32; i++) {
            v = (v << 8) | (id.byteAt(i) & 0xff);
        }
        if (v == 0) {
            throw new NodeException("genesis block id on " + network.name() + " gives chain id 0");
        }
        return v;
    }

    /**
     * What the chain says about {@code txid}, or empty if neither node knows it.
     *
     * @throws NodeException if the node is unreachable or answers with a transaction whose id is not {@code txid}
     */
    public Optional<ObservedTransfer> transfer(String txid) {
        TxIds.require(txid);
        GrpcAPI.BytesMessage id = GrpcAPI.BytesMessage.newBuilder().setValue(ByteString.copyFrom(HEX.parseHex(txid)))
                .build();
        Chain.Transaction tx = call("GetTransactionById", () -> fullStub().getTransactionById(id));
        if (!tx.hasRawData() || tx.getRawData().getContractCount() == 0) {
            tx = call("GetTransactionById (solidity)", () -> solidityStub().getTransactionById(id));
            if (!tx.hasRawData() || tx.getRawData().getContractCount() == 0) {
                return Optional.empty();
            }
        }
        String actual = HEX.formatHex(SignedTransaction.txid(tx).toByteArray());
        if (!actual.equals(txid)) {
            throw new NodeException("the node on " + network.name() + " answered " + txid + " with transaction " + actual);
        }
        Response.TransactionInfo info = call("GetTransactionInfoById", () -> fullStub().getTransactionInfoById(id));
        Response.TransactionInfo solidInfo = call("GetTransactionInfoById (solidity)",
                () -> solidityStub().getTransactionInfoById(id));
        boolean solid = !solidInfo.getId().isEmpty();
        if (info.getId().isEmpty() && solid) {
            info = solidInfo;
        }
        return Optional.of(describe(tx, info, solid));
    }

    static ObservedTransfer describe(Chain.Transaction tx, Response.TransactionInfo info, boolean solid) {
        boolean inBlock = !info.getId().isEmpty();
        String failure = inBlock ? failureOf(tx, info) : "";
        boolean succeeded = inBlock && failure.isEmpty();
        if (tx.getRawData().getContractCount() != 1) {
            return other(inBlock, succeeded, failure, solid);
        }
        Chain.Transaction.Contract c = tx.getRawData().getContract(0);
        try {
            switch (c.getType()) {
                case TransferContract: {
                    Contract.TransferContract t = c.getParameter().unpack(Contract.TransferContract.class);
                    return new ObservedTransfer(ObservedTransfer.Kind.TRX, address(t.getOwnerAddress()),
                            optionalAddress(t.getToAddress()), Optional.of("trx"), BigInteger.valueOf(t.getAmount()),
                            inBlock, succeeded, failure, solid);
                }
                case TransferAssetContract: {
                    Contract.TransferAssetContract t = c.getParameter().unpack(Contract.TransferAssetContract.class);
                    return new ObservedTransfer(ObservedTransfer.Kind.TRC10, address(t.getOwnerAddress()),
                            optionalAddress(t.getToAddress()), trc10Asset(t.getAssetName()),
                            BigInteger.valueOf(t.getAmount()), inBlock, succeeded, failure, solid);
                }
                case TriggerSmartContract: {
                    Contract.TriggerSmartContract t = c.getParameter().unpack(Contract.TriggerSmartContract.class);
                    ByteString data = t.getData();
                    if (data.size() != 68 || !data.substring(0, 4).equals(Trc20Abi.TRANSFER) || t.getCallValue() != 0
                            || t.getCallTokenValue() != 0 || !Addresses.isValid(t.getContractAddress())) {
                        return other(inBlock, succeeded, failure, solid);
                    }
                    Optional<TronAddress> to = Trc20Abi.decodeAddressWord(data.substring(4, 36))
                            .filter(Addresses::isValid).map(b -> Addresses.fromProto(b, "recipient"));
                    BigInteger amount = Trc20Abi.decodeUint256(data.substring(36, 68));
                    String contract = HEX.formatHex(t.getContractAddress().substring(1).toByteArray());
                    return new ObservedTransfer(ObservedTransfer.Kind.TRC20, address(t.getOwnerAddress()), to,
                            Optional.of("trc20:" + contract), amount, inBlock, succeeded, failure, solid);
                }
                default:
                    return other(inBlock, succeeded, failure, solid);
            }
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            return other(inBlock, succeeded, failure, solid);
        }
    }

    private static String failureOf(Chain.Transaction tx, Response.TransactionInfo info) {
        Chain.Transaction.Result.contractResult receipt = info.getReceipt().getResult();
        if (info.getResult() == Response.TransactionInfo.code.FAILED) {
            return receipt == Chain.Transaction.Result.contractResult.DEFAULT ? "FAILED" : receipt.name();
        }
        if (receipt != Chain.Transaction.Result.contractResult.DEFAULT
                && receipt != Chain.Transaction.Result.contractResult.SUCCESS) {
            return receipt.name();
        }
        for (Chain.Transaction.Result r : tx.getRetList()) {
            if (r.getRet() == Chain.Transaction.Result.code.FAILED) {
                return "FAILED";
            }
            Chain.Transaction.Result.contractResult cr = r.getContractRet();
            if (cr != Chain.Transaction.Result.contractResult.DEFAULT
                    && cr != Chain.Transaction.Result.contractResult.SUCCESS) {
                return cr.name();
            }
        }
        return "";
    }

    private static ObservedTransfer other(boolean inBlock, boolean succeeded, String failure,
            boolean solid) {
        return new ObservedTransfer(ObservedTransfer.Kind.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
                BigInteger.ZERO, inBlock, succeeded, failure, solid);
    }

    private static Optional<String> trc10Asset(ByteString name) {
        String id = name.toStringUtf8();
        if (id.isEmpty() || id.length() > 19 || id.charAt(0) == '0' || !id.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return Optional.empty();
        }
        return Optional.of("trc10:" + id);
    }

    private static Optional<TronAddress> address(ByteString raw) {
        return optionalAddress(raw);
    }

    private static Optional<TronAddress> optionalAddress(ByteString raw) {
        return Addresses.isValid(raw) ? Optional.of(Addresses.fromProto(raw, "recipient")) : Optional.empty();
    }

    private WalletGrpc.WalletBlockingStub fullStub() {
        return WalletGrpc.newBlockingStub(full).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private WalletSolidityGrpc.WalletSolidityBlockingStub solidityStub() {
        return WalletSolidityGrpc.newBlockingStub(solidity).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> T call(String what, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (StatusRuntimeException e) {
            String desc = e.getStatus().getDescription();
            throw new NodeException(what + " on " + network.name() + " failed: " + e.getStatus().getCode()
                    + (desc == null ? "" : " (" + desc.replaceAll("[\\r\\n]+", " ") + ")"), e);
        }
    }

    /** Shuts both channels down, waiting up to 5 s each. */
    @Override
    public void close() {
        for (ManagedChannel ch : new ManagedChannel[] {full, solidity}) {
            ch.shutdown();
            try {
                if (!ch.awaitTermination(5, TimeUnit.SECONDS)) {
                    ch.shutdownNow();
                }
            } catch (InterruptedException e) {
                ch.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The node could not be asked or answered nonsense; one line, no secrets. */
    public static final class NodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NodeException(String message) {
            super(message);
        }

        NodeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
