package org.swarmbid.core.picker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.swarmbid.core.bitfield.Bitfield;

/**
 * Decides which blocks to request from which peer, for one torrent. Pure bookkeeping: no I/O, no clock, no
 * threads; confined to the torrent's event loop (see the package doc for the full contract).
 *
 * <p>Order of preference for {@link #pick}, within each priority level from 7 down to 1:
 * <ol>
 *   <li>free blocks of pieces already started that this peer was last working on (piece affinity),</li>
 *   <li>free blocks of any other started piece the peer has ("finish what you started"),</li>
 *   <li>a new piece: while we hold fewer than {@link PickerConfig#initialRandomPieces()} verified pieces, a
 *       uniformly random one the peer has; after that the rarest one (fewest peers have it), ties broken by a
 *       random permutation drawn once from the {@link Random} handed in.</li>
 * </ol>
 * A block requested from one peer is never handed to another, except in end game: once no block that any
 * connected peer could supply is left unrequested, blocks still in flight may be requested from up to
 * {@link PickerConfig#endGameRequestsPerBlock()} peers; when one copy arrives, {@link #blockReceived} names the
 * other peers that must be sent a cancel.
 *
 * <p>Rarest-first order is kept incrementally, after libtorrent's piece_picker idea: candidate pieces (not yet
 * verified, priority &gt; 0) sit in one array sorted by (priority desc, availability asc), with the start of each
 * (priority, availability) bucket recorded. A {@code have} moves its piece across one bucket boundary with a
 * single swap, so availability updates cost O(1), and have-all (seeds) is counted apart because it shifts every
 * piece alike. A verified piece stays in place as a tombstone that scans skip; after 64 of them, or any priority
 * change, the order is rebuilt by one counting sort (O(pieces)) before the next pick.
 *
 * <p>Availability contract: report each peer's pieces exactly once, either with {@link #peerBitfield}, with
 * {@link #peerHaveAll}/{@link #peerHaveNone} (BEP 6), or piece by piece with {@link #peerHave} for every bit that
 * newly becomes set, and finally {@link #peerLeft} with the peer's bitfield as it then stands.
 *
 * @param <P> peer key: any value with sound {@code equals}/{@code hashCode} (a connection id, an address...)
 */
public final class PiecePicker<P> {
    /** Priority of a piece or file that must not be downloaded. */
    public static final int SKIP = 0;
    /** Priority every piece starts with. */
    public static final int DEFAULT_PRIORITY = 4;
    /** Highest priority. */
    public static final int MAX_PRIORITY = 7;

    private static final int LEVELS = MAX_PRIORITY;
    private static final byte FREE = 0;
    private static final byte REQUESTED = 1;
    private static final byte RECEIVED = 2;
    private static final int POOL_LIMIT = 64;
    /** Verified pieces left in the order (skipped by scans) before it is rebuilt. */
    private static final int TOMBSTONE_LIMIT = 64;

    private final PieceGeometry geometry;
    private final PickerConfig config;
    private final Random random;
    private final int pieceCount;
    private final int blocksPerPiece;

    private final Bitfield have;
    /** Pieces we have or skip: a peer is interesting if it has a piece outside this set. */
    private final Bitfield unwanted;
    private final byte[] priority;
    /** Per piece: number of connected peers, not counting {@link #seeds}, that have it. */
    private final int[] availability;
    private int seeds;
    private int maxAvailability;

    /** Random permutation of all pieces: the tie-break order within an availability bucket. */
    private final int[] rank;
    /** Candidate pieces sorted by key; valid for indices below {@link #candidateCount} when not dirty. */
    private final int[] order;
    /** Piece to index in {@link #order}, or -1 if it is not a candidate. */
    private final int[] position;
    /** bucketStart[key] = first index in {@link #order} of bucket key; bucketStart[keys] = candidateCount. */
    private int[] bucketStart = new int[0];
    private int[] scratch = new int[0];
    /** Keys per priority level; always greater than maxAvailability + 1 after a rebuild. */
    private int stride;
    private int candidateCount;
    private boolean dirty = true;
    /** Pieces verified since the last rebuild: still in {@link #order} (and moved by availability) but skipped. */
    private final int[] tombstones = new int[TOMBSTONE_LIMIT];
    private int tombstoneCount;

