package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeerIdTest {

    private static PeerId id(String twentyChars) {
        return PeerId.of(twentyChars.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void generatedIdsCarryOurPrefixAndTwelveUnreservedCharacters() {
        Set<PeerId> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            PeerId p = PeerId.generate();
            String s = new String(p.bytes(), StandardCharsets.US_ASCII);
            assertThat(s).hasSize(20).startsWith("-SB0100-");
            assertThat(s.substring(8)).matches("[A-Za-z0-9._~-]{12}");
            seen.add(p);
        }
        assertThat(seen).as("random parts differ").hasSize(200);
        assertThat(PeerId.generate().describe()).isEqualTo("Swarmbid 0.1.0");
    }

    @Test
    void generationIsReproducibleWithASeededRandom() {
        assertThat(PeerId.generate(new Random(1))).isEqualTo(PeerId.generate(new Random(1)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "-LT2080-abcdefghijkl | libtorrent 2.0.8",
        "-LT20A0-abcdefghijkl | libtorrent 2.0.10",
        "-LT12J0-abcdefghijkl | libtorrent 1.2.19",
        "-lt0D80-abcdefghijkl | libTorrent (rakshasa) 0.13.8",
        "-TR3000-abcdefghijkl | Transmission 3.00",
        "-TR2940-abcdefghijkl | Transmission 2.94",
        "-TR300Z-abcdefghijkl | Transmission 3.00+",
        "-TR4050-abcdefghijkl | Transmission 4.0.5",
        "A2-1-36-0-abcdefghij | aria2 1.36.0",
        "-qB4520-abcdefghijkl | qBittorrent 4.5.2",
        "-UT355W-abcdefghijkl | µTorrent 3.5.5",
        "-UT355B-abcdefghijkl | µTorrent 3.5.5 beta",
        "-DE211s-abcdefghijkl | Deluge 2.1.1",
        "-AZ5771-abcdefghijkl | Vuze 5.7.7.1",
        "-SB0100-abcdefghijkl | Swarmbid 0.1.0",
        "M7-4-3--abcdefghijkl | BitTorrent (mainline) 7.4.3",
        "-LT2@80-abcdefghijkl | libtorrent",
        "-XX1234-abcdefghijkl | unknown (-XX1234-)",
        "abcdefghijklmnopqrst | unknown (abcdefgh)",
    })
    void describesCommonClients(String peerId, String description) {
        assertThat(id(peerId).describe()).isEqualTo(description);
    }

    @Test
    void aRealAria2IdWithItsBinaryTail() {
        byte[] b = new byte[20];
        byte[] prefix = "A2-1-36-0-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, b, 0, prefix.length);
        for (int i = prefix.length; i < 20; i++) {
            b[i] = (byte) (0x80 + i);
        }
        PeerId p = PeerId.of(b);
        assertThat(p.client()).contains(new ClientIdentity("aria2", "1.36.0"));
        assertThat(p.toString()).startsWith("A2-1-36-0-%8A%8B");
    }

    @Test
    void onlyTwentyBytes() {
        assertThatThrownBy(() -> PeerId.of(new byte[19])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] raw = "-LT2080-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
        PeerId p = PeerId.of(raw);
        raw[1] = 'X';
        p.bytes()[2] = 'X';
        assertThat(p.describe()).isEqualTo("libtorrent 2.0.8");
    }
}
