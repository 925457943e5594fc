package org.swarmbid.wallet.chain;

import java.util.List;
import java.util.Optional;

/**
 * Where a TRON network's nodes listen: a full node and a solidity node gRPC endpoint ({@code host:port}), and an
 * optional TronGrid API key. Presets are defaults, every field can be replaced.
 *
 * @param name          a label for logs and the UI
 * @param fullNode      full-node gRPC endpoint, {@code host:port}
 * @param solidityNode  solidity-node gRPC endpoint, {@code host:port}
 * @param apiKey        TronGrid API key, sent as {@code TRON-PRO-API-KEY}; never printed
 */
public record Network(String name, String fullNode, String solidityNode, Optional<String> apiKey) {

    public Network {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("network name is required");
        }
        checkEndpoint(fullNode, "full node");
        checkEndpoint(solidityNode, "solidity node");
        apiKey = apiKey == null ? Optional.empty() : apiKey.filter(k -> !k.isBlank());
    }

    /** Mainnet through TronGrid (an API key is required there for sustained use). */
    public static Network mainnet() {
        return new Network("mainnet", "grpc.trongrid.io:50051", "grpc.trongrid.io:50052", Optional.empty());
    }

    /** The Nile testnet. */
    public static Network nile() {
        return new Network("nile", "grpc.nile.trongrid.io:50051", "grpc.nile.trongrid.io:50061", Optional.empty());
    }

    /** The Shasta testnet. */
    public static Network shasta() {
        return new Network("shasta", "grpc.shasta.trongrid.io:50051", "grpc.shasta.trongrid.io:50052",
                Optional.empty());
    }

    /** A local devnet on 127.0.0.1. */
    public static Network devnet(int fullNodePort, int solidityNodePort) {
        return new Network("devnet", "127.0.0.1:" + fullNodePort, "127.0.0.1:" + solidityNodePort, Optional.empty());
    }

    /** The names {@link #preset(String)} knows, the default first. */
    public static final List<String> PRESET_NAMES = List.of("devnet", "nile", "shasta", "mainnet");
    /** The devnet's full-node port (java-tron's default gRPC port). */
    public static final int DEVNET_FULL_NODE_PORT = 50051;
    /** The devnet's solidity-node port (java-tron's default solidity gRPC port). */
    public static final int DEVNET_SOLIDITY_PORT = 50061;

    /**
     * The preset called {@code name}: {@code devnet} (127.0.0.1, ports {@value #DEVNET_FULL_NODE_PORT} and
     * {@value #DEVNET_SOLIDITY_PORT}), {@code nile}, {@code shasta} or {@code mainnet}.
     *
     * @throws IllegalArgumentException naming the known presets
     */
    public static Network preset(String name) {
        switch (name == null ? "" : name) {
            case "devnet":
                return devnet(DEVNET_FULL_NODE_PORT, DEVNET_SOLIDITY_PORT);
            case "nile":
                return nile();
            case "shasta":
                return shasta();
            case "mainnet":
                return mainnet();
            default:
                throw new IllegalArgumentException("unknown network '" + name + "' (expected one of "
                        + String.join(", ", PRESET_NAMES) + ")");
        }
    }

    /** This network with an API key. */
    public Network withApiKey(String key) {
        return new Network(name, fullNode, solidityNode, Optional.ofNullable(key));
    }

    /** This network with other endpoints. */
    public Network withEndpoints(String fullNodeEndpoint, String solidityNodeEndpoint) {
        return new Network(name, fullNodeEndpoint, solidityNodeEndpoint, apiKey);
    }

    @Override
    public String toString() {
        return "Network[" + name + ", full=" + fullNode + ", solidity=" + solidityNode
                + (apiKey.isPresent() ? ", apiKey=***" : "") + "]";
    }

    private static void checkEndpoint(String endpoint, String what) {
        if (endpoint == null || !endpoint.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}")) {
            throw new IllegalArgumentException(what + " endpoint must be host:port, got " + endpoint);
        }
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " port out of range: " + port);
        }
    }
}