    private final PartialPiece[] partialOf;
    /** Pieces being downloaded, sorted by priority descending (stable: older first). */
    private final ArrayList<PartialPiece> partials = new ArrayList<>();
    private final ArrayDeque<PartialPiece> pool = new ArrayDeque<>();
    private final Map<P, PeerEntry> peers = new HashMap<>();
    /** Blocks in the REQUESTED state over all partial pieces: end game has nothing to add for a peer holding all. */
    private int inFlight;

    /**
     * @param geometry piece and block sizes
     * @param verified pieces already verified (from resume data or a recheck); copied
     * @param config   tuning
     * @param random   source of the random first pieces and of the rarest-first tie-break (seed it in tests)
     */
    public PiecePicker(PieceGeometry geometry, Bitfield verified, PickerConfig config, Random random) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.pieceCount = geometry.pieceCount();
        if (verified.size() != pieceCount) {
            throw new IllegalArgumentException("bitfield of " + verified.size() + " pieces for " + pieceCount);
        }
        this.blocksPerPiece = (geometry.pieceLength() + PieceGeometry.BLOCK_SIZE - 1) / PieceGeometry.BLOCK_SIZE;
        this.have = verified.copy();
        this.unwanted = verified.copy();
        this.priority = new byte[pieceCount];
        Arrays.fill(priority, (byte) DEFAULT_PRIORITY);
        this.availability = new int[pieceCount];
        this.rank = new int[pieceCount];
        for (int i = 0; i < pieceCount; i++) {
            int j = random.nextInt(i + 1);
            rank[i] = rank[j];
            rank[j] = i;
        }
        this.order = new int[pieceCount];
        this.position = new int[pieceCount];
        this.partialOf = new PartialPiece[pieceCount];
    }

    // ------------------------------------------------------------------ queries

    public PieceGeometry geometry() {
        return geometry;
    }

    /** True if {@code piece} has passed its hash check. */
    public boolean hasPiece(int piece) {
        return have.get(piece);
    }

    /** A copy of the verified pieces. */
    public Bitfield verified() {
        return have.copy();
    }

    public int priority(int piece) {
        return priority[piece];
    }

    /** Number of connected peers known to have {@code piece}, seeds included. */
    public int availability(int piece) {
        return availability[piece] + seeds;
    }

    /** Number of wanted pieces (priority &gt; 0) not yet verified. */
    public int wantedRemaining() {
        return pieceCount - unwanted.cardinality();
    }

    /** True if the peer has a piece we want: we should be BEP 3 "interested" in it. */
    public boolean isInteresting(Bitfield peerHas) {
        checkSize(peerHas);
        return unwanted.lacksAnyOf(peerHas);
    }

    /** Number of requests the picker believes are outstanding with {@code peer}. */
    public int requestCount(P peer) {
        PeerEntry e = peers.get(peer);
        return e == null ? 0 : e.count();
    }

    /** Number of pieces started and not yet verified. */
    public int partialCount() {
        return partials.size();
    }

    /**
     * True in end game: every block of every wanted piece that some connected peer has is requested or received.
     */
    public boolean isEndGame() {
        if (dirty) {
            rebuild();
        }
        int freshAvailable = 0;
        for (int level = 0; level < LEVELS; level++) {
            int base = level * stride;
            int end = bucketStart[base + stride];
            freshAvailable += end - (seeds > 0 ? bucketStart[base] : bucketStart[base + 1]);
        }
        for (int i = 0; i < tombstoneCount; i++) {
            if (availability[tombstones[i]] + seeds > 0) {
                freshAvailable--;
            }
        }
        for (int i = 0, n = partials.size(); i < n; i++) {
            PartialPiece pp = partials.get(i);
            int piece = pp.piece;
            if (priority[piece] == SKIP || availability[piece] + seeds == 0) {
                continue;
            }
            if (pp.free > 0) {
                return false;
            }
            freshAvailable--;
        }
        return freshAvailable == 0;
    }

    // ------------------------------------------------------------------ availability

    /** The peer's BEP 3 bitfield message (at most once, before any have). A full bitfield counts as a seed. */
    public void peerBitfield(P peer, Bitfield peerHas) {
        checkSize(peerHas);
        PeerEntry e = entry(peer);
        if (e.announced) {
            throw new IllegalStateException("peer " + peer + " already announced its pieces");
        }
        e.announced = true;
        if (peerHas.isComplete() && pieceCount > 0) {
            e.seed = true;
            seeds++;
            return;
        }
        boolean bulk = peerHas.cardinality() > (pieceCount >>> 3);
        if (bulk) {
            dirty = true;
        }
        for (int p = peerHas.nextSet(0); p >= 0; p = peerHas.nextSet(p + 1)) {
            increment(p);
        }
    }

    /** A BEP 3 have for a piece the peer did not have before. Ignored for a peer that announced have-all. */
    public void peerHave(P peer, int piece) {
        checkPiece(piece);
        PeerEntry e = entry(peer);
        e.announced = true;
        if (!e.seed) {
            increment(piece);
        }
    }

    /** BEP 6 have-all, in place of a bitfield. */
    public void peerHaveAll(P peer) {
        PeerEntry e = entry(peer);
        if (e.announced) {
            throw new IllegalStateException("peer " + peer + " already announced its pieces");
        }
        e.announced = true;
        e.seed = true;
        seeds++;
    }

    /** BEP 6 have-none, in place of a bitfield. */
    public void peerHaveNone(P peer) {
        PeerEntry e = entry(peer);
        if (e.announced) {
            throw new IllegalStateException("peer " + peer + " already announced its pieces");
        }
        e.announced = true;
    }

    /**
     * The peer disconnected: its pieces no longer count and its requests return to the pool.
     *
     * @param peerHas the peer's bitfield as it stands (every set bit reported once before)
     * @return the number of requests that were outstanding
     */
    public int peerLeft(P peer, Bitfield peerHas) {
        checkSize(peerHas);
        PeerEntry e = peers.remove(peer);
        if (e == null) {
            return 0;
        }
        int dropped = releaseAll(peer, e);
        if (e.seed) {
            seeds--;
        } else {
            boolean bulk = peerHas.cardinality() > (pieceCount >>> 3);
            if (bulk) {
                dirty = true;
            }
            for (int p = peerHas.nextSet(0); p >= 0; p = peerHas.nextSet(p + 1)) {
                decrement(p);
            }
        }
        return dropped;
    }

    // ------------------------------------------------------------------ priorities

    /** Sets one piece's priority, 0 (skip) to 7. Blocks already requested stay requested. */
    public void setPriority(int piece, int prio) {
        checkPiece(piece);
        PiecePriorities.checkPriority(prio);
        if (priority[piece] == prio) {
            return;
        }
        priority[piece] = (byte) prio;
        if (!have.get(piece)) {
            if (prio == SKIP) {
                unwanted.set(piece);
            } else {
                unwanted.clear(piece);
            }
        }
        dirty = true;
        if (partialOf[piece] != null) {
            partials.sort((a, b) -> priority[b.piece] - priority[a.piece]);
        }
    }

    /** Sets every piece's priority, e.g. from {@link PiecePriorities#fromFiles}. */
    public void setPriorities(int[] priorities) {
        if (priorities.length != pieceCount) {
            throw new IllegalArgumentException(priorities.length + " priorities for " + pieceCount + " pieces");
        }
        for (int p : priorities) {
            PiecePriorities.checkPriority(p);
        }
        for (int i = 0; i < pieceCount; i++) {
            priority[i] = (byte) priorities[i];
            if (!have.get(i)) {
                if (priorities[i] == SKIP) {
                    unwanted.set(i);
                } else {
                    unwanted.clear(i);
                }
            }
        }
        dirty = true;
        partials.sort((a, b) -> priority[b.piece] - priority[a.piece]);
    }

    // ------------------------------------------------------------------ picking

    /**
     * Picks up to {@code wanted} blocks to request from an unchoked peer, records them as requested by it and
     * appends them to {@code out}.
     *
     * @return the number of requests appended
     */
    public int pick(P peer, Bitfield peerHas, int wanted, List<? super BlockRequest> out) {
        return pickInternal(peer, peerHas, null, wanted, out);
    }

    /** Convenience form of {@link #pick(Object, Bitfield, int, List)} that returns a new list. */
    public List<BlockRequest> pick(P peer, Bitfield peerHas, int wanted) {
        List<BlockRequest> out = new ArrayList<>(Math.max(0, Math.min(wanted, 64)));
        pickInternal(peer, peerHas, null, wanted, out);
        return out;
    }

    /**
     * Like {@link #pick(Object, Bitfield, int, List)} for a peer that chokes us, restricted to the pieces of its
     * BEP 6 allowed-fast set, which it serves while choking.
     */
    public int pickAllowedFast(P peer, Bitfield peerHas, Bitfield allowedFast, int wanted,
                               List<? super BlockRequest> out) {
        checkSize(allowedFast);
        return pickInternal(peer, peerHas, allowedFast, wanted, out);
    }

    private int pickInternal(P peer, Bitfield peerHas, Bitfield allowed, int wanted,
                             List<? super BlockRequest> out) {
        checkSize(peerHas);
        if (wanted <= 0) {
            return 0;
        }
        PeerEntry e = entry(peer);
        if (dirty) {
            rebuild();
        }
        int n = 0;
        int pi = 0;
        for (int prio = MAX_PRIORITY; prio > SKIP && n < wanted; prio--) {
            while (pi < partials.size() && priority[partials.get(pi).piece] > prio) {
                pi++;
            }
            int from = pi;
            while (pi < partials.size() && priority[partials.get(pi).piece] == prio) {
                pi++;
            }
            if (from < pi) {
                n += takeFromPartials(from, pi, true, peer, e, peerHas, allowed, wanted - n, out);
                if (n < wanted) {
                    n += takeFromPartials(from, pi, false, peer, e, peerHas, allowed, wanted - n, out);
                }
            }
            if (n < wanted) {
                n += takeFresh(prio, peer, e, peerHas, allowed, wanted - n, out);
            }
        }
        if (n < wanted && config.endGameRequestsPerBlock() > 1 && inFlight > e.count() && isEndGame()) {
            n += takeEndGame(peer, e, peerHas, allowed, wanted - n, out);
        }
        return n;
    }

    private int takeFromPartials(int from, int to, boolean affinity, P peer, PeerEntry e, Bitfield peerHas,
                                 Bitfield allowed, int max, List<? super BlockRequest> out) {
        int n = 0;
        for (int i = from; i < to && n < max; i++) {
            PartialPiece pp = partials.get(i);
            if (pp.free > 0 && peer.equals(pp.affinity) == affinity && usable(pp.piece, peerHas, allowed)) {
                n += takeBlocks(pp, peer, e, max - n, out);
            }
        }
        return n;
    }

    private int takeFresh(int prio, P peer, PeerEntry e, Bitfield peerHas, Bitfield allowed, int max,
                          List<? super BlockRequest> out) {
        int base = (MAX_PRIORITY - prio) * stride;
        int start = bucketStart[base];
        int end = bucketStart[base + stride];
        int n = 0;
        if (have.cardinality() < config.initialRandomPieces()) {
            while (n < max) {
                int chosen = -1;
                int seen = 0;
                for (int i = start; i < end; i++) {
                    int p = order[i];
                    if (partialOf[p] == null && usable(p, peerHas, allowed) && !have.get(p)
                            && random.nextInt(++seen) == 0) {
                        chosen = p;
                    }
                }
                if (chosen < 0) {
                    break;
                }
                n += takeBlocks(startPartial(chosen), peer, e, max - n, out);
            }
        } else {
            for (int i = start; i < end && n < max; i++) {
                int p = order[i];
                if (partialOf[p] == null && usable(p, peerHas, allowed) && !have.get(p)) {
                    n += takeBlocks(startPartial(p), peer, e, max - n, out);
                }
            }
        }
        return n;
    }

    private int takeEndGame(P peer, PeerEntry e, Bitfield peerHas, Bitfield allowed, int max,
                            List<? super BlockRequest> out) {
        int limit = config.endGameRequestsPerBlock();
        int n = 0;
        // blocks with the fewest requesters first
        for (int holders = 1; holders < limit && n < max; holders++) {
            for (int i = 0, size = partials.size(); i < size && n < max; i++) {
                PartialPiece pp = partials.get(i);
                if (priority[pp.piece] == SKIP || !usable(pp.piece, peerHas, allowed)) {
                    continue;
                }
                for (int b = 0; b < pp.blockCount && n < max; b++) {
                    if (pp.state[b] == REQUESTED && pp.holders[b] == holders && !pp.isRequester(b, peer)) {
                        pp.addRequester(b, peer);
                        e.add(pp.piece, b);
                        out.add(new BlockRequest(pp.piece, b * PieceGeometry.BLOCK_SIZE, pp.blockLength(b)));
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private int takeBlocks(PartialPiece pp, P peer, PeerEntry e, int max, List<? super BlockRequest> out) {
        int n = 0;
        int b = pp.firstFree;
        for (; b < pp.blockCount && n < max; b++) {
            if (pp.state[b] == FREE) {
                pp.state[b] = REQUESTED;
                inFlight++;
                pp.addRequester(b, peer);
                pp.free--;
                e.add(pp.piece, b);
                out.add(new BlockRequest(pp.piece, b * PieceGeometry.BLOCK_SIZE, pp.blockLength(b)));
                n++;
            }
        }
        pp.firstFree = b;
        if (n > 0) {
            pp.affinity = peer;
        }
        return n;
    }

    private static boolean usable(int piece, Bitfield peerHas, Bitfield allowed) {
        return peerHas.get(piece) && (allowed == null || allowed.get(piece));
    }

    // ------------------------------------------------------------------ request outcomes

    /**
     * A BEP 3 piece message arrived with the block {@code (piece, begin, length)}.
     *
     * @return what to do with the data, and (end game) which other peers must get a cancel for it
     */
    public BlockReceipt<P> blockReceived(P peer, int piece, int begin, int length) {
        int b = blockIndex(piece, begin, length);
        if (b < 0) {
            return BlockReceipt.of(BlockReceipt.Status.INVALID);
        }
        PeerEntry e = peers.get(peer);
        if (e != null) {
            e.remove(piece, b);
        }
        if (have.get(piece)) {
            return BlockReceipt.of(BlockReceipt.Status.DUPLICATE);
        }
        PartialPiece pp = partialOf[piece];
        if (pp == null) {
            return BlockReceipt.of(BlockReceipt.Status.UNEXPECTED);
        }
        if (pp.state[b] == RECEIVED) {
            return BlockReceipt.of(BlockReceipt.Status.DUPLICATE);
        }
        List<P> cancel = null;
        int holders = pp.holders[b];
        if (holders > 0) {
            for (int i = 0; i < holders; i++) {
                @SuppressWarnings("unchecked")
                P other = (P) pp.requesters[b * pp.stride + i];
                if (!other.equals(peer)) {
                    if (cancel == null) {
                        cancel = new ArrayList<>(holders);
                    }
                    cancel.add(other);
                    PeerEntry oe = peers.get(other);
                    if (oe != null) {
                        oe.remove(piece, b);
                    }
                }
            }
            pp.clearRequesters(b);
        } else {
            pp.free--;
        }
        if (pp.state[b] == REQUESTED) {
            inFlight--;
        }
        pp.state[b] = RECEIVED;
        pp.received++;
        pp.addContributor(peer);
        BlockReceipt.Status status = pp.received == pp.blockCount
                ? BlockReceipt.Status.PIECE_COMPLETE : BlockReceipt.Status.ACCEPTED;
        return cancel == null ? BlockReceipt.of(status) : new BlockReceipt<>(status, cancel);
    }

    /**
     * A request to {@code peer} will not be served: BEP 6 reject, our own cancel, or a timeout. The block goes back
     * to the pool (unless another peer still holds it in end game). A late arrival is still accepted.
     *
     * @return true if the request was outstanding
     */
    public boolean returnRequest(P peer, int piece, int begin) {
        if (piece < 0 || piece >= pieceCount || begin < 0 || begin % PieceGeometry.BLOCK_SIZE != 0) {
            return false;
        }
        int b = begin / PieceGeometry.BLOCK_SIZE;
        PeerEntry e = peers.get(peer);
        boolean outstanding = e != null && e.remove(piece, b);
        PartialPiece pp = partialOf[piece];
        if (pp != null && b < pp.blockCount) {
            release(pp, b, peer);
        }
        return outstanding;
    }

    /** {@link #returnRequest(Object, int, int)} for a {@link BlockRequest}. */
    public boolean returnRequest(P peer, BlockRequest request) {
        return returnRequest(peer, request.piece(), request.begin());
    }

    /**
     * The peer choked us. Without BEP 6 a choke silently drops every pending request, so all of them return to
     * the pool. With BEP 6 negotiated, do not call this: the peer rejects each request it drops, so call
     * {@link #returnRequest} per reject (and allowed-fast requests survive the choke).
     *
     * @return the number of requests returned
     */
    public int peerChoked(P peer) {
        PeerEntry e = peers.get(peer);
        return e == null ? 0 : releaseAll(peer, e);
    }

    /** The piece passed its hash check: it is verified and leaves the picker's working set. */
    public void piecePassed(int piece) {
        checkPiece(piece);
        PartialPiece pp = partialOf[piece];
        if (pp != null) {
            forgetRequesters(pp);
            dropPartial(pp);
        }
        if (have.set(piece)) {
            unwanted.set(piece);
            if (!dirty && position[piece] >= 0) {
                if (tombstoneCount == TOMBSTONE_LIMIT) {
                    dirty = true;
                } else {
                    tombstones[tombstoneCount++] = piece;
                }
            }
        }
    }

    /**
     * The piece failed its hash check: every block is downloaded again.
     *
     * @return the distinct peers that contributed blocks to it, in order of first contribution, so the caller can
     *         count strikes against them and ban repeat offenders; empty if the piece was not being downloaded
     */
    @SuppressWarnings("unchecked")
    public List<P> pieceFailed(int piece) {
        checkPiece(piece);
        PartialPiece pp = partialOf[piece];
        if (pp == null) {
            return List.of();
        }
        List<P> contributors = (List<P>) List.copyOf(pp.contributors);
        forgetRequesters(pp);
        dropPartial(pp);
        return contributors;
    }

    // ------------------------------------------------------------------ internals

    private int releaseAll(P peer, PeerEntry e) {
        long[] keys = e.requests.toArray();
        int count = keys.length;
        e.requests.clear();
        for (long key : keys) {
            PartialPiece pp = partialOf[(int) (key >>> 32)];
            if (pp != null) {
                release(pp, (int) key, peer);
            }
        }
        return count;
    }

    /** Removes {@code peer} as requester of block b; frees the block if nobody else holds it. */
    private void release(PartialPiece pp, int b, Object peer) {
        if (!pp.removeRequester(b, peer) || pp.holders[b] > 0 || pp.state[b] != REQUESTED) {
            return;
        }
        pp.state[b] = FREE;
        inFlight--;
        pp.free++;
        if (b < pp.firstFree) {
            pp.firstFree = b;
        }
        if (pp.free == pp.blockCount) {
            dropPartial(pp);
        }
    }

    private void forgetRequesters(PartialPiece pp) {
        for (int b = 0; b < pp.blockCount; b++) {
            for (int i = 0; i < pp.holders[b]; i++) {
                PeerEntry e = peers.get(pp.requesters[b * pp.stride + i]);
                if (e != null) {
                    e.remove(pp.piece, b);
                }
            }
        }
    }

    private PartialPiece startPartial(int piece) {
        int blocks = geometry.blockCount(piece);
        int lastLength = geometry.blockLength(piece, blocks - 1);
        PartialPiece pp = pool.poll();
        if (pp == null || pp.capacity < blocks) {
            pp = new PartialPiece(Math.max(blocks, blocksPerPiece), config.endGameRequestsPerBlock());
        }
        pp.reset(piece, blocks, lastLength);
        partialOf[piece] = pp;
        int prio = priority[piece];
        int at = partials.size();
        while (at > 0 && priority[partials.get(at - 1).piece] < prio) {
            at--;
        }
        partials.add(at, pp);
        return pp;
    }

    private void dropPartial(PartialPiece pp) {
        for (int b = 0; b < pp.blockCount; b++) {
            if (pp.state[b] == REQUESTED) {
                inFlight--;
            }
        }
        partialOf[pp.piece] = null;
        partials.remove(pp);
        if (pool.size() < POOL_LIMIT) {
            pp.contributors.clear();
            pp.affinity = null;
            pool.add(pp);
        }
    }

    private void increment(int p) {
        int a = availability[p];
        if (!dirty && position[p] >= 0) {
            if (a + 1 >= stride) {
                dirty = true;
            } else {
                int k = key(p);
                int last = bucketStart[k + 1] - 1;
                swap(position[p], last);
                bucketStart[k + 1]--;
            }
        }
        availability[p] = a + 1;
        if (a + 1 > maxAvailability) {
            maxAvailability = a + 1;
        }
    }

    private void decrement(int p) {
        int a = availability[p];
        if (a == 0) {
            throw new IllegalStateException("availability of piece " + p + " would go negative: a peer left with"
                    + " a piece it never announced");
        }
        if (!dirty && position[p] >= 0) {
            int k = key(p);
            int first = bucketStart[k];
            swap(position[p], first);
            bucketStart[k]++;
        }
        availability[p] = a - 1;
    }

    private int key(int p) {
        return (MAX_PRIORITY - priority[p]) * stride + availability[p];
    }

    private void swap(int i, int j) {
        int pi = order[i];
        int pj = order[j];
        order[i] = pj;
        order[j] = pi;
        position[pj] = i;
        position[pi] = j;
    }

    /** Counting sort of the candidates by key, walking pieces in {@link #rank} order so ties stay random. */
    private void rebuild() {
        int needed = maxAvailability + 2;
        if (stride < needed) {
            stride = Math.max(16, Integer.highestOneBit(needed - 1) << 1);
        }
        int keys = LEVELS * stride;
        if (bucketStart.length != keys + 1) {
            bucketStart = new int[keys + 1];
            scratch = new int[keys];
        } else {
            Arrays.fill(scratch, 0);
        }
        for (int p = 0; p < pieceCount; p++) {
            if (priority[p] != SKIP && !have.get(p)) {
                scratch[key(p)]++;
            }
        }
        bucketStart[0] = 0;
        for (int k = 0; k < keys; k++) {
            bucketStart[k + 1] = bucketStart[k] + scratch[k];
            scratch[k] = bucketStart[k];
        }
        for (int i = 0; i < pieceCount; i++) {
            int p = rank[i];
            if (priority[p] != SKIP && !have.get(p)) {
                int at = scratch[key(p)]++;
                order[at] = p;
                position[p] = at;
            } else {
                position[p] = -1;
            }
        }
        candidateCount = bucketStart[keys];
        tombstoneCount = 0;
        dirty = false;
    }

    /** Block index for a well-formed block of this torrent, else -1. */
    private int blockIndex(int piece, int begin, int length) {
        if (piece < 0 || piece >= pieceCount || begin < 0 || begin % PieceGeometry.BLOCK_SIZE != 0) {
            return -1;
        }
        int b = begin / PieceGeometry.BLOCK_SIZE;
        if (b >= geometry.blockCount(piece) || length != geometry.blockLength(piece, b)) {
            return -1;
        }
        return b;
    }

    private PeerEntry entry(P peer) {
        Objects.requireNonNull(peer, "peer");
        PeerEntry e = peers.get(peer);
        if (e == null) {
            e = new PeerEntry();
            peers.put(peer, e);
        }
        return e;
    }

    private void checkSize(Bitfield bitfield) {
        if (bitfield.size() != pieceCount) {
            throw new IllegalArgumentException("bitfield of " + bitfield.size() + " pieces for " + pieceCount);
        }
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }

    /** The rarest-first order of candidate pieces, as maintained (for tests); rebuilds only if stale. */
    int[] rarestOrder() {
        if (dirty) {
            rebuild();
        }
        return Arrays.stream(order, 0, candidateCount).filter(p -> !have.get(p)).toArray();
    }

    /** What the picker knows about one peer. */
    private static final class PeerEntry {
        boolean announced;
        boolean seed;
        /** Outstanding requests as (piece &lt;&lt; 32 | block): O(1) removal as each block arrives. */
        final LongSet requests = new LongSet(64);

        int count() {
            return requests.size();
        }

        void add(int piece, int block) {
            requests.add(((long) piece << 32) | block);
        }

        boolean remove(int piece, int block) {
            return requests.remove(((long) piece << 32) | block);
        }
    }

    /** Block states and requesters of a piece being downloaded; pooled and reused. */
    private static final class PartialPiece {
        final int capacity;
        final int stride;
        final byte[] state;
        final byte[] holders;
        final Object[] requesters;
        final ArrayList<Object> contributors = new ArrayList<>(4);
        int piece;
        int blockCount;
        int lastLength;
        int free;
        int received;
        int firstFree;
        Object affinity;

        PartialPiece(int capacity, int stride) {
            this.capacity = capacity;
            this.stride = stride;
            this.state = new byte[capacity];
            this.holders = new byte[capacity];
            this.requesters = new Object[capacity * stride];
        }

        void reset(int piece, int blockCount, int lastLength) {
            this.piece = piece;
            this.blockCount = blockCount;
            this.lastLength = lastLength;
            this.free = blockCount;
            this.received = 0;
            this.firstFree = 0;
            this.affinity = null;
            Arrays.fill(state, 0, blockCount, FREE);
            Arrays.fill(holders, 0, blockCount, (byte) 0);
            Arrays.fill(requesters, 0, blockCount * stride, null);
            contributors.clear();
        }

        int blockLength(int b) {
            return b == blockCount - 1 ? lastLength : PieceGeometry.BLOCK_SIZE;
        }

        void addRequester(int b, Object peer) {
            requesters[b * stride + holders[b]] = peer;
            holders[b]++;
        }

        boolean isRequester(int b, Object peer) {
            for (int i = 0; i < holders[b]; i++) {
                if (peer.equals(requesters[b * stride + i])) {
                    return true;
                }
            }
            return false;
        }

        boolean removeRequester(int b, Object peer) {
            int base = b * stride;
            int n = holders[b];
            for (int i = 0; i < n; i++) {
                if (peer.equals(requesters[base + i])) {
                    requesters[base + i] = requesters[base + n - 1];
                    requesters[base + n - 1] = null;
                    holders[b]--;
                    return true;
                }
            }
            return false;
        }

        void clearRequesters(int b) {
            Arrays.fill(requesters, b * stride, b * stride + holders[b], null);
            holders[b] = 0;
        }

        void addContributor(Object peer) {
            if (!contributors.contains(peer)) {
                contributors.add(peer);
            }
        }
    }
}
