package org.swarmbid.wallet.chain;

import java.math.BigInteger;
import java.util.Map;
import org.tron.trident.proto.Chain;

/**
 * TRON's resource prices and the arithmetic of bandwidth, energy and account activation, as java-tron's
 * {@code BandwidthProcessor} applies them. Pure: no I/O.
 *
 * <ul>
 *   <li>Bandwidth points of a transaction = serialized size without {@code ret}, plus 64 bytes
 *       ({@code MAX_RESULT_SIZE_IN_TX}) per contract.</li>
 *   <li>Each account has {@code freeNetLimit} (600) free points per 24 h; usage recovers linearly over a 24 h
 *       window. If the free points left cover the whole transaction they are used, otherwise the whole transaction
 *       is paid by burning {@code transactionFee} (1000) sun per byte — the free points are not split.</li>
 *   <li>A TRX or TRC-10 transfer to an address with no account creates it: {@code createNewAccountFeeInSystemContract}
 *       (1 TRX) plus {@code createAccountFee} (0.1 TRX) instead of the byte price.</li>
 *   <li>Energy (smart-contract calls) burns {@code energyFee} sun per unit, capped by the transaction's fee_limit.</li>
 * </ul>
 * Values come from the node's {@code GetChainParameters} at run time; {@link #DEFAULTS} are only a fallback.
 *
 * @param transactionFeeSunPerByte              {@code getTransactionFee}
 * @param freeNetLimit                          {@code getFreeNetLimit}
 * @param createAccountFeeSun                   {@code getCreateAccountFee}
 * @param createNewAccountFeeInSystemContractSun {@code getCreateNewAccountFeeInSystemContract}
 * @param energyFeeSun                          {@code getEnergyFee}
 */
public record FeeSchedule(long transactionFeeSunPerByte, long freeNetLimit, long createAccountFeeSun,
        long createNewAccountFeeInSystemContractSun, long energyFeeSun) {

    /** java-tron's {@code Constant.MAX_RESULT_SIZE_IN_TX}. */
    public static final int MAX_RESULT_SIZE_IN_TX = 64;
    /** The bandwidth recovery window. */
    public static final long WINDOW_MILLIS = 24L * 60 * 60 * 1000;
    /** Mainnet values at the time of writing (free bandwidth 600/day, 1000 sun/byte, 210 sun/energy). */
    public static final FeeSchedule DEFAULTS = new FeeSchedule(1000, 600, 100_000, 1_000_000, 210);

    public FeeSchedule {
        if (transactionFeeSunPerByte < 0 || freeNetLimit < 0 || createAccountFeeSun < 0
                || createNewAccountFeeInSystemContractSun < 0 || energyFeeSun < 0) {
            throw new IllegalArgumentException("fees must not be negative");
        }
    }

    /** Reads the schedule from {@code GetChainParameters} key/values, with {@link #DEFAULTS} for absent keys. */
    public static FeeSchedule fromChainParameters(Map<String, Long> p) {
        return new FeeSchedule(
                p.getOrDefault("getTransactionFee", DEFAULTS.transactionFeeSunPerByte),
                p.getOrDefault("getFreeNetLimit", DEFAULTS.freeNetLimit),
                p.getOrDefault("getCreateAccountFee", DEFAULTS.createAccountFeeSun),
                p.getOrDefault("getCreateNewAccountFeeInSystemContract", DEFAULTS.createNewAccountFeeInSystemContractSun),
                p.getOrDefault("getEnergyFee", DEFAULTS.energyFeeSun));
    }

    /** The schedule as {@code GetChainParameters} key/values. */
    public Map<String, Long> asChainParameters() {
        return Map.of("getTransactionFee", transactionFeeSunPerByte, "getFreeNetLimit", freeNetLimit,
                "getCreateAccountFee", createAccountFeeSun,
                "getCreateNewAccountFeeInSystemContract", createNewAccountFeeInSystemContractSun,
                "getEnergyFee", energyFeeSun);
    }

    /** Bandwidth points a transaction consumes: size without {@code ret} + 64 per contract. */
    public static long bandwidthBytes(Chain.Transaction tx) {
        int size = tx.getRetCount() == 0 ? tx.getSerializedSize() : tx.toBuilder().clearRet().build().getSerializedSize();
        return size + (long) MAX_RESULT_SIZE_IN_TX * tx.getRawData().getContractCount();
    }

    /** Sun burnt for {@code bytes} of bandwidth when {@code freeLeft} free points remain. */
    public long bandwidthBurn(long bytes, long freeLeft) {
        return freeLeft >= bytes ? 0 : Math.multiplyExact(bytes, transactionFeeSunPerByte);
    }

    /** Sun charged for creating the recipient's account with a TRX or TRC-10 transfer. */
    public long activationFee() {
        return Math.addExact(createAccountFeeSun, createNewAccountFeeInSystemContractSun);
    }

    /** Sun burnt for {@code energy} units. */
    public long energyBurn(long energy) {
        return Math.multiplyExact(energy, energyFeeSun);
    }

    /** Free bandwidth left at {@code nowMillis} for an account that had {@code usage} at {@code lastMillis}. */
    public long freeBandwidthLeft(long usage, long lastMillis, long nowMillis) {
        return Math.max(0, freeNetLimit - recoveredUsage(usage, lastMillis, nowMillis));
    }

    /** Usage decays linearly to zero over {@link #WINDOW_MILLIS}. */
    public static long recoveredUsage(long usage, long lastMillis, long nowMillis) {
        long elapsed = Math.max(0, nowMillis - lastMillis);
        if (usage <= 0 || elapsed >= WINDOW_MILLIS) {
            return 0;
        }
        return BigInteger.valueOf(usage).multiply(BigInteger.valueOf(WINDOW_MILLIS - elapsed))
                .divide(BigInteger.valueOf(WINDOW_MILLIS)).longValueExact();
    }
}
