package org.swarmbid.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bitfield.Bitfield;

class ResumeTest {
    private static final byte[] HASH = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    private final FilePool pool = new FilePool(8);
    private final PieceHasher hasher = new PieceHasher(2);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger fastResumeLog = (Logger) LoggerFactory.getLogger(FastResume.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        fastResumeLog.addAppender(logs);
    }

    @AfterEach
    void close() {
        fastResumeLog.detachAppender(logs);
        hasher.close();
        pool.close();
    }

    /** Pieces of 16: a = pieces 0-1 (and 2 shared), b = piece 2 (shared) to 4, c = piece 4 (shared) to 6. */
    private static Fixture fixture() {
        return Fixture.of(16, "t/a", 40, "t/empty", 0, "t/b", 30, "t/c", 30);
    }

    private static List<FileState> states(long... sizeAndMtime) {
        List<FileState> l = new java.util.ArrayList<>();
        for (int i = 0; i < sizeAndMtime.length; i += 2) {
            l.add(new FileState(sizeAndMtime[i], sizeAndMtime[i + 1]));
        }
        return l;
    }

    private static Bitfield bits(int size, int... set) {
        Bitfield b = new Bitfield(size);
        for (int p : set) {
            b.set(p);
        }
        return b;
    }

    // ---- the format ----

    @Test
    void encodesAndDecodesExactly() {
        Fixture f = fixture();
        ResumeData d = new ResumeData(HASH, bits(7, 0, 3, 6), states(40, 111, -1, 0, 30, 222, 7, 333));
        ResumeData back = ResumeData.decode(d.encode(), HASH, f.layout);
        assertThat(back).isEqualTo(d);
        assertThat(back.pieces().cardinality()).isEqualTo(3);
        assertThat(new String(d.encode(), StandardCharsets.ISO_8859_1))
                .startsWith("d5:filesll").contains("6:format15:swarmbid-resume").contains("11:piece-counti7e");
    }

    @Test
    void decodeRefusesForeignMalformedAndMismatchedData() {
        Fixture f = fixture();
        ResumeData d = new ResumeData(HASH, bits(7, 1), states(40, 1, -1, 0, 30, 2, 30, 3));
        byte[] good = d.encode();
        byte[] otherHash = HASH.clone();
        otherHash[0] ^= 1;
        assertThatThrownBy(() -> ResumeData.decode(good, otherHash, f.layout))
                .hasMessageContaining("belongs to another torrent");
        assertThatThrownBy(() -> ResumeData.decode(Arrays.copyOf(good, good.length - 1), HASH, f.layout))
                .hasMessageStartingWith("malformed resume data: truncated");
        assertThatThrownBy(() -> ResumeData.decode("i42e".getBytes(StandardCharsets.US_ASCII), HASH, f.layout))
                .hasMessageContaining("not a dictionary");
        Fixture other = Fixture.of(16, "t/a", 40, "t/b", 60); // same pieces, other files
        assertThatThrownBy(() -> ResumeData.decode(good, HASH, other.layout))
                .hasMessageContaining("resume data has 4 files, torrent has 2");
        Fixture fewer = Fixture.of(32, "t/a", 40, "t/empty", 0, "t/b", 30, "t/c", 30);
        assertThatThrownBy(() -> ResumeData.decode(good, HASH, fewer.layout))
                .hasMessageContaining("resume data has 7 pieces, torrent has 4");
        assertThatThrownBy(() -> ResumeData.decode(edit(good, b -> b.put("version", 2)), HASH, f.layout))
                .hasMessageContaining("unsupported resume version 2");
        assertThatThrownBy(() -> ResumeData.decode(edit(good, b -> b.put("format", "libtorrent")), HASH, f.layout))
                .hasMessageContaining("not a swarmbid resume file");
        assertThatThrownBy(() -> ResumeData.decode(edit(good, b -> b.put("pieces", new byte[] {1})), HASH,
                f.layout)).hasMessageContaining("resume pieces: spare bit");
        assertThatThrownBy(() -> ResumeData.decode(edit(good, b -> b.put("files",
                new org.swarmbid.core.bencode.BList(List.of(org.swarmbid.core.bencode.BInteger.of(1),
                        org.swarmbid.core.bencode.BInteger.of(1), org.swarmbid.core.bencode.BInteger.of(1),
                        org.swarmbid.core.bencode.BInteger.of(1))))), HASH, f.layout))
                .hasMessageContaining("file entry 0 is not [size, mtime]");
        assertThatThrownBy(() -> ResumeData.decode(edit(good, b -> b.put("info-hash", 5)), HASH, f.layout))
                .hasMessageContaining("key 'info-hash' must be a byte string");
    }

