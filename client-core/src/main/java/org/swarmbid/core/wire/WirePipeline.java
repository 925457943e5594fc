package org.swarmbid.core.wire;

import io.netty.channel.ChannelPipeline;

/**
 * Installs the wire codec on a channel, in this order (inbound top to bottom):
 * <pre>
 *  [ encryption, when it comes ]
 *  "wire-handshake"  HandshakeDecoder   68-byte handshake; removes itself afterwards
 *  "wire-decoder"    WireDecoder        4-byte length prefix (hard maximum), frame -&gt; PeerMessage
 *  "wire-encoder"    WireEncoder        Handshake / PeerMessage -&gt; bytes (outbound)
 *  [ the peer handler, added by the caller after these ]
 * </pre>
 * The peer handler then receives, in order: a {@link HandshakeHeader} (incoming connections only), the
 * {@link Handshake}, then {@link PeerMessage}s; failures arrive at its {@code exceptionCaught} as a
 * {@link WireException} subtype, after which it should close the channel.
 *
 * <p>{@link FrameDecoder} followed by {@link MessageDecoder} (names {@link #FRAMES}, {@link #MESSAGES}) decode the
 * same stream into the same messages in two steps; the pipeline uses the one-step {@link WireDecoder}, which saves a
 * pipeline hop, a slice per frame and the copy of every block that crosses a read boundary.
 */
public final class WirePipeline {
    public static final String HANDSHAKE = "wire-handshake";
    public static final String DECODER = "wire-decoder";
    public static final String FRAMES = "wire-frames";
    public static final String MESSAGES = "wire-messages";
    public static final String ENCODER = "wire-encoder";

    /** A default frame limit: a 16 KiB block with room to spare, a bitfield of 8 million pieces, metadata pieces. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1 << 20;

    private WirePipeline() {
    }

    /**
     * Adds the three handlers at the end of {@code pipeline}.
     *
     * @param incoming       true if the peer opened the connection (the decoder then reports the
     *                       {@link HandshakeHeader} as soon as the info-hash is in)
     * @param maxFrameLength the largest frame accepted, see {@link FrameDecoder#FrameDecoder(int)}
     */
    public static void addLast(ChannelPipeline pipeline, boolean incoming, int maxFrameLength) {
        pipeline.addLast(HANDSHAKE, incoming ? HandshakeDecoder.forIncoming() : HandshakeDecoder.forOutgoing());
        pipeline.addLast(DECODER, new WireDecoder(maxFrameLength));
        pipeline.addLast(ENCODER, WireEncoder.INSTANCE);
    }
}
