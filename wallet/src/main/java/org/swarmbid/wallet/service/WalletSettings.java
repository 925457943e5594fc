package org.swarmbid.wallet.service;

import java.util.Optional;
import java.util.Properties;
import org.swarmbid.wallet.chain.Network;

/**
 * The wallet folder's {@code settings.properties}: which network the wallet uses and, optionally, other node
 * endpoints than the preset's. The API key is never stored here.
 *
 * <pre>
 *   network=devnet                     devnet | nile | shasta | mainnet
 *   full-node=127.0.0.1:50051          optional
 *   solidity-node=127.0.0.1:50061      optional
 * </pre>
 *
 * @param network      a preset name ({@link Network#PRESET_NAMES})
 * @param fullNode     full-node endpoint replacing the preset's
 * @param solidityNode solidity-node endpoint replacing the preset's
 */
public record WalletSettings(String network, Optional<String> fullNode, Optional<String> solidityNode) {

    public WalletSettings {
        Network.preset(network);
        fullNode = fullNode == null ? Optional.empty() : fullNode;
        solidityNode = solidityNode == null ? Optional.empty() : solidityNode;
        resolveEndpoints(Network.preset(network), fullNode, solidityNode);
    }

    /** The devnet preset, no overrides. */
    public static WalletSettings defaults() {
        return new WalletSettings("devnet", Optional.empty(), Optional.empty());
    }

    /** The network these settings name, with their endpoints and no API key. */
    public Network toNetwork() {
        return resolveEndpoints(Network.preset(network), fullNode, solidityNode);
    }

    /**
     * {@code base} with the given endpoints. A full node without a solidity node gets the same host with the port
     * plus 10 (java-tron's default layout, 50051 and 50061).
     */
    static Network resolveEndpoints(Network base, Optional<String> fullNode, Optional<String> solidityNode) {
        if (fullNode.isEmpty() && solidityNode.isEmpty()) {
            return base;
        }
        String full = fullNode.orElse(base.fullNode());
        String solidity = solidityNode.orElseGet(() -> fullNode.map(WalletSettings::plusTen).orElse(base.solidityNode()));
        return base.withEndpoints(full, solidity);
    }

    private static String plusTen(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            return endpoint;
        }
        try {
            int port = Integer.parseInt(endpoint.substring(colon + 1));
            return endpoint.substring(0, colon + 1) + (port + 10);
        } catch (NumberFormatException e) {
            return endpoint;
        }
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("network", network);
        fullNode.ifPresent(v -> p.setProperty("full-node", v));
        solidityNode.ifPresent(v -> p.setProperty("solidity-node", v));
        return p;
    }

    /**
     * Reads settings written by {@link #toProperties()}.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static WalletSettings fromProperties(Properties p) {
        return new WalletSettings(p.getProperty("network", "devnet"),
                Optional.ofNullable(p.getProperty("full-node")), Optional.ofNullable(p.getProperty("solidity-node")));
    }
}
