package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** BEP 9 {@code ut_metadata} payloads, byte for byte against the examples in the BEP. */
@ExtendWith(NoLeaks.class)
class MetadataMessageTest {

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static String encoded(MetadataMessage m) {
        ByteBuf b = m.encode();
        try {
            return b.toString(StandardCharsets.ISO_8859_1);
        } finally {
            b.release();
        }
    }

    @Test
    void requestAndRejectAreTheBepsExamples() {
        assertThat(encoded(new MetadataMessage.Request(0))).isEqualTo("d8:msg_typei0e5:piecei0ee");
        assertThat(encoded(new MetadataMessage.Reject(0))).isEqualTo("d8:msg_typei2e5:piecei0ee");
        ByteBuf in = ascii("d8:msg_typei0e5:piecei7ee");
        assertThat(MetadataMessage.decode(in)).isEqualTo(new MetadataMessage.Request(7));
        assertThat(in.readerIndex()).isZero();
        in.release();
    }

    @Test
    void dataCarriesThePieceAfterTheDictionary() {
        byte[] piece = new byte[MetadataMessage.PIECE_SIZE];
        Arrays.fill(piece, (byte) 0x5a);
        ByteBuf data = Unpooled.wrappedBuffer(piece);
        ByteBuf wire = new MetadataMessage.Data(0, 34256, data).encode();
        data.release();
        byte[] head = "d8:msg_typei1e5:piecei0e10:total_sizei34256ee".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(wire.readableBytes()).isEqualTo(head.length + piece.length);
        assertThat(ByteBufUtil.getBytes(wire, 0, head.length)).isEqualTo(head);

        MetadataMessage back = MetadataMessage.decode(wire);
        wire.release();
        assertThat(back).isInstanceOf(MetadataMessage.Data.class);
        MetadataMessage.Data d = (MetadataMessage.Data) back;
        assertThat(d.piece()).isZero();
        assertThat(d.totalSize()).isEqualTo(34256);
        assertThat(ByteBufUtil.getBytes(d.data())).isEqualTo(piece);
        d.data().release();
    }

    @Test
    void theLastPieceIsShorter() {
        // 34256 bytes = 16384 + 16384 + 1488
        ByteBuf wire = ascii("d8:msg_typei1e5:piecei2e10:total_sizei34256ee" + "x".repeat(1488));
        MetadataMessage.Data d = (MetadataMessage.Data) MetadataMessage.decode(wire);
        assertThat(d.data().readableBytes()).isEqualTo(1488);
        d.data().release();
        wire.release();
        assertThat(MetadataMessage.pieceCount(34256)).isEqualTo(3);
        assertThat(MetadataMessage.pieceCount(16384)).isEqualTo(1);
        assertThat(MetadataMessage.pieceCount(16385)).isEqualTo(2);
    }

    @Test
    void unknownTypesAreIgnoredNotRefused() {
        ByteBuf in = ascii("d8:msg_typei9e5:piecei1ee");
        assertThat(MetadataMessage.decode(in)).isEqualTo(new MetadataMessage.Unknown(1, 9));
        in.release();
    }

    @Test
    void malformedPayloadsAreRefusedWithTheReason() {
        assertRefused("i3e", "not a dictionary");
        assertRefused("d5:piecei0ee", "without msg_type");
        assertRefused("d8:msg_typei0ee", "without piece");
        assertRefused("d8:msg_typei0e5:piecei-1ee", "piece -1 out of range");
        assertRefused("d8:msg_typei1e5:piecei0ee" + "x".repeat(10), "without total_size");
        assertRefused("d8:msg_typei1e5:piecei0e10:total_sizei100ee" + "x".repeat(99), "carries 99 bytes, expected 100");
        assertRefused("d8:msg_typei1e5:piecei0e10:total_sizei100ee" + "x".repeat(101), "carries 101 bytes");
        assertRefused("d8:msg_typei1e5:piecei1e10:total_sizei100ee", "outside total_size 100");
        assertRefused("d8:msg_typei1e5:piecei0e10:total_sizei0ee", "outside total_size 0");
        assertRefused("d8:msg_typei0e5:piecei0e", "ut_metadata:");
        assertRefused("d8:msg_typei1e5:piecei0e10:total_sizei99999ee" + "x".repeat(20000), "too long");
    }

    private static void assertRefused(String payload, String reason) {
        ByteBuf in = ascii(payload);
        try {
            assertThatThrownBy(() -> MetadataMessage.decode(in))
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageContaining(reason);
        } finally {
            in.release();
        }
    }
}
