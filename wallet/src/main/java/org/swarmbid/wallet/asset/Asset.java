package org.swarmbid.wallet.asset;

import java.math.BigInteger;
import org.swarmbid.wallet.key.TronAddress;

/**
 * Something the wallet can hold and send, with its number of decimals (base units per whole unit = 10^decimals)
 * and the largest amount in base units the chain can represent.
 */
public sealed interface Asset permits Asset.Trx, Asset.Trc20, Asset.Trc10 {
    /** Native TRX: 6 decimals (1 TRX = 1,000,000 sun). */
    Trx TRX = new Trx();
    /** BTT on TRON since the 2021 redenomination: TRC-20, 18 decimals. */
    Trc20 BTT = new Trc20(TronAddress.fromBase58("TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4"), "BTT", 18);
    /** Token id of the original (2019) BTT, a TRC-10 token. */
    String BTT_OLD_TOKEN_ID = "1002000";
    /** 2^256 - 1: the largest uint256 (TRC-20 balances and amounts). */
    BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    /** 2^63 - 1: the largest int64 (TRX in sun and TRC-10 amounts are protobuf int64). */
    BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * Legacy BTT (TRC-10 id 1002000) with the precision read from the chain ({@code GetAssetIssueById}).
     *
     * @throws IllegalArgumentException if the precision is outside TRC-10's 0..6
     */
    static Trc10 bttOld(int precisionFromChain) {
        return new Trc10(BTT_OLD_TOKEN_ID, "BTTOLD", precisionFromChain);
    }

    /** Short ticker, e.g. "TRX". */
    String symbol();

    /** Decimal places of one whole unit. */
    int decimals();

    /** Largest representable amount in base units. */
    BigInteger maxUnits();

    /** Native TRX. Use {@link #TRX}. */
    record Trx() implements Asset {
        /** Sun per TRX. */
        public static final long SUN_PER_TRX = 1_000_000L;

        @Override
        public String symbol() {
            return "TRX";
        }

        @Override
        public int decimals() {
            return 6;
        }

        @Override
        public BigInteger maxUnits() {
            return INT64_MAX;
        }
    }

    /**
     * A TRC-20 token contract.
     *
     * @param contract the token contract address
     * @param symbol ticker (1..16 printable ASCII characters)
     * @param decimals 0..77 (uint256 has 78 decimal digits)
     */
    record Trc20(TronAddress contract, String symbol, int decimals) implements Asset {
        public Trc20 {
            checkSymbol(symbol);
            if (decimals < 0 || decimals > 77) {
                throw new IllegalArgumentException("TRC-20 decimals must be 0..77, got " + decimals);
            }
        }

        @Override
        public BigInteger maxUnits() {
            return UINT256_MAX;
        }
    }

    /**
     * A TRC-10 token.
     *
     * @param tokenId the numeric token id as text (e.g. "1002000")
     * @param symbol ticker
     * @param decimals the token's precision, 0..6
     */
    record Trc10(String tokenId, String symbol, int decimals) implements Asset {
        public Trc10 {
            if (tokenId.isEmpty() || tokenId.length() > 19 || !tokenId.chars().allMatch(c -> c >= '0' && c <= '9')
                    || tokenId.charAt(0) == '0') {
                throw new IllegalArgumentException("TRC-10 token id must be a positive decimal number");
            }
            checkSymbol(symbol);
            if (decimals < 0 || decimals > 6) {
                throw new IllegalArgumentException("TRC-10 precision must be 0..6, got " + decimals);
            }
        }

        @Override
        public BigInteger maxUnits() {
            return INT64_MAX;
        }
    }

    private static void checkSymbol(String symbol) {
        if (symbol.isEmpty() || symbol.length() > 16 || !symbol.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("asset symbol must be 1..16 printable ASCII characters");
        }
    }
}
