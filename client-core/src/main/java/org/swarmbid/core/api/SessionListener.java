package org.swarmbid.core.api;

import java.util.List;

/** Receives engine events in batches. Called on the engine's status thread; must not block. */
@FunctionalInterface
public interface SessionListener {
    void onEvents(List<SessionEvent> events);
}
