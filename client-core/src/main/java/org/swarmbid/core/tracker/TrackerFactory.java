package org.swarmbid.core.tracker;

/** Makes a {@link Tracker} for an announce URL; throws {@link TrackerException} (UNSUPPORTED) if it cannot. */
@FunctionalInterface
public interface TrackerFactory {
    Tracker create(String url);
}
