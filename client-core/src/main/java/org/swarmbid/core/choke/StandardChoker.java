package org.swarmbid.core.choke;

import java.util.List;
import java.util.Objects;

/**
 * The default policy: {@link TitForTatChoker} while leeching, {@link SeedChoker} while seeding, as
 * {@link ChokeContext#seeding()} says.
 */
public final class StandardChoker implements ChokePolicy {
    private final ChokePolicy leeching;
    private final ChokePolicy seeding;

    public StandardChoker(ChokePolicy leeching, ChokePolicy seeding) {
        this.leeching = Objects.requireNonNull(leeching, "leeching");
        this.seeding = Objects.requireNonNull(seeding, "seeding");
    }

    public StandardChoker() {
        this(new TitForTatChoker(), new SeedChoker());
    }

    @Override
    public <K> ChokeDecision<K> decide(List<PeerSnapshot<K>> peers, ChokeContext context) {
        return (context.seeding() ? seeding : leeching).decide(peers, context);
    }
}
