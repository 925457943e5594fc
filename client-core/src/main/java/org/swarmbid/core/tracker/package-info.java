/**
 * Tracker clients: HTTP (BEP 3, compact peers BEP 23, IPv6 {@code peers6} BEP 7, scrape BEP 48) and UDP (BEP 15),
 * and the per-torrent announce schedule over BEP 12 tiers.
 *
 * <p>Owns: {@link org.swarmbid.core.tracker.Tracker} and its two implementations
 * ({@link org.swarmbid.core.tracker.HttpTracker}, {@link org.swarmbid.core.tracker.UdpTracker} on a shared
 * {@link org.swarmbid.core.tracker.UdpTrackerClient}); the wire formats as pure codecs
 * ({@link org.swarmbid.core.tracker.HttpTrackerQuery}, {@link org.swarmbid.core.tracker.HttpTrackerResponses},
 * {@link org.swarmbid.core.tracker.UdpTrackerCodec}, {@link org.swarmbid.core.tracker.PeerLists}); the pure policies
 * ({@link org.swarmbid.core.tracker.AnnouncePolicy}, {@link org.swarmbid.core.tracker.TrackerTiers}); and
 * {@link org.swarmbid.core.tracker.TrackerList}, which drives them for one torrent. Imports only
 * {@code org.swarmbid.core.bencode}: the info-hash is a plain 20-byte array, URLs are strings.
 *
 * <p>Errors: every failure is a {@link org.swarmbid.core.tracker.TrackerException} with a one-line message and a
 * kind; a tracker's {@code failure reason} is passed through (cleaned) for the user. Tracker URLs may hold private
 * passkeys: messages and logs use {@link org.swarmbid.core.tracker.TrackerUrls#redact}. Network input is bounded:
 * HTTP bodies by 4 MiB, UDP datagrams by 64 KiB, texts by 512 characters.
 *
 * <p>Threading: trackers never block callers; their futures complete on I/O threads (the JDK HTTP client's, the UDP
 * receiver thread, or the timer scheduler), so blocking continuations must use {@code *Async}. A TrackerList runs on
 * the scheduler it is given and calls its listener there, outside its lock. Codecs and policies are pure.
 */
package org.swarmbid.core.tracker;
