package org.swarmbid.ui.common;

import java.util.Optional;

/**
 * What a torrent earned (upload slots sold) and spent (slots bought) through the bid extension. {@code app}
 * implements it from the bidding ledger; the torrent list shows "—" where a value is absent.
 *
 * <p>Threading: called from the UI's background executor (never the FX thread) about every few seconds, once per
 * torrent; may block briefly on a database.
 */
public interface EarningsSource {

    /** No bidding: every value is absent. */
    EarningsSource NONE = new EarningsSource() {
        @Override
        public Optional<TokenAmount> earned(String infoHash) {
            return Optional.empty();
        }

        @Override
        public Optional<TokenAmount> spent(String infoHash) {
            return Optional.empty();
        }
    };

    /** Tokens received for upload slots of this torrent (hex info-hash), if known. */
    Optional<TokenAmount> earned(String infoHash);

    /** Tokens paid for download slots of this torrent (hex info-hash), if known. */
    Optional<TokenAmount> spent(String infoHash);
}