    private static byte[] edit(byte[] encoded, java.util.function.Consumer<BDict.Builder> change) {
        BDict d = (BDict) org.swarmbid.core.bencode.BencodeReader.decode(encoded,
                org.swarmbid.core.bencode.BencodeLimits.PEER_MESSAGE);
        BDict.Builder b = BDict.builder().putAll(d);
        change.accept(b);
        return b.build().encode();
    }

    // ---- the pure plan ----

    @Test
    void planTrustsUnchangedFilesAndRechecksEveryPieceTouchingAChangedOne() {
        Fixture f = fixture(); // a: 0-2, b: 2-4, c: 4-6
        ResumeData saved = new ResumeData(HASH, bits(7, 0, 1, 2, 3, 5), states(40, 1, -1, 0, 30, 2, 30, 3));

        ResumePlan same = ResumePlan.of(f.layout, saved, states(40, 1, -1, 0, 30, 2, 30, 3));
        assertThat(same.trusted()).isEqualTo(bits(7, 0, 1, 2, 3, 5));
        assertThat(same.recheck().isEmpty()).isTrue();

        ResumePlan bTouched = ResumePlan.of(f.layout, saved, states(40, 1, -1, 0, 30, 9, 30, 3));
        assertThat(bTouched.recheck()).isEqualTo(bits(7, 2, 3, 4)); // 4 was not saved: found again if written
        assertThat(bTouched.trusted()).isEqualTo(bits(7, 0, 1, 5));

        ResumePlan cTruncated = ResumePlan.of(f.layout, saved, states(40, 1, -1, 0, 30, 2, 10, 3));
        assertThat(cTruncated.recheck()).isEqualTo(bits(7, 4, 5, 6));
        assertThat(cTruncated.trusted()).isEqualTo(bits(7, 0, 1, 2, 3));

        ResumePlan aDeleted = ResumePlan.of(f.layout, saved, states(-1, 0, -1, 0, 30, 2, 30, 3));
        assertThat(aDeleted.recheck()).isEqualTo(bits(7, 0, 1, 2));

        // an empty file appearing or vanishing touches no piece
        ResumePlan emptyAppeared = ResumePlan.of(f.layout, saved, states(40, 1, 0, 77, 30, 2, 30, 3));
        assertThat(emptyAppeared.recheck().isEmpty()).isTrue();

        ResumePlan none = ResumePlan.fullRecheck(f.layout);
        assertThat(none.recheck().isComplete()).isTrue();
        assertThat(none.trusted().isEmpty()).isTrue();
        assertThatThrownBy(() -> ResumePlan.of(f.layout, saved, states(40, 1)))
                .hasMessageContaining("do not fit");
    }

    // ---- the file ----

    @Test
    void savesAtomicallyAndLoadsBack() throws IOException {
        Fixture f = fixture();
        Path file = tmp.resolve("resume/abc.resume");
        ResumeData first = new ResumeData(HASH, bits(7, 1), states(40, 1, -1, 0, 30, 2, 30, 3));
        FastResume.save(file, first);
        ResumeData second = new ResumeData(HASH, bits(7, 1, 2), states(40, 1, -1, 0, 30, 5, 30, 3));
        FastResume.save(file, second);
        assertThat(file.resolveSibling("abc.resume.tmp")).doesNotExist();
        try (var dir = Files.list(file.getParent())) {
            assertThat(dir.count()).isEqualTo(1);
        }
        assertThat(FastResume.load(file, HASH, f.layout)).contains(second);
    }

