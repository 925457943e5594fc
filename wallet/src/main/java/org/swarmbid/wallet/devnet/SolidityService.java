package org.swarmbid.wallet.devnet;

import io.grpc.stub.StreamObserver;
import org.tron.trident.api.GrpcAPI;
import org.tron.trident.api.WalletSolidityGrpc;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;
import org.tron.trident.proto.Response;

/**
 * The solidity node's {@code protocol.WalletSolidity} gRPC service: blocks and transactions only up to the solidified
 * head ({@code head - solidLag}). Account queries answer from the current state (the devnet keeps no per-block state
 * snapshots).
 */
final class SolidityService extends WalletSolidityGrpc.WalletSolidityImplBase {

    private final DevnetNode node;

    SolidityService(DevnetNode node) {
        this.node = node;
    }

    @Override
    public void getAccount(GrpcAPI.AccountAddressMessage request, StreamObserver<Response.Account> out) {
        FullNodeService.answer(out, () -> node.account(request.getAddress()));
    }

    @Override
    public void getAssetIssueById(GrpcAPI.BytesMessage request, StreamObserver<Contract.AssetIssueContract> out) {
        FullNodeService.answer(out, () -> FullNodeService.assetIssue(node, request.getValue()));
    }

    @Override
    public void getNowBlock(GrpcAPI.EmptyMessage request, StreamObserver<Chain.Block> out) {
        FullNodeService.answer(out, () -> node.block(node.solidNumber()).orElseThrow());
    }

    @Override
    public void getNowBlock2(GrpcAPI.EmptyMessage request, StreamObserver<Response.BlockExtention> out) {
        FullNodeService.answer(out, () -> node.extention(node.block(node.solidNumber()).orElseThrow()));
    }

    @Override
    public void getBlockByNum(GrpcAPI.NumberMessage request, StreamObserver<Chain.Block> out) {
        FullNodeService.answer(out, () -> solid(request.getNum()) ? node.block(request.getNum()).orElseThrow()
                : Chain.Block.getDefaultInstance());
    }

    @Override
    public void getBlockByNum2(GrpcAPI.NumberMessage request, StreamObserver<Response.BlockExtention> out) {
        FullNodeService.answer(out, () -> solid(request.getNum())
                ? node.extention(node.block(request.getNum()).orElseThrow())
                : Response.BlockExtention.getDefaultInstance());
    }

    @Override
    public void getTransactionById(GrpcAPI.BytesMessage request, StreamObserver<Chain.Transaction> out) {
        FullNodeService.answer(out, () -> node.packed(request.getValue(), true).map(DevnetStore.TxRow::transaction)
                .orElse(Chain.Transaction.getDefaultInstance()));
    }

    @Override
    public void getTransactionInfoById(GrpcAPI.BytesMessage request, StreamObserver<Response.TransactionInfo> out) {
        FullNodeService.answer(out, () -> node.packed(request.getValue(), true).map(DevnetStore.TxRow::info)
                .orElse(Response.TransactionInfo.getDefaultInstance()));
    }

    @Override
    public void triggerConstantContract(Contract.TriggerSmartContract request,
            StreamObserver<Response.TransactionExtention> out) {
        FullNodeService.answer(out, () -> node.constantCall(request));
    }

    private boolean solid(long number) {
        return number >= 0 && number <= node.solidNumber();
    }
}
