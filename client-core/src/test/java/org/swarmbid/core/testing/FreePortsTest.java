package org.swarmbid.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void handsOutDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        int[] ports = FreePorts.next(20);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(20);
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int p : ports) {
            assertThat(p).isBetween(FreePorts.LOW, FreePorts.HIGH - 1);
            try (ServerSocket tcp = new ServerSocket(p, 1, lo);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, p))) {
                assertThat(tcp.getLocalPort()).isEqualTo(p);
                assertThat(udp.getLocalPort()).isEqualTo(p);
            }
        }
    }

    @Test
    void aPortInUseForTcpOrUdpIsNotFree() throws Exception {
        int p = FreePorts.next();
        InetAddress lo = InetAddress.getLoopbackAddress();
        assertThat(FreePorts.isFree(p)).isTrue();
        try (ServerSocket tcp = new ServerSocket(p, 1, lo)) {
            assertThat(FreePorts.isFree(p)).isFalse();
        }
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, p))) {
            assertThat(FreePorts.isFree(p)).isFalse();
        }
        assertThat(FreePorts.isFree(p)).isTrue();
    }
}
