package org.swarmbid.wallet.chain;

/**
 * What a transaction is expected to burn, all in sun.
 *
 * @param bandwidthBytes     bandwidth points it consumes (see {@link FeeSchedule#bandwidthBytes})
 * @param freeBandwidthLeft  the sender's free bandwidth left today
 * @param bandwidthBurnSun   sun burnt for bandwidth (0 if the free allowance covers it)
 * @param energyUsed         energy a contract call uses (0 for TRX/TRC-10)
 * @param energyBurnSun      sun burnt for that energy
 * @param activationSun      sun charged for creating the recipient's account (0 if it exists)
 */
public record FeeEstimate(long bandwidthBytes, long freeBandwidthLeft, long bandwidthBurnSun, long energyUsed,
        long energyBurnSun, long activationSun) {

    /** Everything the sender pays on top of the amount. */
    public long totalSun() {
        return Math.addExact(Math.addExact(bandwidthBurnSun, energyBurnSun), activationSun);
    }
}
