/**
 * Piece and block selection for one torrent: which blocks to request from which peer.
 *
 * <p>Owns: {@link org.swarmbid.core.picker.PiecePicker} (availability, priorities, rarest-first order, block
 * states, end game), {@link org.swarmbid.core.picker.PieceGeometry} (piece and 16 KiB block sizes),
 * {@link org.swarmbid.core.picker.PiecePriorities} (file to piece priorities),
 * {@link org.swarmbid.core.picker.RequestQueueSize} (how many requests to pipeline to a peer) and the value
 * records {@link org.swarmbid.core.picker.BlockRequest}, {@link org.swarmbid.core.picker.BlockReceipt},
 * {@link org.swarmbid.core.picker.PickerConfig}, and {@link org.swarmbid.core.picker.LongSet}, the unboxed set of
 * (piece, block) keys the picker and the peer layer keep outstanding requests in.
 *
 * <p>A pure policy: no sockets, no Netty, no threads, no clock (timeouts are decided by the caller, which then
 * calls {@code returnRequest}). Peers are opaque keys of the caller's choosing. Imports only
 * {@code org.swarmbid.core.bitfield}.
 *
 * <p>How the peer layer drives it (messages are BEP 3 unless noted):
 * <pre>
 *   bitfield / have-all / have-none (BEP 6)   -&gt; peerBitfield / peerHaveAll / peerHaveNone   (once)
 *   have (bit newly set)                       -&gt; peerHave
 *   unchoke, or a block arrived, queue short   -&gt; pick(peer, itsBitfield, RequestQueueSize.depthFor(rate) - queued)
 *   choked, allowed-fast set known (BEP 6)     -&gt; pickAllowedFast
 *   piece                                      -&gt; blockReceived -&gt; write; send cancel to receipt.cancel();
 *                                                 on PIECE_COMPLETE hash, then piecePassed / pieceFailed
 *   reject (BEP 6), our cancel, timeout        -&gt; returnRequest
 *   choke (no BEP 6)                           -&gt; peerChoked
 *   disconnect                                 -&gt; peerLeft(peer, itsBitfield)
 * </pre>
 *
 * <p>Threading: not thread-safe. One picker per torrent, confined to that torrent's event loop; every call comes
 * from that loop.
 */
package org.swarmbid.core.picker;
