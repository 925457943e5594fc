/**
 * Torrent files and magnet links: BEP 3 metainfo, BEP 12 {@code announce-list}, BEP 19 {@code url-list},
 * BEP 27 {@code private}, BEP 9 magnet URIs (parsing only).
 *
 * <p>Owns:
 * <ul>
 *   <li>{@link org.swarmbid.core.metainfo.MetainfoParser}: the strict parser. Every torrent file and every info
 *       dictionary from a peer enters the engine through it. Bad input throws
 *       {@link org.swarmbid.core.metainfo.MetainfoException} with one line saying what and where
 *       ({@code file 3: path element '..' is not allowed}, {@code 4 piece hashes for 5 pieces}).</li>
 *   <li>{@link org.swarmbid.core.metainfo.Metainfo}, {@link org.swarmbid.core.metainfo.InfoDictionary},
 *       {@link org.swarmbid.core.metainfo.FileEntry}, {@link org.swarmbid.core.metainfo.InfoHash}: immutable
 *       values. Lengths and offsets are {@code long} everywhere.</li>
 *   <li>{@link org.swarmbid.core.metainfo.PathSanitizer}: the single place that decides which names may touch the
 *       disk, and {@code resolveUnder(root, file)}, which every storage path must come from.</li>
 *   <li>{@link org.swarmbid.core.metainfo.TorrentCreator}: makes torrents (parallel SHA-1, progress,
 *       cancellation); its output always parses back to the same values.</li>
 *   <li>{@link org.swarmbid.core.metainfo.MagnetLink}.</li>
 * </ul>
 *
 * <p>Path policy (details and order in {@link org.swarmbid.core.metainfo.PathSanitizer}):
 * <ul>
 *   <li><b>Reject the torrent</b> when a name could escape or confuse the download folder: empty elements,
 *       {@code .} and {@code ..}, absolute paths ({@code /etc/passwd}), drive letters ({@code C:\x}), {@code /} or
 *       {@code \} inside an element, NUL and other control characters, elements over 255 UTF-8 bytes, more than
 *       128 directory levels, two files with the same path, a file used as a directory. Silently renaming these
 *       would hide an attack and could merge two files into one.</li>
 *   <li><b>Rename</b>, on every operating system so names are the same everywhere, when the name is harmless
 *       but not portable to Windows: {@code < > : " | ? *} become {@code _}; trailing dots and spaces become
 *       {@code _}; Windows device names ({@code CON PRN AUX NUL COM0-9 LPT0-9}, any case, with or without an
 *       extension) get a {@code _} prefix. Invalid UTF-8 is decoded to U+FFFD. Renaming never changes the
 *       info-hash: the raw info bytes are kept.</li>
 *   <li>{@code resolveUnder} re-checks every element and that the normalised path starts with the normalised
 *       root (defence in depth).</li>
 * </ul>
 *
 * <p>Bounds: input 64 MiB and nesting 64 ({@link org.swarmbid.core.bencode.BencodeLimits#TORRENT_FILE}), piece
 * length 1 byte to 256 MiB, at most 500,000 files, 1,000 tracker URLs, 1,000 web seeds; the total length must be
 * positive and the sum of file lengths must not overflow.
 *
 * <p>Imports only {@code org.swarmbid.core.bencode}. Threading: all values are immutable and thread-safe; parser
 * and sanitiser are stateless. A {@code TorrentCreator} is used by one thread; it hashes on its own short-lived
 * worker pool and calls back on the calling thread.
 */
package org.swarmbid.core.metainfo;
