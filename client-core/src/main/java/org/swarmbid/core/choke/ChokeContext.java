package org.swarmbid.core.choke;

import java.util.Objects;
import java.util.Random;

/**
 * Facts about the round being decided, the same for every peer.
 *
 * @param seeding         we have every wanted piece: rank by what we upload, not by what we receive
 * @param regularSlots    number of regular (tit-for-tat or seed-rotation) unchoke slots, &gt;= 0
 * @param optimisticSlots number of optimistic unchoke slots, &gt;= 0 (mainline: 1)
 * @param round           choke round number, counted up by one per round (mainline: every 10 s)
 * @param random          the only source of randomness a policy may use (seeded in tests)
 */
public record ChokeContext(boolean seeding, int regularSlots, int optimisticSlots, long round, Random random) {
    public ChokeContext {
        if (regularSlots < 0 || optimisticSlots < 0) {
            throw new IllegalArgumentException("negative slot count: " + regularSlots + " regular, "
                    + optimisticSlots + " optimistic");
        }
        Objects.requireNonNull(random, "random");
    }
}
