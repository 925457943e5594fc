package org.swarmbid.wallet.devnet;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tron.trident.api.GrpcAPI;
import org.tron.trident.api.WalletGrpc;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;
import org.tron.trident.proto.Response;

/**
 * The full node's {@code protocol.Wallet} gRPC service, the subset the wallet and Trident's {@code ApiWrapper} use.
 * Every other method answers {@code UNIMPLEMENTED}, as the generated base class does.
 */
final class FullNodeService extends WalletGrpc.WalletImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(FullNodeService.class);
    /** Longest TRC-10 id accepted in a query (int64 in decimal). */
    private static final int MAX_TOKEN_ID_LENGTH = 19;

    private final DevnetNode node;

    FullNodeService(DevnetNode node) {
        this.node = node;
    }

    @Override
    public void broadcastTransaction(Chain.Transaction request, StreamObserver<Response.TransactionReturn> out) {
        answer(out, () -> node.broadcast(request));
    }

    @Override
    public void getAccount(GrpcAPI.AccountAddressMessage request, StreamObserver<Response.Account> out) {
        answer(out, () -> node.account(request.getAddress()));
    }

    @Override
    public void getAccountNet(GrpcAPI.AccountAddressMessage request, StreamObserver<Response.AccountNetMessage> out) {
        answer(out, () -> node.accountNet(request.getAddress()));
    }

    @Override
    public void getAssetIssueById(GrpcAPI.BytesMessage request, StreamObserver<Contract.AssetIssueContract> out) {
        answer(out, () -> assetIssue(node, request.getValue()));
    }

    @Override
    public void getChainParameters(GrpcAPI.EmptyMessage request, StreamObserver<Response.ChainParameters> out) {
        answer(out, node::chainParameters);
    }

    @Override
    public void getNowBlock(GrpcAPI.EmptyMessage request, StreamObserver<Chain.Block> out) {
        answer(out, node::headBlock);
    }

    @Override
    public void getNowBlock2(GrpcAPI.EmptyMessage request, StreamObserver<Response.BlockExtention> out) {
        answer(out, () -> node.extention(node.headBlock()));
    }

    @Override
    public void getBlockByNum(GrpcAPI.NumberMessage request, StreamObserver<Chain.Block> out) {
        answer(out, () -> node.block(request.getNum()).orElse(Chain.Block.getDefaultInstance()));
    }

    @Override
    public void getBlockByNum2(GrpcAPI.NumberMessage request, StreamObserver<Response.BlockExtention> out) {
        answer(out, () -> node.block(request.getNum()).map(node::extention)
                .orElse(Response.BlockExtention.getDefaultInstance()));
    }

    @Override
    public void getTransactionById(GrpcAPI.BytesMessage request, StreamObserver<Chain.Transaction> out) {
        answer(out, () -> node.packed(request.getValue(), false).map(DevnetStore.TxRow::transaction)
                .orElse(Chain.Transaction.getDefaultInstance()));
    }

    @Override
    public void getTransactionInfoById(GrpcAPI.BytesMessage request, StreamObserver<Response.TransactionInfo> out) {
        answer(out, () -> node.packed(request.getValue(), false).map(DevnetStore.TxRow::info)
                .orElse(Response.TransactionInfo.getDefaultInstance()));
    }

    @Override
    public void triggerConstantContract(Contract.TriggerSmartContract request,
            StreamObserver<Response.TransactionExtention> out) {
        answer(out, () -> node.constantCall(request));
    }

    @Override
    public void estimateEnergy(Contract.TriggerSmartContract request,
            StreamObserver<Response.EstimateEnergyMessage> out) {
        answer(out, () -> {
            Response.TransactionExtention ext = node.constantCall(request);
            return Response.EstimateEnergyMessage.newBuilder().setResult(ext.getResult())
                    .setEnergyRequired(ext.getEnergyUsed()).build();
        });
    }

    static Contract.AssetIssueContract assetIssue(DevnetNode node, ByteString id) {
        if (id.size() > MAX_TOKEN_ID_LENGTH) {
            return Contract.AssetIssueContract.getDefaultInstance();
        }
        return node.asset(id.toString(StandardCharsets.UTF_8)).orElse(Contract.AssetIssueContract.getDefaultInstance());
    }

    /** Runs {@code body} and completes the call; a failure becomes {@code INTERNAL} with a one-line description. */
    static <T> void answer(StreamObserver<T> out, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            LOG.error("devnet call failed", e);
            out.onError(Status.INTERNAL.withDescription("devnet: " + e.getMessage()).asRuntimeException());
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }
}
