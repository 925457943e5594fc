package org.swarmbid.wallet.devnet;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.wallet.chain.FeeSchedule;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.RecoverableSignature;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.key.TronAddress;
import org.swarmbid.wallet.tx.Addresses;
import org.swarmbid.wallet.tx.SignedTransaction;
import org.swarmbid.wallet.tx.TxParams;
import org.tron.trident.proto.Chain.Transaction.Result.contractResult;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;
import org.tron.trident.proto.Response.TransactionReturn.response_code;
import org.tron.trident.proto.Response;

/**
 * The devnet's consensus-free node: validates and executes transactions the way a java-tron full node does at
 * broadcast (size, expiration window, TaPoS, duplicate, signature, contract validation, bandwidth and energy), keeps
 * them pending, and packs them into blocks on {@link #produceBlock()}. All state lives in {@link DevnetStore}.
 *
 * <p>Block ids follow TRON: {@code id = number (8 bytes, big-endian) || SHA-256(BlockHeader.raw)[8..32)}; the
 * header's {@code txTrieRoot} is a binary SHA-256 Merkle root over the packed transactions (zero for none). Blocks
 * are not witness-signed. Balances change at broadcast (the node's pending state) and stay changed; a block only
 * fixes the transactions' block number and time.
 *
 * <p>Threading: every public method is {@code synchronized}; gRPC handler threads and the block timer share one
 * instance.
 */
