package org.swarmbid.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/** Test helpers: hex with spaces allowed, to and from buffers. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** A leak-tracked heap buffer holding {@code hex}. */
    static ByteBuf buf(String hex) {
        byte[] b = bytes(hex);
        return Unpooled.buffer(b.length).writeBytes(b);
    }

    static String of(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }
}
