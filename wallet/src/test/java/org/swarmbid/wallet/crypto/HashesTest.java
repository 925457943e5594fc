package org.swarmbid.wallet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashesTest {
    @Test
    void keccak256IsOriginalKeccakNotSha3() {
        // Keccak-256 of the empty string / "abc" (original Keccak padding, as in Ethereum and TRON)
        assertThat(Hex.encode(Hashes.keccak256(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(Hex.encode(Hashes.keccak256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    }

    @Test
    void keccakOverPartsEqualsKeccakOverConcatenation() {
        byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
        byte[] c = "c".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hashes.keccak256(ab, c)).isEqualTo(Hashes.keccak256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sha256OfAbc() {
        assertThat(Hex.encode(Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void txidIsSha256OfRawDataForPublishedTransactions() {
        Map<String, Object> sigs = TestVectors.obj(TestVectors.load("tron-vectors.json"), "signatures");
        int checked = 0;
        for (Map<String, Object> entry : TestVectors.list(sigs, "entries")) {
            if (entry.containsKey("raw_data_hex")) {
                byte[] raw = Hex.decode((String) entry.get("raw_data_hex"));
                assertThat(Hex.encode(Hashes.sha256(raw))).as((String) entry.get("name")).isEqualTo(entry.get("txid"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }
}
