package org.swarmbid.wallet.devnet;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.swarmbid.wallet.asset.Asset;
import org.swarmbid.wallet.tx.Addresses;
import org.swarmbid.wallet.tx.Trc20Abi;
import org.tron.trident.proto.Chain.Transaction.Result.contractResult;
import org.tron.trident.proto.Response;

/**
 * The devnet's built-in TRC-20 BTT token at {@code TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4} (18 decimals, as on mainnet
 * since the 2021 redenomination). It answers the calls of a plain EIP-20 token from its ABI call data, without a
 * TVM: {@code transfer(address,uint256)}, {@code balanceOf(address)}, {@code decimals()}, {@code totalSupply()},
 * {@code name()}, {@code symbol()}. Anything else reverts.
 *
 * <p>Energy is charged as fixed approximations of what such a token costs on TRON (a transfer to an address that
 * already holds tokens about 14,650; to a new holder about 29,650, the extra SSTORE), not metered per opcode.
 */
final class BttLedger {

    /** The mainnet BTT TRC-20 contract address. */
    static final ByteString ADDRESS = Addresses.toProto(Asset.BTT.contract());
    static final int DECIMALS = Asset.BTT.decimals();
    /** 990 trillion BTT, as on mainnet. */
    static final BigInteger TOTAL_SUPPLY = BigInteger.valueOf(990_000_000_000_000L).multiply(BigInteger.TEN.pow(DECIMALS));

    static final long ENERGY_TRANSFER = 14_650;
    static final long ENERGY_TRANSFER_NEW_HOLDER = 29_650;
    static final long ENERGY_VIEW = 500;
    static final long ENERGY_REVERT = 1_200;

    private static final ByteString TOTAL_SUPPLY_SEL = sel("18160ddd");
    private static final ByteString NAME_SEL = sel("06fdde03");
    private static final ByteString SYMBOL_SEL = sel("95d89b41");
    /** keccak256("Transfer(address,address,uint256)"). */
    private static final ByteString TRANSFER_TOPIC =
            sel("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

    /**
     * What a call did.
     *
     * @param result   SUCCESS or REVERT
     * @param returned the ABI-encoded return data (empty on revert)
     * @param energy   energy used
     * @param log      the Transfer event of a successful transfer
     * @param message  why it reverted, or empty
     */
    record Outcome(contractResult result, ByteString returned, long energy, Optional<Response.TransactionInfo.Log> log,
            String message) {
        boolean success() {
            return result == contractResult.SUCCESS;
        }
    }

    private BttLedger() {
    }

    /** Executes a call from {@code caller}; with {@code commit} a successful transfer is written to the store. */
    static Outcome call(DevnetStore store, ByteString caller, ByteString data, long callValue, boolean commit)
            throws SQLException {
        if (callValue != 0) {
            return revert("BTT functions are not payable");
        }
        if (data.size() < 4) {
            return revert("call data shorter than a selector");
        }
        ByteString selector = data.substring(0, 4);
        if (selector.equals(Trc20Abi.DECIMALS) && data.size() == 4) {
            return view(Trc20Abi.uint256Word(BigInteger.valueOf(DECIMALS)));
        }
        if (selector.equals(TOTAL_SUPPLY_SEL) && data.size() == 4) {
            return view(Trc20Abi.uint256Word(TOTAL_SUPPLY));
        }
        if (selector.equals(NAME_SEL) && data.size() == 4) {
            return view(abiString("BitTorrent"));
        }
        if (selector.equals(SYMBOL_SEL) && data.size() == 4) {
            return view(abiString("BTT"));
        }
        if (selector.equals(Trc20Abi.BALANCE_OF) && data.size() == 36) {
            Optional<ByteString> holder = Trc20Abi.decodeAddressWord(data.substring(4, 36));
            if (holder.isEmpty()) {
                return revert("balanceOf: malformed address word");
            }
            return view(Trc20Abi.uint256Word(store.trc20Balance(ADDRESS, holder.get())));
        }
        if (selector.equals(Trc20Abi.TRANSFER) && data.size() == 68) {
            Optional<ByteString> to = Trc20Abi.decodeAddressWord(data.substring(4, 36));
            BigInteger amount = Trc20Abi.decodeUint256(data.substring(36, 68));
            if (to.isEmpty()) {
                return revert("transfer: malformed address word");
            }
            BigInteger fromBalance = store.trc20Balance(ADDRESS, caller);
            if (fromBalance.compareTo(amount) < 0) {
                return revert("transfer amount exceeds balance");
            }
            BigInteger toBalance = store.trc20Balance(ADDRESS, to.get());
            long energy = toBalance.signum() == 0 && !to.get().equals(caller)
                    ? ENERGY_TRANSFER_NEW_HOLDER : ENERGY_TRANSFER;
            if (commit && !to.get().equals(caller)) {
                store.putTrc20Balance(ADDRESS, caller, fromBalance.subtract(amount));
                store.putTrc20Balance(ADDRESS, to.get(), toBalance.add(amount));
            }
            Response.TransactionInfo.Log log = Response.TransactionInfo.Log.newBuilder()
                    .setAddress(ADDRESS.substring(1))
                    .addTopics(TRANSFER_TOPIC)
                    .addTopics(Trc20Abi.addressWord(caller))
                    .addTopics(Trc20Abi.addressWord(to.get()))
                    .setData(Trc20Abi.uint256Word(amount))
                    .build();
            return new Outcome(contractResult.SUCCESS, Trc20Abi.uint256Word(BigInteger.ONE), energy, Optional.of(log),
                    "");
        }
        return revert("unknown function selector " + HexFormat.of().formatHex(selector.toByteArray()));
    }

    private static Outcome view(ByteString word) {
        return new Outcome(contractResult.SUCCESS, word, ENERGY_VIEW, Optional.empty(), "");
    }

    private static Outcome revert(String why) {
        return new Outcome(contractResult.REVERT, ByteString.EMPTY, ENERGY_REVERT, Optional.empty(), why);
    }

    private static ByteString abiString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[(b.length + 31) / 32 * 32];
        System.arraycopy(b, 0, padded, 0, b.length);
        return Trc20Abi.uint256Word(BigInteger.valueOf(32)).concat(Trc20Abi.uint256Word(BigInteger.valueOf(b.length)))
                .concat(ByteString.copyFrom(padded));
    }

    private static ByteString sel(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}