final class DevnetNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevnetNode.class);
    private static final HexFormat HEX = HexFormat.of();

    /** java-tron's {@code TRANSACTION_MAX_BYTE_SIZE}. */
    static final int MAX_TRANSACTION_BYTES = 500 * 1024;
    /** Upper bound of {@code fee_limit} on mainnet (15,000 TRX). */
    static final long MAX_FEE_LIMIT = 15_000_000_000L;
    /** Blocks a TaPoS reference may lie back (java-tron's recent-block store holds 65,536). */
    static final int TAPOS_WINDOW = 65_536;
    static final int BLOCK_VERSION = 30;

    private final DevnetStore store;
    private final FeeSchedule fees;
    private final Clock clock;
    private final int solidLag;
    private final ByteString genesis;

    DevnetNode(DevnetStore store, FeeSchedule fees, Clock clock, int solidLag, ByteString genesis,
            List<Contract.AssetIssueContract> assets) throws SQLException {
        this.store = store;
        this.fees = fees;
        this.clock = clock;
        this.solidLag = solidLag;
        this.genesis = genesis;
        if (store.headNumber() < 0) {
            createGenesis(assets);
        }
    }

    // ------------------------------------------------------------------ broadcast

    /** Validates and executes {@code tx}; the answer is what a TRON node's BroadcastTransaction returns. */
    synchronized Response.TransactionReturn broadcast(Chain.Transaction tx) {
        ByteString txid = SignedTransaction.txid(tx);
        try {
            Chain.Block head = headBlock();
            long headTime = head.getBlockHeader().getRawData().getTimestamp();
            validateCommon(tx, headTime);
            validateTapos(tx.getRawData());
            if (store.hasTransaction(txid)) {
                throw new Rejection(response_code.DUP_TRANSACTION_ERROR,
                        "Duplicate transaction: " + hex(txid) + " is already known");
            }
            Chain.Transaction.Contract contract = tx.getRawData().getContract(0);
            validateSignature(tx, txid, ownerOf(contract));
            Executed done = execute(tx, contract);
            Response.TransactionInfo info = done.info.toBuilder().setId(txid).build();
            Chain.Transaction body = tx.toBuilder().clearRet().addRet(Chain.Transaction.Result.newBuilder()
                    .setContractRet(done.result)).build();
            store.addPending(txid, body, info);
            store.commit();
            LOG.debug("accepted {} ({}, fee {} sun)", hex(txid), done.result, info.getFee());
            return Response.TransactionReturn.newBuilder().setResult(true).setCode(response_code.SUCCESS).build();
        } catch (Rejection r) {
            store.rollback();
            LOG.debug("rejected {}: {} {}", hex(txid), r.code(), r.getMessage());
            return Response.TransactionReturn.newBuilder().setResult(false).setCode(r.code())
                    .setMessage(ByteString.copyFromUtf8(r.getMessage())).build();
        } catch (SQLException e) {
            store.rollback();
            LOG.error("devnet storage failure on {}", hex(txid), e);
            return Response.TransactionReturn.newBuilder().setResult(false).setCode(response_code.OTHER_ERROR)
                    .setMessage(ByteString.copyFromUtf8("devnet storage failure")).build();
        }
    }

    private void validateCommon(Chain.Transaction tx, long headTime) throws Rejection {
        int size = tx.getSerializedSize();
        if (size > MAX_TRANSACTION_BYTES) {
            throw new Rejection(response_code.TOO_BIG_TRANSACTION_ERROR,
                    "Too big transaction: " + size + " bytes, the limit is " + MAX_TRANSACTION_BYTES);
        }
        Chain.Transaction.raw raw = tx.getRawData();
        if (raw.getContractCount() != 1) {
            throw new Rejection(response_code.CONTRACT_VALIDATE_ERROR,
                    "contract size should be exactly 1, actual: " + raw.getContractCount());
        }
        long expiration = raw.getExpiration();
        if (expiration <= headTime) {
            throw new Rejection(response_code.TRANSACTION_EXPIRATION_ERROR, "Transaction expired: expiration "
                    + expiration + " is not after the head block time " + headTime);
        }
        long max = headTime + TxParams.MAX_EXPIRATION.toMillis();
        if (expiration > max) {
            throw new Rejection(response_code.TRANSACTION_EXPIRATION_ERROR, "Transaction expiration " + expiration
                    + " is more than 24 h after the head block time " + headTime);
        }
    }

    private void validateTapos(Chain.Transaction.raw raw) throws Rejection, SQLException {
        ByteString refBytes = raw.getRefBlockBytes();
        ByteString refHash = raw.getRefBlockHash();
        if (refBytes.size() != 2 || refHash.size() != 8) {
            throw new Rejection(response_code.TAPOS_ERROR, "TaPoS check failed: ref_block_bytes must be 2 bytes and"
                    + " ref_block_hash 8 bytes, got " + refBytes.size() + " and " + refHash.size());
        }
        long low = ((refBytes.byteAt(0) & 0xffL) << 8) | (refBytes.byteAt(1) & 0xffL);
        long head = store.headNumber();
        long candidate = head - Math.floorMod(head - low, TAPOS_WINDOW);
        Optional<ByteString> id = candidate < 0 ? Optional.empty() : store.blockId(candidate);
        if (id.isEmpty()) {
            throw new Rejection(response_code.TAPOS_ERROR, "TaPoS check failed: no recent block with ref_block_bytes "
                    + hex(refBytes));
        }
        if (!id.get().substring(8, 16).equals(refHash)) {
            throw new Rejection(response_code.TAPOS_ERROR, "TaPoS check failed: ref_block_hash " + hex(refHash)
                    + " does not match block " + candidate + " (ref_block_bytes " + hex(refBytes) + ", hash "
                    + hex(id.get().substring(8, 16)) + ")");
        }
    }

    private static void validateSignature(Chain.Transaction tx, ByteString txid, ByteString owner) throws Rejection {
        if (tx.getSignatureCount() == 0) {
            throw new Rejection(response_code.SIGERROR, "Validate signature error: transaction is not signed");
        }
        if (tx.getSignatureCount() > 1) {
            throw new Rejection(response_code.SIGERROR, "Validate signature error: " + tx.getSignatureCount()
                    + " signatures, the devnet has no multi-signature permissions");
        }
        TronAddress signer;
        try {
            RecoverableSignature signature = RecoverableSignature.fromBytes(tx.getSignature(0).toByteArray());
            signer = TronAddress.fromPublicKey(Secp256k1.recoverPublicKey(txid.toByteArray(), signature));
        } catch (IllegalArgumentException malformed) {
            throw new Rejection(response_code.SIGERROR, "Validate signature error: malformed signature ("
                    + malformed.getMessage() + ")");
        }
        if (!Addresses.toProto(signer).equals(owner)) {
            throw new Rejection(response_code.SIGERROR, "Validate signature error: signed by "
                    + signer + " but the owner is " + base58(owner));
        }
    }

    private static ByteString ownerOf(Chain.Transaction.Contract contract) throws Rejection {
        ByteString owner = switch (contract.getType()) {
            case TransferContract -> unpack(contract, Contract.TransferContract.class).getOwnerAddress();
            case TransferAssetContract -> unpack(contract, Contract.TransferAssetContract.class).getOwnerAddress();
            case TriggerSmartContract -> unpack(contract, Contract.TriggerSmartContract.class).getOwnerAddress();
            default -> throw new Rejection(response_code.CONTRACT_VALIDATE_ERROR, "The devnet supports"
                    + " TransferContract, TransferAssetContract and TriggerSmartContract, not " + contract.getType());
        };
        if (!Addresses.isValid(owner)) {
            throw new Rejection(response_code.CONTRACT_VALIDATE_ERROR, "Invalid ownerAddress!");
        }
        return owner;
    }

    // ------------------------------------------------------------------ execution

    private record Executed(contractResult result, Response.TransactionInfo info) {
    }

    private record Bandwidth(long bytes, boolean free, long burn) {
    }

    private Executed execute(Chain.Transaction tx, Chain.Transaction.Contract contract)
            throws Rejection, SQLException {
        return switch (contract.getType()) {
            case TransferContract -> transferTrx(tx, unpack(contract, Contract.TransferContract.class));
            case TransferAssetContract -> transferTrc10(tx, unpack(contract, Contract.TransferAssetContract.class));
            default -> trigger(tx, unpack(contract, Contract.TriggerSmartContract.class));
        };
    }

    private Executed transferTrx(Chain.Transaction tx, Contract.TransferContract c) throws Rejection, SQLException {
        ByteString owner = c.getOwnerAddress();
        ByteString to = c.getToAddress();
        if (!Addresses.isValid(to)) {
            throw invalid("Invalid toAddress!");
        }
        if (owner.equals(to)) {
            throw invalid("Cannot transfer TRX to yourself.");
        }
        if (c.getAmount() <= 0) {
            throw invalid("Amount must be greater than 0.");
        }
        DevnetStore.AccountRow from = store.account(owner)
                .orElseThrow(() -> invalid("Validate TransferContract error, no OwnerAccount."));
        Optional<DevnetStore.AccountRow> toRow = store.account(to);
        long now = clock.millis();
        Bandwidth bw = toRow.isPresent() ? bandwidth(from, tx, now) : null;
        long fee = bw != null ? bw.burn : fees.activationFee();
        if (from.balance() < fee || from.balance() - fee < c.getAmount()) {
            throw invalid("Validate TransferContract error, balance is not sufficient: balance " + from.balance()
                    + " sun, amount " + c.getAmount() + " + fee " + fee);
        }
        store.putAccount(charge(from, c.getAmount() + fee, bw, now));
        DevnetStore.AccountRow target = toRow.orElse(new DevnetStore.AccountRow(to, 0, now, 0, 0));
        store.putAccount(new DevnetStore.AccountRow(to, Math.addExact(target.balance(), c.getAmount()),
                target.createTime(), target.freeNetUsage(), target.freeNetTime()));
        return new Executed(contractResult.SUCCESS, transferInfo(bw, fee).build());
    }

    private Executed transferTrc10(Chain.Transaction tx, Contract.TransferAssetContract c)
            throws Rejection, SQLException {
        ByteString owner = c.getOwnerAddress();
        ByteString to = c.getToAddress();
        String tokenId = c.getAssetName().toString(StandardCharsets.UTF_8);
        if (!Addresses.isValid(to)) {
            throw invalid("Invalid toAddress!");
        }
        if (c.getAmount() <= 0) {
            throw invalid("Amount must be greater than 0.");
        }
        if (owner.equals(to)) {
            throw invalid("Cannot transfer asset to yourself.");
        }
        DevnetStore.AccountRow from = store.account(owner).orElseThrow(() -> invalid("No owner account!"));
        if (store.asset(tokenId).isEmpty()) {
            throw invalid("No asset! (TRC-10 id " + truncate(tokenId) + ")");
        }
        long held = store.trc10Balance(owner, tokenId);
        if (held <= 0) {
            throw invalid("assetBalance must be greater than 0.");
        }
        if (held < c.getAmount()) {
            throw invalid("assetBalance is not sufficient: holds " + held + ", sends " + c.getAmount());
        }
        Optional<DevnetStore.AccountRow> toRow = store.account(to);
        long now = clock.millis();
        Bandwidth bw = toRow.isPresent() ? bandwidth(from, tx, now) : null;
        long fee = bw != null ? bw.burn : fees.activationFee();
        if (from.balance() < fee) {
            if (bw == null) {
                throw invalid("Validate TransferAssetActuator error, insufficient fee: creating the recipient's"
                        + " account costs " + fee + " sun, balance " + from.balance());
            }
            throw new Rejection(response_code.BANDWITH_ERROR, "Account resource insufficient error: needs " + fee
                    + " sun for " + bw.bytes + " bytes of bandwidth, balance " + from.balance());
        }
        store.putAccount(charge(from, fee, bw, now));
        if (toRow.isEmpty()) {
            store.putAccount(new DevnetStore.AccountRow(to, 0, now, 0, 0));
        }
        store.putTrc10Balance(owner, tokenId, held - c.getAmount());
        store.putTrc10Balance(to, tokenId, Math.addExact(store.trc10Balance(to, tokenId), c.getAmount()));
        return new Executed(contractResult.SUCCESS, transferInfo(bw, fee).build());
    }

    private Executed trigger(Chain.Transaction tx, Contract.TriggerSmartContract c) throws Rejection, SQLException {
        ByteString owner = c.getOwnerAddress();
        if (!Addresses.isValid(c.getContractAddress()) || !c.getContractAddress().equals(BttLedger.ADDRESS)) {
            throw invalid("No contract or not a valid smart contract");
        }
        long feeLimit = tx.getRawData().getFeeLimit();
        if (feeLimit < 0 || feeLimit > MAX_FEE_LIMIT) {
            throw invalid("feeLimit must be >= 0 and <= " + MAX_FEE_LIMIT);
        }
        DevnetStore.AccountRow from = store.account(owner)
                .orElseThrow(() -> invalid("Validate TriggerSmartContract error, no OwnerAccount."));
        long now = clock.millis();
        Bandwidth bw = bandwidth(from, tx, now);
        if (from.balance() < bw.burn) {
            throw new Rejection(response_code.BANDWITH_ERROR, "Account resource insufficient error: needs "
                    + bw.burn + " sun for " + bw.bytes + " bytes of bandwidth, balance " + from.balance());
        }
        long afterBandwidth = from.balance() - bw.burn;
        BttLedger.Outcome dry = BttLedger.call(store, owner, c.getData(), c.getCallValue(), false);
        long energyFee = fees.energyBurn(dry.energy());
        long affordable = Math.min(feeLimit, afterBandwidth);
        Response.ResourceReceipt.Builder receipt = Response.ResourceReceipt.newBuilder()
                .setNetUsage(bw.free ? bw.bytes : 0).setNetFee(bw.burn);
        Response.TransactionInfo.Builder info = Response.TransactionInfo.newBuilder();
        contractResult result;
        long energyCharged;
        if (energyFee > affordable) {
            long price = Math.max(1, fees.energyFeeSun());
            long energyLimit = affordable / price;
            energyCharged = energyLimit * price;
            result = contractResult.OUT_OF_ENERGY;
            receipt.setEnergyUsageTotal(energyLimit);
            info.setResult(Response.TransactionInfo.code.FAILED).setResMessage(ByteString.copyFromUtf8(
                    "Not enough energy: needs " + dry.energy() + " energy (" + energyFee + " sun), fee_limit "
                            + feeLimit + " sun, balance " + afterBandwidth + " sun"));
        } else if (!dry.success()) {
            energyCharged = energyFee;
            result = contractResult.REVERT;
            receipt.setEnergyUsageTotal(dry.energy());
            info.setResult(Response.TransactionInfo.code.FAILED)
                    .setResMessage(ByteString.copyFromUtf8("REVERT opcode executed: " + dry.message()));
        } else {
            BttLedger.Outcome done = BttLedger.call(store, owner, c.getData(), c.getCallValue(), true);
            energyCharged = energyFee;
            result = contractResult.SUCCESS;
            receipt.setEnergyUsageTotal(done.energy());
            info.addContractResult(done.returned());
            done.log().ifPresent(info::addLog);
        }
        receipt.setEnergyFee(energyCharged).setResult(result);
        long fee = bw.burn + energyCharged;
        DevnetStore.AccountRow fresh = store.account(owner).orElse(from);
        store.putAccount(charge(fresh, fee, bw, now));
        info.setFee(fee).setReceipt(receipt).setContractAddress(c.getContractAddress());
        return new Executed(result, info.build());
    }

    private Bandwidth bandwidth(DevnetStore.AccountRow from, Chain.Transaction tx, long now) {
        long bytes = FeeSchedule.bandwidthBytes(tx);
        long left = fees.freeBandwidthLeft(from.freeNetUsage(), from.freeNetTime(), now);
        long burn = fees.bandwidthBurn(bytes, left);
        return new Bandwidth(bytes, burn == 0, burn);
    }

    private static DevnetStore.AccountRow charge(DevnetStore.AccountRow a, long sun, Bandwidth bw, long now) {
        long usage = a.freeNetUsage();
        long time = a.freeNetTime();
        if (bw != null && bw.free) {
            usage = FeeSchedule.recoveredUsage(usage, time, now) + bw.bytes;
            time = now;
        }
        return new DevnetStore.AccountRow(a.address(), Math.subtractExact(a.balance(), sun), a.createTime(), usage,
                time);
    }

    private Response.TransactionInfo.Builder transferInfo(Bandwidth bw, long fee) {
        Response.ResourceReceipt.Builder receipt = Response.ResourceReceipt.newBuilder()
                .setResult(contractResult.SUCCESS);
        if (bw == null) {
            receipt.setNetFee(fees.createAccountFeeSun());
        } else {
            receipt.setNetUsage(bw.free ? bw.bytes : 0).setNetFee(bw.burn);
        }
        return Response.TransactionInfo.newBuilder().setFee(fee).setReceipt(receipt);
    }

    // ------------------------------------------------------------------ blocks

    /** Packs every pending transaction into a new head block and returns it. */
    synchronized Chain.Block produceBlock() {
        try {
            Chain.Block parent = headBlock();
            long number = parent.getBlockHeader().getRawData().getNumber() + 1;
            ByteString parentId = store.blockId(number - 1).orElseThrow();
            long ts = Math.max(clock.millis(), parent.getBlockHeader().getRawData().getTimestamp() + 1);
            List<DevnetStore.TxRow> pending = store.pending();
            List<Chain.Transaction> bodies = new ArrayList<>();
            for (DevnetStore.TxRow row : pending) {
                bodies.add(row.transaction());
            }
            Chain.Block block = seal(number, ts, parentId, bodies);
            ByteString id = blockId(block);
            store.putBlock(number, id, block);
            for (DevnetStore.TxRow row : pending) {
                store.markPacked(row.info().getId(), number,
                        row.info().toBuilder().setBlockNumber(number).setBlockTimeStamp(ts).build());
            }
            store.commit();
            LOG.debug("block {} with {} transactions", number, bodies.size());
            return block;
        } catch (SQLException e) {
            store.rollback();
            throw new IllegalStateException("devnet storage failure while producing a block", e);
        }
    }

    private Chain.Block seal(long number, long ts, ByteString parentId, List<Chain.Transaction> txs) {
        Chain.BlockHeader.raw raw = Chain.BlockHeader.raw.newBuilder()
                .setTimestamp(ts)
                .setTxTrieRoot(merkleRoot(txs))
                .setParentHash(parentId)
                .setNumber(number)
                .setWitnessAddress(genesis)
                .setVersion(BLOCK_VERSION)
                .build();
        return Chain.Block.newBuilder().addAllTransactions(txs)
                .setBlockHeader(Chain.BlockHeader.newBuilder().setRawData(raw)).build();
    }

    /** {@code number (8 bytes) || SHA-256(header.raw)[8..32)}. */
    static ByteString blockId(Chain.Block block) {
        Chain.BlockHeader.raw raw = block.getBlockHeader().getRawData();
        byte[] id = Hashes.sha256(raw.toByteArray());
        ByteBuffer.wrap(id).putLong(0, raw.getNumber());
        return ByteString.copyFrom(id);
    }

    static ByteString merkleRoot(List<Chain.Transaction> txs) {
        if (txs.isEmpty()) {
            return ByteString.copyFrom(new byte[32]);
        }
        List<byte[]> level = new ArrayList<>();
        for (Chain.Transaction t : txs) {
            level.add(Hashes.sha256(t.toByteArray()));
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                if (i + 1 == level.size()) {
                    next.add(level.get(i));
                } else {
                    byte[] pair = new byte[64];
                    System.arraycopy(level.get(i), 0, pair, 0, 32);
                    System.arraycopy(level.get(i + 1), 0, pair, 32, 32);
                    next.add(Hashes.sha256(pair));
                }
            }
            level = next;
        }
        return ByteString.copyFrom(level.get(0));
    }

    private void createGenesis(List<Contract.AssetIssueContract> assets) throws SQLException {
        long now = clock.millis();
        store.putAccount(new DevnetStore.AccountRow(genesis, Devnet.GENESIS_TRX_SUN, now, 0, 0));
        for (Contract.AssetIssueContract a : assets) {
            store.putAsset(a.toBuilder().setOwnerAddress(genesis).build());
            store.putTrc10Balance(genesis, a.getId(), a.getTotalSupply());
        }
        store.putTrc20Balance(BttLedger.ADDRESS, genesis, BttLedger.TOTAL_SUPPLY);
        Chain.Block block = seal(0, now, ByteString.copyFrom(new byte[32]), List.of());
        store.putBlock(0, blockId(block), block);
        store.commit();
    }

    // ------------------------------------------------------------------ queries

    synchronized long headNumber() {
        return sql(store::headNumber);
    }

    synchronized long solidNumber() {
        return Math.max(0, headNumber() - solidLag);
    }

    synchronized Chain.Block headBlock() {
        return block(headNumber()).orElseThrow();
    }

    synchronized Optional<Chain.Block> block(long number) {
        return sql(() -> store.block(number));
    }

    synchronized Response.BlockExtention extention(Chain.Block block) {
        Response.BlockExtention.Builder b = Response.BlockExtention.newBuilder()
                .setBlockHeader(block.getBlockHeader())
                .setBlockid(blockId(block));
        for (Chain.Transaction t : block.getTransactionsList()) {
            b.addTransactions(Response.TransactionExtention.newBuilder().setTransaction(t)
                    .setTxid(SignedTransaction.txid(t)).setResult(Response.TransactionReturn.newBuilder()
                            .setResult(true)));
        }
        return b.build();
    }

    synchronized Response.Account account(ByteString address) {
        return sql(() -> {
            Optional<DevnetStore.AccountRow> row = store.account(address);
            if (row.isEmpty()) {
                return Response.Account.getDefaultInstance();
            }
            DevnetStore.AccountRow a = row.get();
            Response.Account.Builder b = Response.Account.newBuilder()
                    .setAddress(address)
                    .setBalance(a.balance())
                    .setCreateTime(a.createTime())
                    .setFreeNetUsage(FeeSchedule.recoveredUsage(a.freeNetUsage(), a.freeNetTime(), clock.millis()))
                    .setLatestConsumeFreeTime(a.freeNetTime());
            for (String[] t : store.trc10Balances(address)) {
                b.putAssetV2(t[0], Long.parseLong(t[1]));
            }
            return b.build();
        });
    }

    synchronized Response.AccountNetMessage accountNet(ByteString address) {
        return sql(() -> {
            long used = store.account(address)
                    .map(a -> FeeSchedule.recoveredUsage(a.freeNetUsage(), a.freeNetTime(), clock.millis()))
                    .orElse(0L);
            return Response.AccountNetMessage.newBuilder().setFreeNetUsed(used).setFreeNetLimit(fees.freeNetLimit())
                    .build();
        });
    }

    synchronized Optional<Contract.AssetIssueContract> asset(String id) {
        return sql(() -> store.asset(id));
    }

    synchronized Response.ChainParameters chainParameters() {
        Response.ChainParameters.Builder b = Response.ChainParameters.newBuilder();
        fees.asChainParameters().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> b
                .addChainParameter(Response.ChainParameters.ChainParameter.newBuilder().setKey(e.getKey())
                        .setValue(e.getValue())));
        return b.build();
    }

    /** A read-only contract call (TriggerConstantContract / EstimateEnergy). */
    synchronized Response.TransactionExtention constantCall(Contract.TriggerSmartContract c) {
        Response.TransactionExtention.Builder ext = Response.TransactionExtention.newBuilder();
        if (!c.getContractAddress().equals(BttLedger.ADDRESS)) {
            return ext.setResult(Response.TransactionReturn.newBuilder().setResult(false)
                    .setCode(response_code.CONTRACT_VALIDATE_ERROR)
                    .setMessage(ByteString.copyFromUtf8("No contract or not a valid smart contract"))).build();
        }
        BttLedger.Outcome o = sql(() -> BttLedger.call(store, c.getOwnerAddress(), c.getData(), c.getCallValue(),
                false));
        ext.setEnergyUsed(o.energy());
        if (!o.success()) {
            return ext.setResult(Response.TransactionReturn.newBuilder().setResult(false)
                    .setCode(response_code.CONTRACT_EXE_ERROR)
                    .setMessage(ByteString.copyFromUtf8("REVERT opcode executed: " + o.message()))).build();
        }
        return ext.addConstantResult(o.returned())
                .setResult(Response.TransactionReturn.newBuilder().setResult(true)).build();
    }

    /** A packed transaction (pending ones are not returned, as on a real node); solid ones only if asked. */
    synchronized Optional<DevnetStore.TxRow> packed(ByteString txid, boolean solidOnly) {
        if (txid.size() != 32) {
            return Optional.empty();
        }
        long limit = solidOnly ? solidNumber() : headNumber();
        return sql(() -> store.transaction(txid))
                .filter(r -> r.blockNumber() >= 0 && r.blockNumber() <= limit);
    }

    // ------------------------------------------------------------------ faucet

    /** Moves {@code sun} from the genesis account to {@code to}, creating its account. */
    synchronized void faucetTrx(ByteString to, long sun) {
        positive(sun);
        sqlTx(() -> {
            DevnetStore.AccountRow g = store.account(genesis).orElseThrow();
            if (g.balance() < sun) {
                throw new IllegalStateException("genesis account holds only " + g.balance() + " sun");
            }
            store.putAccount(new DevnetStore.AccountRow(genesis, g.balance() - sun, g.createTime(), g.freeNetUsage(),
                    g.freeNetTime()));
            DevnetStore.AccountRow t = store.account(to).orElse(new DevnetStore.AccountRow(to, 0, clock.millis(), 0, 0));
            store.putAccount(new DevnetStore.AccountRow(to, Math.addExact(t.balance(), sun), t.createTime(),
                    t.freeNetUsage(), t.freeNetTime()));
        });
    }

    /** Moves TRC-10 {@code tokenId} from genesis to {@code to}, creating its account. */
    synchronized void faucetTrc10(ByteString to, String tokenId, long amount) {
        positive(amount);
        sqlTx(() -> {
            long g = store.trc10Balance(genesis, tokenId);
            if (g < amount) {
                throw new IllegalStateException("genesis holds only " + g + " of TRC-10 " + tokenId);
            }
            if (store.account(to).isEmpty()) {
                store.putAccount(new DevnetStore.AccountRow(to, 0, clock.millis(), 0, 0));
            }
            store.putTrc10Balance(genesis, tokenId, g - amount);
            store.putTrc10Balance(to, tokenId, Math.addExact(store.trc10Balance(to, tokenId), amount));
        });
    }

    /** Moves TRC-20 BTT base units from genesis to {@code to} (no TRON account is created, as with a real token). */
    synchronized void faucetBtt(ByteString to, BigInteger amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        sqlTx(() -> {
            BigInteger g = store.trc20Balance(BttLedger.ADDRESS, genesis);
            if (g.compareTo(amount) < 0) {
                throw new IllegalStateException("genesis holds only " + g + " BTT base units");
            }
            store.putTrc20Balance(BttLedger.ADDRESS, genesis, g.subtract(amount));
            store.putTrc20Balance(BttLedger.ADDRESS, to, store.trc20Balance(BttLedger.ADDRESS, to).add(amount));
        });
    }

    @Override
    public synchronized void close() throws SQLException {
        store.close();
    }

    // ------------------------------------------------------------------ helpers

    private static <T extends Message> T unpack(Chain.Transaction.Contract contract, Class<T> type) throws Rejection {
        Any parameter = contract.getParameter();
        try {
            return parameter.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw invalid("contract parameter is not a valid " + type.getSimpleName());
        }
    }

    private static Rejection invalid(String message) {
        return new Rejection(response_code.CONTRACT_VALIDATE_ERROR, message);
    }

    private static void positive(long v) {
        if (v <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }

    private static String truncate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "..." : s;
    }

    static String base58(ByteString address) {
        return Addresses.describe(address);
    }

    private static String hex(ByteString b) {
        return HEX.formatHex(b.toByteArray());
    }

    @FunctionalInterface
    private interface SqlBody<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static <T> T sql(SqlBody<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new IllegalStateException("devnet storage failure", e);
        }
    }

    private void sqlTx(SqlAction body) {
        try {
            body.run();
            store.commit();
        } catch (SQLException e) {
            store.rollback();
            throw new IllegalStateException("devnet storage failure", e);
        } catch (RuntimeException e) {
            store.rollback();
            throw e;
        }
    }
}