    @Test
    void missingCorruptOversizedOrForeignFilesAreIgnoredWithOneClearLogLine() throws IOException {
        Fixture f = fixture();
        Path file = tmp.resolve("x.resume");
        assertThat(FastResume.load(file, HASH, f.layout)).isEmpty();
        assertThat(lastLog()).contains("no resume data").contains("checking all pieces");

        Files.write(file, "d6:format".getBytes(StandardCharsets.US_ASCII));
        assertThat(FastResume.load(file, HASH, f.layout)).isEmpty();
        assertThat(lastLog()).contains("ignoring resume file").contains("malformed resume data");

        byte[] otherHash = "ABCDEFGHIJKLMNOPQRST".getBytes(StandardCharsets.US_ASCII);
        FastResume.save(file, new ResumeData(otherHash, bits(7), states(40, 1, -1, 0, 30, 2, 30, 3)));
        assertThat(FastResume.load(file, HASH, f.layout)).isEmpty();
        assertThat(lastLog()).contains("belongs to another torrent");

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(1), ResumeData.MAX_BYTES); // sparse, just over the limit
        }
        assertThat(FastResume.load(file, HASH, f.layout)).isEmpty();
        assertThat(lastLog()).contains("larger than");
        assertThat(logs.list).hasSize(4);
    }

    private String lastLog() {
        return logs.list.get(logs.list.size() - 1).getFormattedMessage();
    }

    // ---- start-up ----

    private ResumeData downloadAndSave(Fixture f, Path root, Path resume) throws IOException {
        try (FileStorage s = f.storage(root, pool)) {
            f.writeAll(s);
            ResumeData d = FastResume.capture(s, HASH, Bitfield.full(f.layout.pieceCount()));
            FastResume.save(resume, d);
            return d;
        }
    }

    private Bitfield restore(Fixture f, Path root, Path resume, AtomicInteger hashed) throws Exception {
        try (FileStorage s = f.storage(root, pool)) {
            Recheck r = FastResume.restore(s, hasher, resume, HASH, (d, t, p, ok) -> hashed.incrementAndGet());
            return r.result().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void unchangedFilesAreTrustedWithoutReading() throws Exception {
        Fixture f = fixture();
        Path root = tmp.resolve("dl");
        Path resume = tmp.resolve("t.resume");
        ResumeData saved = downloadAndSave(f, root, resume);
        // flip a byte behind our back but restore size and mtime: fast resume must not notice (it trusts)
        Path b = root.resolve("t/b");
        PieceHasherTest.corrupt(b, 3);
        Files.setLastModifiedTime(b, FileTime.from(saved.files().get(2).lastModifiedNanos(), TimeUnit.NANOSECONDS));
        AtomicInteger hashed = new AtomicInteger();
        assertThat(restore(f, root, resume, hashed).isComplete()).isTrue();
        assertThat(hashed.get()).isZero();
    }

    @Test
    void changedMtimeRechecksThatFilesPiecesOnly() throws Exception {
        Fixture f = fixture();
        Path root = tmp.resolve("dl");
        Path resume = tmp.resolve("t.resume");
        ResumeData saved = downloadAndSave(f, root, resume);
        Path b = root.resolve("t/b"); // bytes 40..69: pieces 2, 3, 4
        PieceHasherTest.corrupt(b, 20); // stream byte 60: piece 3
        Files.setLastModifiedTime(b, FileTime.from(saved.files().get(2).lastModifiedNanos() + 1_000_000,
                TimeUnit.NANOSECONDS));
        AtomicInteger hashed = new AtomicInteger();
        Bitfield present = restore(f, root, resume, hashed);
        assertThat(hashed.get()).isEqualTo(3);
        assertThat(present).isEqualTo(bits(7, 0, 1, 2, 4, 5, 6));
    }

    @Test
    void truncatedFileLosesItsTailPieces() throws Exception {
        Fixture f = fixture();
        Path root = tmp.resolve("dl");
        Path resume = tmp.resolve("t.resume");
        downloadAndSave(f, root, resume);
        try (FileChannel ch = FileChannel.open(root.resolve("t/c"), StandardOpenOption.WRITE)) {
            ch.truncate(15); // c is bytes 70..99; keeps 70..84: piece 4 (64..79) whole, 5 and 6 lost
        }
        AtomicInteger hashed = new AtomicInteger();
        Bitfield present = restore(f, root, resume, hashed);
        assertThat(present).isEqualTo(bits(7, 0, 1, 2, 3, 4));
        assertThat(hashed.get()).isEqualTo(3);
    }

    @Test
    void withoutUsableResumeDataEverythingIsRechecked() throws Exception {
        Fixture f = fixture();
        Path root = tmp.resolve("dl");
        Path resume = tmp.resolve("t.resume");
        downloadAndSave(f, root, resume);
        Files.write(resume, new byte[] {'x'});
        PieceHasherTest.corrupt(root.resolve("t/a"), 0);
        AtomicInteger hashed = new AtomicInteger();
        Bitfield present = restore(f, root, resume, hashed);
        assertThat(hashed.get()).isEqualTo(7);
        assertThat(present).isEqualTo(bits(7, 1, 2, 3, 4, 5, 6));
        Optional<String> warn = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("ignoring resume file")).findFirst();
        assertThat(warn).isPresent();
    }
}
