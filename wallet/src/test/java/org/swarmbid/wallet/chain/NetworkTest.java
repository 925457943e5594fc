package org.swarmbid.wallet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void presetsAndOverrides() {
        assertThat(Network.nile().solidityNode()).isEqualTo("grpc.nile.trongrid.io:50061");
        assertThat(Network.mainnet().fullNode()).isEqualTo("grpc.trongrid.io:50051");
        assertThat(Network.shasta().name()).isEqualTo("shasta");
        assertThat(Network.devnet(1, 2).fullNode()).isEqualTo("127.0.0.1:1");
        Network custom = Network.nile().withEndpoints("node.example:1", "node.example:2");
        assertThat(custom.name()).isEqualTo("nile");
        assertThat(custom.solidityNode()).isEqualTo("node.example:2");
    }

    @Test
    void presetsByName() {
        assertThat(Network.preset("devnet")).isEqualTo(Network.devnet(50051, 50061));
        assertThat(Network.preset("nile")).isEqualTo(Network.nile());
        assertThat(Network.preset("shasta")).isEqualTo(Network.shasta());
        assertThat(Network.preset("mainnet")).isEqualTo(Network.mainnet());
        assertThatThrownBy(() -> Network.preset("testnet")).hasMessageContaining("unknown network 'testnet'")
                .hasMessageContaining("devnet, nile, shasta, mainnet");
    }

    @Test
    void theApiKeyNeverShowsInToString() {
        Network n = Network.mainnet().withApiKey("s3cr3t-key-123");
        assertThat(n.apiKey()).contains("s3cr3t-key-123");
        assertThat(n.toString()).doesNotContain("s3cr3t").contains("***");
        assertThat(Network.mainnet().withApiKey(" ").apiKey()).isEmpty();
    }

    @Test
    void refusesMalformedEndpoints() {
        assertThatThrownBy(() -> Network.nile().withEndpoints("no-port", "a:1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Network.devnet(70000, 1)).hasMessageContaining("port");
        assertThatThrownBy(() -> Network.nile().withEndpoints("http://x:1", "a:1")).hasMessageContaining("host:port");
    }
}
