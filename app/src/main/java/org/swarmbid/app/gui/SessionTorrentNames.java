package org.swarmbid.app.gui;

import java.util.Comparator;
import java.util.List;
import org.swarmbid.core.api.Session;
import org.swarmbid.ui.bidding.TorrentNames;

/** The torrents of the session, by name, for the bidding screen's per-torrent overrides. Any thread. */
final class SessionTorrentNames implements TorrentNames {
    private final Session session;

    SessionTorrentNames(Session session) {
        this.session = session;
    }

    @Override
    public List<TorrentName> torrents() {
        return session.torrents().stream()
                .map(h -> new TorrentName(h.infoHash(), h.name()))
                .sorted(Comparator.comparing(TorrentName::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
