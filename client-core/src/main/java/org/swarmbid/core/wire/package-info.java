/**
 * The BitTorrent peer wire protocol as values and Netty codecs: the handshake (BEP 3) with its reserved bits,
 * length-prefixed frames with a hard maximum, the messages of BEP 3, BEP 5 (port), BEP 6 (fast extension) and
 * BEP 10 (extended, with the extension handshake), Azureus-style peer ids (BEP 20) and the BEP 6 allowed-fast set.
 *
 * <p>Owns: encoding and decoding only. No peer state: choking, interest, requests, which extensions were negotiated
 * and whether a message is allowed at this point are the {@code peer} package's job. Imports only
 * {@code org.swarmbid.core.bencode} and Netty. The layout of every message is drawn on its record in
 * {@link org.swarmbid.core.wire.PeerMessage}; {@link org.swarmbid.core.wire.WirePipeline} installs the handlers
 * (the one-step {@link org.swarmbid.core.wire.WireDecoder}; {@code FrameDecoder} + {@code MessageDecoder} decode the
 * same stream in two steps).
 *
 * <p>Errors: every protocol violation is a {@link org.swarmbid.core.wire.WireException} subtype with a one-line
 * message ({@code HandshakeException}, {@code FrameTooLongException}, {@code MalformedMessageException}); unknown
 * message ids are not errors. Buffers: {@code Piece} and {@code Extended} hold reference-counted slices; whoever
 * receives one releases it.
 *
 * <p>Threading: the decoders keep per-connection state and run on the channel's event loop only; one instance per
 * channel ({@code MessageDecoder} and {@code WireEncoder} are stateless and sharable). Value types (messages,
 * {@code Handshake}, {@code PeerId}, {@code ExtensionHandshake}, {@code ReservedBits}) are immutable apart from the
 * reference count of a message's buffer; {@code AllowedFastSet} is a pure function. Nothing here blocks.
 */
package org.swarmbid.core.wire;
