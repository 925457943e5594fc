/**
 * Test fixtures that run REAL BitTorrent programs from Debian packages on 127.0.0.1, so engine and app tests can
 * check interoperability: {@link org.swarmbid.core.testing.Opentracker} (tracker, whitelist mode),
 * {@link org.swarmbid.core.testing.LibtorrentPeer} (python3-libtorrent through a driver shipped as the test
 * resource {@code interop/lt_peer.py}), {@link org.swarmbid.core.testing.TransmissionPeer} (transmission-daemon)
 * and {@link org.swarmbid.core.testing.Aria2Peer} (aria2c), plus deterministic payloads
 * ({@link org.swarmbid.core.testing.TestPayload}), .torrent files made with the real {@code mktorrent}
 * ({@link org.swarmbid.core.testing.Mktorrent}), byte-for-byte tree comparison
 * ({@link org.swarmbid.core.testing.FileTrees}) and free loopback ports ({@link org.swarmbid.core.testing.FreePorts}).
 *
 * <p>Typical use:
 * <pre>{@code
 * try (var tracker = Opentracker.start(tmp);
 *      var seed = LibtorrentPeer.seed(torrent.file(), dataDir, FreePorts.next())) {
 *     tracker.allow(torrent.infoHash());
 *     ...
 * }
 * }</pre>
 *
 * <p>Rules every fixture follows (facts from the shared loopback harness, see its RESULTS.md): listen on 127.0.0.1
 * only; no DHT, LSD, PEX, UPnP or NAT-PMP; logs and generated configs go to a per-test directory; every process is
 * stopped by PID (SIGTERM, then SIGKILL after a grace period) together with its descendants; a JVM shutdown hook
 * stops whatever a test forgot, and a detached watchdog ({@code OrphanReaper}) stops it even if the JVM is killed.
 * A missing Debian package FAILS the test with the {@code apt-get install} line that
 * fixes it ({@link org.swarmbid.core.testing.DebianPackage}); nothing is skipped silently.
 *
 * <p>Owns: test fixtures only; never used by production code. Threading: a fixture instance may be used from
 * several threads (its state is synchronized), but tests normally drive it from the test thread; status getters
 * read the process output when called; there are no background threads besides the JDK's process reaper (the
 * watchdog is a separate {@code /bin/sh} process, not a thread).
 */
package org.swarmbid.core.testing;
