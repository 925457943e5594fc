package org.swarmbid.wallet.tx;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import org.swarmbid.wallet.key.TronAddress;
import org.tron.trident.proto.Chain.Transaction.Contract.ContractType;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;

/**
 * Builds unsigned transactions offline from a {@link Transfer} and {@link TxParams}: no node is asked, so what is
 * signed is exactly what was built here (a node's "create transaction" API is never trusted to fill in the contract).
 *
 * <p>The contract parameter is packed as {@code Any} with the type URL
 * {@code type.googleapis.com/protocol.<ContractName>}, the form every TRON node and signer uses.
 */
public final class TransferBuilder {

    private TransferBuilder() {
    }

    /** Builds the unsigned transaction for {@code transfer}; {@code params.feeLimitSun} applies to TRC-20 only. */
    public static Chain.Transaction build(Transfer transfer, TxParams params) {
        if (transfer instanceof Transfer.Trx trx) {
            Contract.TransferContract c = Contract.TransferContract.newBuilder()
                    .setOwnerAddress(Addresses.toProto(trx.owner()))
                    .setToAddress(Addresses.toProto(trx.recipient()))
                    .setAmount(trx.amount().longValueExact())
                    .build();
            return assemble(ContractType.TransferContract, c, params, 0);
        }
        if (transfer instanceof Transfer.Trc10 trc10) {
            Contract.TransferAssetContract c = Contract.TransferAssetContract.newBuilder()
                    .setAssetName(trc10.assetName())
                    .setOwnerAddress(Addresses.toProto(trc10.owner()))
                    .setToAddress(Addresses.toProto(trc10.recipient()))
                    .setAmount(trc10.amount().longValueExact())
                    .build();
            return assemble(ContractType.TransferAssetContract, c, params, 0);
        }
        Transfer.Trc20 trc20 = (Transfer.Trc20) transfer;
        return triggerSmartContract(trc20.owner(), trc20.contract(),
                Trc20Abi.transfer(Addresses.toProto(trc20.recipient()), trc20.amount()), params);
    }

    /**
     * Builds an unsigned {@code TriggerSmartContract} with arbitrary call data and no call value. The fee limit of
     * {@code params} is written (and must be positive: a node refuses a contract call without one).
     */
    public static Chain.Transaction triggerSmartContract(TronAddress owner, TronAddress contract, ByteString data,
            TxParams params) {
        Contract.TriggerSmartContract c = Contract.TriggerSmartContract.newBuilder()
                .setOwnerAddress(Addresses.toProto(owner))
                .setContractAddress(Addresses.toProto(contract))
                .setData(data)
                .build();
        return assemble(ContractType.TriggerSmartContract, c, params, params.feeLimitSun());
    }

    private static Chain.Transaction assemble(ContractType type, Message parameter, TxParams params, long feeLimit) {
        Chain.Transaction.raw.Builder raw = Chain.Transaction.raw.newBuilder()
                .setRefBlockBytes(params.refBlock().bytes())
                .setRefBlockHash(params.refBlock().hash())
                .setExpiration(params.expirationMillis())
                .addContract(Chain.Transaction.Contract.newBuilder()
                        .setType(type)
                        .setParameter(Any.pack(parameter, "type.googleapis.com")))
                .setTimestamp(params.timestampMillis());
        if (feeLimit > 0) {
            raw.setFeeLimit(feeLimit);
        }
        return Chain.Transaction.newBuilder().setRawData(raw).build();
    }
}
