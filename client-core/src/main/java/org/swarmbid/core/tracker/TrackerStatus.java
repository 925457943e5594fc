package org.swarmbid.core.tracker;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A snapshot of one tracker of one torrent, for a UI.
 *
 * @param url          the announce URL as given (may hold a passkey: show it to the user, never log it)
 * @param tier         BEP 12 tier, 0 first
 * @param state        where it stands
 * @param lastError    the last failure, one line (the tracker's own text for a failure reason)
 * @param warning      the last {@code warning message}
 * @param lastAnnounce when the last announce was answered
 * @param nextAnnounce when this tracker will next be announced to (regular interval or back-off), if scheduled
 * @param seeders      {@code complete} from the last answer
 * @param leechers     {@code incomplete} from the last answer
 * @param failures     consecutive failures
 */
public record TrackerStatus(String url, int tier, TrackerState state, Optional<String> lastError,
                            Optional<String> warning, Optional<Instant> lastAnnounce, Optional<Instant> nextAnnounce,
                            OptionalInt seeders, OptionalInt leechers, int failures) {
}
