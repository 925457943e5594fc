package org.swarmbid.ext.btt.plugin;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.port.ChainStatus;
import org.swarmbid.bidding.port.SettlementPort;
import org.swarmbid.bidding.port.SettlementRequest;
import org.swarmbid.bidding.port.TransferClaim;

/**
 * <b>Test double</b> of the chain behind {@link SettlementPort}, shared by every engine of a test: it is not the
 * wallet (the wallet-backed port and its devnet tests live in app). It behaves like the chain as the plugin sees
 * it: {@code transfer} records a transfer under a fresh 32-byte txid (idempotent on the settlement id, like the
 * wallet adapter must be), each {@code status} poll moves it one step BROADCAST, IN_BLOCK, SOLID, and
 * {@code verifyIncoming} is SOLID only for a recorded, solidified transfer whose payer, payee, asset, chain and
 * amount all match the claim (FAILED for anything else, an intermediate status while it is not yet solid).
 */
final class ChainDouble implements SettlementPort {
    record Transfer(String txid, Account account, BigInteger amount) {
    }

    private final Map<String, Transfer> byTxid = new ConcurrentHashMap<>();
    private final Map<String, ChainStatus> status = new ConcurrentHashMap<>();
    private final Map<String, String> byRequest = new ConcurrentHashMap<>();
    final List<Transfer> transfers = new CopyOnWriteArrayList<>();
    final AtomicInteger verifications = new AtomicInteger();

    @Override
    public synchronized CompletableFuture<String> transfer(SettlementRequest r) {
        String key = r.account().payer() + "/" + r.settlementId();
        String existing = byRequest.get(key);
        if (existing != null) {
            return CompletableFuture.completedFuture(existing);
        }
        String txid = txid(key + "/" + r.amount());
        Transfer t = new Transfer(txid, r.account(), r.amount());
        byTxid.put(txid, t);
        status.put(txid, ChainStatus.BROADCAST);
        byRequest.put(key, txid);
        transfers.add(t);
        return CompletableFuture.supplyAsync(() -> txid);
    }

    @Override
    public CompletableFuture<ChainStatus> status(String txid) {
        ChainStatus s = status.computeIfPresent(txid, (k, v) -> v == ChainStatus.BROADCAST ? ChainStatus.IN_BLOCK
                : ChainStatus.SOLID);
        return CompletableFuture.supplyAsync(() -> s == null ? ChainStatus.FAILED : s);
    }

    @Override
    public CompletableFuture<ChainStatus> verifyIncoming(TransferClaim claim) {
        verifications.incrementAndGet();
        Transfer t = byTxid.get(claim.txid());
        ChainStatus s;
        if (t == null || !t.account().equals(claim.account()) || !t.amount().equals(claim.amount())) {
            s = ChainStatus.FAILED;
        } else {
            s = status.get(claim.txid());
        }
        return CompletableFuture.supplyAsync(() -> s);
    }

    /** Sum of transfers between the two parties of {@code account}. */
    BigInteger total(Account account) {
        BigInteger sum = BigInteger.ZERO;
        for (Transfer t : new ArrayList<>(transfers)) {
            if (t.account().equals(account)) {
                sum = sum.add(t.amount());
            }
        }
        return sum;
    }

    private static String txid(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
