package org.swarmbid.core.wire;

import io.netty.handler.codec.DecoderException;

/**
 * A peer broke the wire protocol. The peer handler disconnects on any subtype; the message is one line naming the
 * problem and never contains more than a few bytes of the peer's input.
 *
 * <p>Extends Netty's {@link DecoderException} so that {@code ByteToMessageDecoder} and
 * {@code MessageToMessageDecoder} pass it up the pipeline as it is, without wrapping.
 */
public class WireException extends DecoderException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
