package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AllowedFastSetTest {
    private static final byte[] AA = new byte[20];

    static {
        Arrays.fill(AA, (byte) 0xaa);
    }

    /** BEP 6's published example: 1313 pieces, info-hash of twenty 0xaa bytes, peer 80.4.4.200. */
    @Test
    void matchesTheBep6TestVector() throws Exception {
        InetAddress peer = InetAddress.getByName("80.4.4.200");
        assertThat(AllowedFastSet.compute(peer, AA, 1313, 7)).containsExactly(1059, 431, 808, 1217, 287, 376, 1188);
        assertThat(AllowedFastSet.compute(peer, AA, 1313, 9))
                .containsExactly(1059, 431, 808, 1217, 287, 376, 1188, 353, 508);
    }

    @Test
    void onlyTheSlash24Counts() throws Exception {
        int[] a = AllowedFastSet.compute(InetAddress.getByName("80.4.4.200"), AA, 1313, 10);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("80.4.4.1"), AA, 1313, 10)).isEqualTo(a);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("::ffff:80.4.4.9"), AA, 1313, 10)).isEqualTo(a);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("80.4.5.200"), AA, 1313, 10)).isNotEqualTo(a);
    }

    @Test
    void ipv6UsesTheSlash48() throws Exception {
        int[] a = AllowedFastSet.compute(InetAddress.getByName("2001:db8:1::1"), AA, 1313, 10);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("2001:db8:1:ffff::9"), AA, 1313, 10)).isEqualTo(a);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("2001:db8:2::1"), AA, 1313, 10)).isNotEqualTo(a);
        assertThat(a).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void kIsCappedAtThePieceCountSoTheLoopEnds() throws Exception {
        int[] all = AllowedFastSet.compute(InetAddress.getByName("10.0.0.1"), AA, 3, 10);
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("10.0.0.1"), AA, 1, 10)).containsExactly(0);
        assertThat(AllowedFastSet.compute(InetAddress.getByName("10.0.0.1"), AA, 5, 0)).isEmpty();
    }

    @Test
    void rejectsBadArguments() throws Exception {
        InetAddress a = InetAddress.getByName("10.0.0.1");
        assertThatThrownBy(() -> AllowedFastSet.compute(a, new byte[19], 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedFastSet.compute(a, AA, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
