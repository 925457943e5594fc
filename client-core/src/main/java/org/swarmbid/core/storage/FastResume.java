package org.swarmbid.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * Fast resume on disk: saving {@link ResumeData} atomically, loading it defensively, and turning it into the
 * present-pieces bitfield at start-up through {@link ResumePlan} and a partial {@link Recheck}.
 *
 * <p>Saving writes {@code <file>.tmp}, forces it to the device, renames it over {@code <file>} atomically and
 * forces the directory, so a crash leaves either the old or the new file, never a torn one. Loading never throws
 * for bad content: a missing, oversized, corrupt or foreign file is logged in one line and ignored, and the
 * torrent is fully rechecked.
 *
 * <p>Threading: static methods, safe from any thread; they block on disk I/O ({@link #restore} only for reading
 * the resume file and one {@code stat} per file; its hashing runs on the hasher).
 */
public final class FastResume {
    private static final Logger log = LoggerFactory.getLogger(FastResume.class);

    private FastResume() {
    }

    /**
     * Captures resume data: flushes the storage, then records {@code verified} and the files' current states.
     * Call with the bitfield of pieces whose writes have completed and whose hashes passed.
     */
    public static ResumeData capture(TorrentStorage storage, byte[] infoHash, Bitfield verified) throws IOException {
        storage.flush();
        return new ResumeData(infoHash, verified, storage.fileStates());
    }

    /** Writes {@code data} to {@code file} atomically (tmp + fsync + atomic rename + directory fsync). */
    public static void save(Path file, ResumeData data) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(data.encode());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot replace " + target + " atomically on this file system", e);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // makes the rename durable on Linux; some platforms cannot open directories
        } catch (IOException e) {
            log.debug("directory fsync not supported for {}: {}", dir, e.toString());
        }
    }

    /**
     * Loads and validates resume data, or returns empty (after one log line saying why) if the file is missing,
     * larger than {@link ResumeData#MAX_BYTES}, unreadable, malformed, or for another torrent or layout.
     */
    public static Optional<ResumeData> load(Path file, byte[] infoHash, StorageLayout layout) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(ResumeData.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            log.info("no resume data at {}; checking all pieces", file);
            return Optional.empty();
        } catch (IOException e) {
            log.warn("ignoring unreadable resume file {} ({}); checking all pieces", file, e.toString());
            return Optional.empty();
        }
        if (bytes.length > ResumeData.MAX_BYTES) {
            log.warn("ignoring resume file {}: larger than {} bytes; checking all pieces", file,
                    ResumeData.MAX_BYTES);
            return Optional.empty();
        }
        try {
            return Optional.of(ResumeData.decode(bytes, infoHash, layout));
        } catch (IllegalArgumentException e) {
            log.warn("ignoring resume file {}: {}; checking all pieces", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Start-up: loads {@code resumeFile}, trusts the pieces whose files are unchanged, and rechecks the others
     * (all pieces without usable resume data). The returned recheck's result is the present-pieces bitfield.
     */
    public static Recheck restore(TorrentStorage storage, PieceHasher hasher, Path resumeFile, byte[] infoHash,
                                  Recheck.Listener listener) {
        StorageLayout layout = storage.layout();
        ResumePlan plan = load(resumeFile, infoHash, layout)
                .map(saved -> {
                    try {
                        return ResumePlan.of(layout, saved, storage.fileStates());
                    } catch (IOException e) {
                        log.warn("cannot stat files of {} ({}); checking all pieces", layout, e.toString());
                        return ResumePlan.fullRecheck(layout);
                    }
                })
                .orElseGet(() -> ResumePlan.fullRecheck(layout));
        log.info("resume: {} pieces trusted, {} to check", plan.trusted().cardinality(),
                plan.recheck().cardinality());
        return Recheck.of(storage, hasher, plan.recheck(), plan.trusted(), listener);
    }
}
