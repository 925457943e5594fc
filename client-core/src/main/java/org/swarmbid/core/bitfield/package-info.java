/**
 * A fixed-size bit set of pieces, as BEP 3 puts it on the wire.
 *
 * <p>Wire layout of a bitfield for {@code n} pieces: {@code ceil(n/8)} bytes, piece 0 is the high bit of byte 0;
 * spare bits at the end must be zero.
 * <pre>
 *   byte 0: |p0|p1|p2|p3|p4|p5|p6|p7|   byte 1: |p8|p9|...
 * </pre>
 *
 * <p>Owns: {@link org.swarmbid.core.bitfield.Bitfield}. Imports no other Swarmbid package. Threading: not
 * thread-safe; each instance is confined to one thread (a peer's or a torrent's event loop) or copied.
 */
package org.swarmbid.core.bitfield;
