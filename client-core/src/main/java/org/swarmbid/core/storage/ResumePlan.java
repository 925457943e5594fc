package org.swarmbid.core.storage;

import java.util.List;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * What to do with saved resume data, decided without any I/O: which pieces to trust as they are and which to
 * hash again.
 *
 * <p>Rule: a file whose size or modification time differs from the saved state is "changed" (a missing file
 * differs from any present one). Every piece touching a changed file is rechecked, whether or not it was saved as
 * verified; pieces written after the last save, before a crash, are found again that way. Every other saved piece
 * is trusted. Zero-length files touch no piece and never matter. Without resume data, everything is rechecked.
 *
 * @param trusted pieces taken as present without reading
 * @param recheck pieces to hash; disjoint from {@code trusted}
 */
public record ResumePlan(Bitfield trusted, Bitfield recheck) {

    public ResumePlan {
        trusted = trusted.copy();
        recheck = recheck.copy();
    }

    @Override
    public Bitfield trusted() {
        return trusted.copy();
    }

    @Override
    public Bitfield recheck() {
        return recheck.copy();
    }

    /** Plan for a torrent without usable resume data: recheck everything. */
    public static ResumePlan fullRecheck(StorageLayout layout) {
        return new ResumePlan(new Bitfield(layout.pieceCount()), Bitfield.full(layout.pieceCount()));
    }

    /**
     * @param layout  the torrent's layout
     * @param saved   resume data already validated against the layout ({@link ResumeData#decode})
     * @param current the files' states now, in layout order
     */
    public static ResumePlan of(StorageLayout layout, ResumeData saved, List<FileState> current) {
        int n = layout.pieceCount();
        if (saved.pieces().size() != n || saved.files().size() != layout.fileCount()
                || current.size() != layout.fileCount()) {
            throw new IllegalArgumentException("resume data or file states do not fit " + layout);
        }
        Bitfield recheck = new Bitfield(n);
        for (int i = 0; i < layout.fileCount(); i++) {
            if (layout.file(i).length() > 0 && !saved.files().get(i).equals(current.get(i))) {
                for (int p = layout.firstPieceOf(i), end = layout.endPieceOf(i); p < end; p++) {
                    recheck.set(p);
                }
            }
        }
        Bitfield trusted = saved.pieces();
        for (int p = recheck.nextSet(0); p >= 0; p = recheck.nextSet(p + 1)) {
            trusted.clear(p);
        }
        return new ResumePlan(trusted, recheck);
    }
}
