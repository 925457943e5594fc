package org.swarmbid.core.api;

import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one torrent.
 *
 * @param infoHash      hex info-hash, the torrent's identity
 * @param name          the torrent's name
 * @param state         lifecycle state
 * @param totalBytes    size of the whole torrent
 * @param wantedBytes   size of the pieces not skipped by file priorities
 * @param doneBytes     verified bytes of wanted pieces
 * @param piecesDone    verified pieces
 * @param pieceCount    pieces in the torrent
 * @param downloadRate  payload bytes per second received (recent average)
 * @param uploadRate    payload bytes per second sent
 * @param downloaded    payload bytes received this session
 * @param uploaded      payload bytes sent this session
 * @param peers         connected peers
 * @param seeds         connected peers that have everything
 * @param etaSeconds    estimated seconds to completion, -1 if unknown
 * @param error         the error that stopped the torrent, or null
 * @param trackers      announce status per tracker
 * @param checkedPieces pieces hashed so far by the running check, 0 when not checking
 * @param checkPieces   pieces the running check reads (those fast resume does not trust), 0 when not checking
 */
public record TorrentStatus(
        String infoHash,
        String name,
        TorrentState state,
        long totalBytes,
        long wantedBytes,
        long doneBytes,
        int piecesDone,
        int pieceCount,
        long downloadRate,
        long uploadRate,
        long downloaded,
        long uploaded,
        int peers,
        int seeds,
        long etaSeconds,
        String error,
        List<TrackerStatus> trackers,
        int checkedPieces,
        int checkPieces) {

    public TorrentStatus {
        trackers = List.copyOf(trackers);
    }

    /** A status without check progress (not checking). */
    public TorrentStatus(String infoHash, String name, TorrentState state, long totalBytes, long wantedBytes,
            long doneBytes, int piecesDone, int pieceCount, long downloadRate, long uploadRate, long downloaded,
            long uploaded, int peers, int seeds, long etaSeconds, String error, List<TrackerStatus> trackers) {
        this(infoHash, name, state, totalBytes, wantedBytes, doneBytes, piecesDone, pieceCount, downloadRate,
                uploadRate, downloaded, uploaded, peers, seeds, etaSeconds, error, trackers, 0, 0);
    }

    /** This status with the check's progress replaced. */
    public TorrentStatus withCheck(int checked, int toCheck) {
        return new TorrentStatus(infoHash, name, state, totalBytes, wantedBytes, doneBytes, piecesDone, pieceCount,
                downloadRate, uploadRate, downloaded, uploaded, peers, seeds, etaSeconds, error, trackers, checked,
                toCheck);
    }

    /** Fraction of the running check done, 0..1 (0 when not checking or nothing to read). */
    public double checkProgress() {
        return checkPieces <= 0 ? 0.0 : Math.min(1.0, (double) checkedPieces / checkPieces);
    }

    /** Fraction of wanted bytes verified, 0..1. */
    public double progress() {
        return wantedBytes == 0 ? 1.0 : (double) doneBytes / wantedBytes;
    }

    public boolean isComplete() {
        return doneBytes >= wantedBytes;
    }

    /**
     * Field by field, written out: the engine compares each torrent's status with the last one published once a
     * second, and a record's generated equals is bootstrapped through method handles on first use (about twenty
     * generated classes, spun in the first second of a download; measured with a class-load recording).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TorrentStatus t && totalBytes == t.totalBytes && wantedBytes == t.wantedBytes
                && doneBytes == t.doneBytes && piecesDone == t.piecesDone && pieceCount == t.pieceCount
                && downloadRate == t.downloadRate && uploadRate == t.uploadRate && downloaded == t.downloaded
                && uploaded == t.uploaded && peers == t.peers && seeds == t.seeds && etaSeconds == t.etaSeconds
                && checkedPieces == t.checkedPieces && checkPieces == t.checkPieces && state == t.state
                && Objects.equals(infoHash, t.infoHash) && Objects.equals(name, t.name)
                && Objects.equals(error, t.error) && trackers.equals(t.trackers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, name, state, totalBytes, wantedBytes, doneBytes, piecesDone, pieceCount,
                downloadRate, uploadRate, downloaded, uploaded, peers, seeds, etaSeconds, error, trackers,
                checkedPieces, checkPieces);
    }
}
