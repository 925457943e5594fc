/**
 * Piece storage: where a torrent's bytes live on disk, how pieces are hashed, rechecked and resumed.
 *
 * <p>Owns: {@link org.swarmbid.core.storage.StorageLayout} (pieces to file slices, BEP 3 layout; its own input
 * type so this package does not depend on metainfo), the narrow {@link org.swarmbid.core.storage.TorrentStorage}
 * interface and its file backend {@link org.swarmbid.core.storage.FileStorage} (positional {@code FileChannel}
 * I/O, sparse lazily created files, path containment), the session-wide
 * {@link org.swarmbid.core.storage.FilePool} of open channels, {@link org.swarmbid.core.storage.PieceHasher}
 * (SHA-1 from the {@code SUN} provider on its own threads), {@link org.swarmbid.core.storage.Recheck} and fast
 * resume ({@link org.swarmbid.core.storage.ResumeData}, {@link org.swarmbid.core.storage.ResumePlan},
 * {@link org.swarmbid.core.storage.FastResume}). Imports only {@code bencode} and {@code bitfield}.
 *
 * <p>Skipped files: see {@link org.swarmbid.core.storage.StorageLayout#wantedPieces(boolean[])}. A piece that
 * straddles a skipped and a wanted file is downloaded whole; its bytes belonging to the skipped file are written
 * into that file, which then exists as a sparse file holding only those boundary bytes. Storage never refuses a
 * write because of priorities; deciding what to request is the picker's job.
 *
 * <p>Upload paths: {@link org.swarmbid.core.storage.TorrentStorage#readBlock} copies a block into a heap buffer
 * (for encrypted connections); {@link org.swarmbid.core.storage.FileStorage#pin} pins the block's file ranges for
 * zero-copy {@code transferTo}/sendfile.
 *
 * <p>Threading: every public type is thread-safe except where its doc says otherwise. Disk I/O blocks; hashing
 * runs on the hasher's daemon threads and its futures complete there. Never interrupt a thread doing storage I/O:
 * a {@code FileChannel} is closed by an interrupt, and channels are shared through the pool (the pool drops such
 * channels and storage retries once, but the interrupted call itself fails). Cancel a recheck with
 * {@link org.swarmbid.core.storage.Recheck#cancel()}, which uses no interrupts.
 */
package org.swarmbid.core.storage;
