package org.swarmbid.core.wire;

import io.netty.channel.ChannelPipeline;

/**
 * Installs the wire codec on a channel, in this order (inbound top to bottom):
 * <pre>
 *  [ encryption, when it comes ]
 *  "wire-handshake"  HandshakeDecoder   68-byte handshake; removes itself afterwards
 *  "wire-frames"     FrameDecoder       4-byte length prefix, hard maximum
 *  "wire-messages"   MessageDecoder     frame -&gt; PeerMessage
 *  "wire-encoder"    WireEncoder        Handshake / PeerMessage -&gt; bytes (outbound)
 *  [ the peer handler, added by the caller after these ]
 * </pre>
 * The peer handler then receives, in order: a {@link HandshakeHeader} (incoming connections only), the
 * {@link Handshake}, then {@link PeerMessage}s; failures arrive at its {@code exceptionCaught} as a
 * {@link WireException} subtype, after which it should close the channel.
 */
public final class WirePipeline {
    public static final String HANDSHAKE = "wire-handshake";
    public static final String FRAMES = "wire-frames";
    public static final String MESSAGES = "wire-messages";
    public static final String ENCODER = "wire-encoder";

    /** A default frame limit: a 16 KiB block with room to spare, a bitfield of 8 million pieces, metadata pieces. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1 << 20;

    private WirePipeline() {
    }

    /**
     * Adds the four handlers at the end of {@code pipeline}.
     *
     * @param incoming       true if the peer opened the connection (the decoder then reports the
     *                       {@link HandshakeHeader} as soon as the info-hash is in)
     * @param maxFrameLength the largest frame accepted, see {@link FrameDecoder#FrameDecoder(int)}
     */
    public static void addLast(ChannelPipeline pipeline, boolean incoming, int maxFrameLength) {
        pipeline.addLast(HANDSHAKE, incoming ? HandshakeDecoder.forIncoming() : HandshakeDecoder.forOutgoing());
        pipeline.addLast(FRAMES, new FrameDecoder(maxFrameLength));
        pipeline.addLast(MESSAGES, MessageDecoder.INSTANCE);
        pipeline.addLast(ENCODER, WireEncoder.INSTANCE);
    }
}
