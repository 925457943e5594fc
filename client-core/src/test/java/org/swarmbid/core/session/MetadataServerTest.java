package org.swarmbid.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.swarmbid.core.wire.MetadataMessage;

class MetadataServerTest {
    private static final byte[] INFO = new byte[34256];

    static {
        for (int i = 0; i < INFO.length; i++) {
            INFO[i] = (byte) (i * 31 + 7);
        }
    }

    private static byte[] bytesOf(MetadataMessage m) {
        MetadataMessage.Data d = (MetadataMessage.Data) m;
        try {
            assertThat(d.totalSize()).isEqualTo(INFO.length);
            return ByteBufUtil.getBytes(d.data());
        } finally {
            d.data().release();
        }
    }

    @Test
    void servesEveryPieceAndTheShortLastOne() {
        MetadataServer s = new MetadataServer(INFO);
        assertThat(s.size()).isEqualTo(34256);
        byte[] joined = new byte[0];
        for (int p = 0; p < 3; p++) {
            byte[] piece = bytesOf(s.answer(new MetadataMessage.Request(p)));
            assertThat(piece).hasSize(p < 2 ? 16384 : 1488);
            joined = concat(joined, piece);
        }
        assertThat(joined).isEqualTo(INFO);
    }

    @Test
    void rejectsPiecesPastTheEnd() {
        MetadataServer s = new MetadataServer(INFO);
        assertThat(s.answer(new MetadataMessage.Request(3))).isEqualTo(new MetadataMessage.Reject(3));
        assertThat(s.answer(new MetadataMessage.Request(Integer.MAX_VALUE)))
                .isEqualTo(new MetadataMessage.Reject(Integer.MAX_VALUE));
    }

    @Test
    void aPeerGetsTheDictionaryTwiceOverThenOnlyRejects() {
        MetadataServer s = new MetadataServer(INFO);
        int served = 0;
        for (int i = 0; i < 100; i++) {
            MetadataMessage m = s.answer(new MetadataMessage.Request(i % 3));
            if (m instanceof MetadataMessage.Data) {
                bytesOf(m);
                served++;
            } else {
                assertThat(m).isEqualTo(new MetadataMessage.Reject(i % 3));
            }
        }
        assertThat(served).isEqualTo(2 * 3 + 8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
