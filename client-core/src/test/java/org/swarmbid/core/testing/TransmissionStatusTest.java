package org.swarmbid.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransmissionStatusTest {

    @Test
    void parsesTheInfoOfADownloadingTorrent() {
        // shape of transmission-remote 3.00 "-t HASH -i" output, LC_ALL=C
        String info = """
                NAME
                  Id: 1
                  Name: pl
                  Hash: d415a29b812b75601f644a4afa97194f83245380

                TRANSFER
                  State: Downloading
                  Location: /tmp/ix/out
                  Percent Done: 45.6%
                  ETA: 3 seconds (3 seconds)
                  Download Speed: 1200 kB/s
                  Upload Speed: 0 kB/s
                  Have: 1.93 MB (1.93 MB verified)
                  Availability: 100%
                  Total size: 4.23 MB (4.23 MB wanted)
                  Downloaded: 2.10 MB
                  Uploaded: None
                  Ratio: None
                  Corrupt DL: None
                  Peers: connected to 1, uploading to 0, downloading from 1
                """;
        TransmissionPeer.Status s = TransmissionPeer.parseInfo(info);
        assertThat(s.state()).isEqualTo("Downloading");
        assertThat(s.progress()).isEqualTo(0.456);
        assertThat(s.haveBytes()).isEqualTo(1_930_000);
        assertThat(s.downloadedBytes()).isEqualTo(2_100_000);
        assertThat(s.uploadedBytes()).isZero();
        assertThat(s.peersConnected()).isEqualTo(1);
        assertThat(s.error()).isEmpty();
    }

    @Test
    void parsesAnErrorAndAFullTorrent() {
        String info = """
                TRANSFER
                  State: Idle
                  Percent Done: 100%
                  Have: 8.38 MB (8.38 MB verified)
                  Uploaded: 16.7 MB
                  Error: No data found! Ensure your drives are connected
                  Peers: connected to 0, uploading to 0, downloading from 0
                """;
        TransmissionPeer.Status s = TransmissionPeer.parseInfo(info);
        assertThat(s.progress()).isEqualTo(1.0);
        assertThat(s.uploadedBytes()).isEqualTo(16_700_000);
        assertThat(s.error()).startsWith("No data found!");
    }

    @Test
    void jsonAndShellQuotingEscapeTheDangerousCharacters() {
        assertThat(TransmissionPeer.json("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
        assertThat(TransmissionPeer.shellQuote("it's")).isEqualTo("'it'\\''s'");
    }
}
