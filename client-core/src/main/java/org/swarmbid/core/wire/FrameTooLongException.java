package org.swarmbid.core.wire;

/**
 * A length prefix announced a frame longer than the connection's limit. Thrown as soon as the four length bytes
 * have arrived, before any of the frame is buffered; the decoder then discards everything the peer sends.
 */
public final class FrameTooLongException extends WireException {
    private static final long serialVersionUID = 1L;
    private final long frameLength;
    private final int maxFrameLength;

    public FrameTooLongException(long frameLength, int maxFrameLength) {
        super("frame of " + frameLength + " bytes exceeds the limit of " + maxFrameLength);
        this.frameLength = frameLength;
        this.maxFrameLength = maxFrameLength;
    }

    /** The announced length, an unsigned 32-bit value. */
    public long frameLength() {
        return frameLength;
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }
}
