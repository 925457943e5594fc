package org.swarmbid.core.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.core.bencode.BDict;
import org.swarmbid.core.bencode.BList;
import org.swarmbid.core.bencode.BString;
import org.swarmbid.core.bencode.BValue;
import org.swarmbid.core.bencode.BencodeWriter;

class MetainfoParserTest {
    private static final long GIB = 1L << 30;

    static BDict file(long length, String... path) {
        return BDict.builder().put("length", length)
                .put("path", new BList(Arrays.stream(path).<BValue>map(BString::of).toList())).build();
    }

    static byte[] hashes(long count) {
        byte[] b = new byte[(int) count * 20];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i / 20 + 1); // piece i's hash is twenty copies of i+1
        }
        return b;
    }

    static byte[] sha1(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(b);
    }

    @Test
    void singleFileTorrentOver4GiB() throws Exception {
        long length = 5 * GIB + 123;
        int pl = 4 << 20;
        long count = (length + pl - 1) / pl;
        BDict info = BDict.builder().put("name", "big.iso").put("length", length).put("piece length", pl)
                .put("pieces", hashes(count)).build();
        byte[] torrent = BencodeWriter.encode(BDict.builder().put("announce", "http://127.0.0.1:6969/announce")
                .put("comment", "five gigs").put("created by", "hand").put("creation date", 1_700_000_000L)
                .put("info", info).build());

        Metainfo m = MetainfoParser.parse(torrent);

        InfoDictionary d = m.info();
        assertThat(d.singleFile()).isTrue();
        assertThat(d.name()).isEqualTo("big.iso");
        assertThat(d.totalLength()).isEqualTo(length);
        assertThat(d.pieceCount()).isEqualTo(1281);
        assertThat(d.pieceSize(0)).isEqualTo(pl);
        assertThat(d.pieceSize(1280)).isEqualTo(123);
        assertThat(d.pieceOffset(1280)).isEqualTo(1280L * pl);
        assertThat(d.files()).containsExactly(new FileEntry(List.of("big.iso"), length, 0));
        assertThat(d.pieceHash(1280)).containsOnly((byte) 1281);
        assertThat(d.pieceHashEquals(7, d.pieceHash(7))).isTrue();
        assertThat(d.pieceHashEquals(7, d.pieceHash(8))).isFalse();
        assertThatThrownBy(() -> d.pieceHash(1281)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(m.infoHash().bytes()).isEqualTo(sha1(BencodeWriter.encode(info)));
        assertThat(m.infoBytes()).isEqualTo(BencodeWriter.encode(info));
        assertThat(m.announce()).contains("http://127.0.0.1:6969/announce");
        assertThat(m.trackerTiers()).containsExactly(List.of("http://127.0.0.1:6969/announce"));
        assertThat(m.comment()).contains("five gigs");
        assertThat(m.createdBy()).contains("hand");
        assertThat(m.creationDate()).contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(m.toTorrentBytes()).isEqualTo(torrent);
    }

    @Test
    void multiFileLayoutWithOffsetsBeyond4GiB() {
        int pl = 1 << 20;
        long[] lengths = {3 * GIB, 0, 3 * GIB + 5, 17};
        long total = 6 * GIB + 22;
        BDict info = BDict.builder().put("name", "set").put("piece length", pl)
                .put("pieces", hashes((total + pl - 1) / pl))
                .put("files", BList.of(file(lengths[0], "disc1", "a.bin"), file(lengths[1], "disc1", "empty"),
                        file(lengths[2], "disc2", "b.bin"), file(lengths[3], "readme.txt")))
                .put("private", 1).build();
        Metainfo m = MetainfoParser.parse(BencodeWriter.encode(BDict.builder().put("info", info).build()));

        InfoDictionary d = m.info();
        assertThat(d.singleFile()).isFalse();
        assertThat(d.isPrivate()).isTrue();
        assertThat(d.totalLength()).isEqualTo(total);
        assertThat(d.files()).containsExactly(
                new FileEntry(List.of("set", "disc1", "a.bin"), 3 * GIB, 0),
                new FileEntry(List.of("set", "disc1", "empty"), 0, 3 * GIB),
                new FileEntry(List.of("set", "disc2", "b.bin"), 3 * GIB + 5, 3 * GIB),
                new FileEntry(List.of("set", "readme.txt"), 17, 6 * GIB + 5));
        assertThat(d.files().get(3).end()).isEqualTo(total);
        assertThat(d.fileIndexAt(0)).isZero();
        assertThat(d.fileIndexAt(3 * GIB - 1)).isZero();
        assertThat(d.fileIndexAt(3 * GIB)).isEqualTo(2); // the empty file holds no byte
        assertThat(d.fileIndexAt(6 * GIB + 4)).isEqualTo(2);
        assertThat(d.fileIndexAt(6 * GIB + 5)).isEqualTo(3);
        assertThat(d.fileIndexAt(total - 1)).isEqualTo(3);
        assertThatThrownBy(() -> d.fileIndexAt(total)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(d.files().get(3).displayPath()).isEqualTo("set/readme.txt");
        assertThat(m.announce()).isEmpty();
        assertThat(m.trackerTiers()).isEmpty();
    }

    @Test
    void announceListTiersWinOverAnnounceAndUrlListIsReadInBothForms() {
        BDict info = single("x", 10);
        BDict.Builder top = BDict.builder().put("announce", "http://127.0.0.1:1/a").put("info", info)
                .put("announce-list", BList.of(
                        BList.of(BString.of("http://127.0.0.1:2/a"), BString.of("udp://127.0.0.1:3")),
                        BList.of(),
                        BList.of(BString.of(""), BString.of("http://127.0.0.1:4/a"))))
                .put("url-list", "http://127.0.0.1:8080/seed/");
        Metainfo m = MetainfoParser.parse(BencodeWriter.encode(top.build()));
        assertThat(m.announceList()).containsExactly(List.of("http://127.0.0.1:2/a", "udp://127.0.0.1:3"),
                List.of("http://127.0.0.1:4/a"));
        assertThat(m.trackerTiers()).isEqualTo(m.announceList());
        assertThat(m.urlList()).containsExactly("http://127.0.0.1:8080/seed/");

        top.put("url-list", BList.of(BString.of("http://127.0.0.1:1/s"), BString.of("http://127.0.0.1:2/s")));
        assertThat(MetainfoParser.parse(BencodeWriter.encode(top.build())).urlList())
                .containsExactly("http://127.0.0.1:1/s", "http://127.0.0.1:2/s");
        top.put("url-list", BList.of(BString.of("ok"), BList.of()));
        assertThatThrownBy(() -> MetainfoParser.parse(BencodeWriter.encode(top.build())))
                .hasMessage("url-list entry 1 must be a byte string");
        top.put("url-list", "").put("announce-list", BList.of(BList.of(BString.of("u"), BDict.empty())));
        assertThatThrownBy(() -> MetainfoParser.parse(BencodeWriter.encode(top.build())))
                .hasMessage("announce-list tier 0 entry 1 must be a byte string");
    }

    @Test
    void prefersUtf8KeysAndRenamesNonPortableNames() {
        BDict info = BDict.builder().put("name", BString.of(new byte[] {(byte) 0xc4, 'x'})) // not UTF-8
                .put("name.utf-8", "Übung").put("piece length", 16384).put("pieces", hashes(1))
                .put("files", BList.of(
                        BDict.builder().put("length", 3).put("path", BList.of(BString.of("ignored")))
                                .put("path.utf-8", BList.of(BString.of("täst"), BString.of("CON.txt"))).build(),
                        file(4, "what?.txt "),
                        file(5, BString.of(new byte[] {'b', (byte) 0xff}).utf8())))
                .build();
        Metainfo m = MetainfoParser.parse(BencodeWriter.encode(BDict.builder().put("info", info).build()));
        assertThat(m.info().name()).isEqualTo("Übung");
        assertThat(m.info().files()).extracting(FileEntry::path).containsExactly(
                List.of("Übung", "täst", "_CON.txt"), List.of("Übung", "what_.txt_"), List.of("Übung", "b\uFFFD"));
    }

    @Test
    void renamesThatMakeTwoFilesMeetAreRejected() {
        BDict info = BDict.builder().put("name", "n").put("piece length", 16384).put("pieces", hashes(1))
                .put("files", BList.of(file(1, "a?"), file(1, "a*"))).build();
        assertThatThrownBy(() -> MetainfoParser.parse(BencodeWriter.encode(BDict.builder().put("info", info).build())))
                .hasMessage("file 1: path 'a_' is used twice");
    }

    @Test
    void infoHashIsOverTheRawBytesEvenWhenTheyAreNotCanonical() throws Exception {
        // keys out of order: "piece length" before "name"; a re-encoding would sort them and change the hash
        String rawInfo = "d12:piece lengthi16384e4:name1:x6:lengthi10e6:pieces20:" + "A".repeat(20) + "e";
        byte[] torrent = ("d4:info" + rawInfo + "e").getBytes(StandardCharsets.ISO_8859_1);
        Metainfo m = MetainfoParser.parse(torrent);
        byte[] raw = rawInfo.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(m.infoHash().bytes()).isEqualTo(sha1(raw));
        assertThat(m.infoBytes()).isEqualTo(raw);
        assertThat(m.infoSize()).isEqualTo(raw.length);
        assertThat(MetainfoParser.parse(m.toTorrentBytes())).isEqualTo(m);
        assertThat(MetainfoParser.fromInfoBytes(raw, List.of(List.of("udp://127.0.0.1:1"))).infoHash())
                .isEqualTo(m.infoHash());
    }

    @Test
    void informationalKeysOfTheWrongTypeAreIgnoredButTrackersMustBeWellFormed() {
        BDict.Builder top = BDict.builder().put("info", single("x", 1)).put("comment", BList.of())
                .put("created by", 5).put("creation date", "yesterday");
        Metainfo m = MetainfoParser.parse(BencodeWriter.encode(top.build()));
        assertThat(m.comment()).isEmpty();
        assertThat(m.createdBy()).isEmpty();
        assertThat(m.creationDate()).isEmpty();
        top.put("creation date", Long.MAX_VALUE);
        assertThat(MetainfoParser.parse(BencodeWriter.encode(top.build())).creationDate()).isEmpty();
        top.put("announce", 7);
        assertThatThrownBy(() -> MetainfoParser.parse(BencodeWriter.encode(top.build())))
                .hasMessage("announce must be a byte string");
    }

    @Test
    void hybridV2TorrentsParseAsV1() {
        BDict info = BDict.builder().putAll(single("x", 10)).put("meta version", 2).put("file tree", BDict.empty())
                .build();
        Metainfo m = MetainfoParser.parse(BencodeWriter.encode(BDict.builder().put("info", info).build()));
        assertThat(m.info().totalLength()).isEqualTo(10);
    }

    @Test
    void piecesOneShortOrOneOverAreRejected() {
        for (long length : new long[] {16384, 16385, 32768}) {
            long count = (length + 16383) / 16384;
            for (long wrong : new long[] {count - 1, count + 1}) {
                BDict info = BDict.builder().put("name", "x").put("length", length).put("piece length", 16384)
                        .put("pieces", hashes(wrong)).build();
                assertThatThrownBy(() -> MetainfoParser.parse(
                        BencodeWriter.encode(BDict.builder().put("info", info).build())))
                        .hasMessage(wrong + " piece hashes for " + count + " pieces");
            }
        }
    }

    @Test
    void readsFromAFile(@TempDir Path tmp) throws IOException {
        byte[] torrent = BencodeWriter.encode(BDict.builder().put("info", single("x", 10)).build());
        Path f = Files.write(tmp.resolve("x.torrent"), torrent);
        assertThat(MetainfoParser.read(f)).isEqualTo(MetainfoParser.parse(torrent));
    }

    @Test
    void manyFilesInOneDirectoryAndDeepButLegalPaths() {
        List<BValue> files = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            files.add(file(1, "d", "f" + i));
        }
        String[] deep = new String[PathSanitizer.MAX_DEPTH];
        Arrays.fill(deep, "d");
        deep[deep.length - 1] = "leaf";
        files.add(file(1, deep));
        BDict info = BDict.builder().put("name", "n").put("piece length", 16384).put("pieces", hashes(2))
                .put("files", new BList(files)).build();
        InfoDictionary d = MetainfoParser.parse(BencodeWriter.encode(BDict.builder().put("info", info).build()))
                .info();
        assertThat(d.files()).hasSize(20_001);
        assertThat(d.files().get(20_000).path()).hasSize(PathSanitizer.MAX_DEPTH + 1);
        assertThat(d.files().get(19_999).offset()).isEqualTo(19_999);
    }

    private static BDict single(String name, long length) {
        return BDict.builder().put("name", name).put("length", length).put("piece length", 16384)
                .put("pieces", hashes((length + 16383) / 16384)).build();
    }
}
