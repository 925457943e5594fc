package org.swarmbid.wallet.devnet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.swarmbid.wallet.chain.FeeSchedule;

/**
 * How to run a {@link Devnet}.
 *
 * @param fullNodePort  port of the full-node service on 127.0.0.1 (0 = any free port)
 * @param solidityPort  port of the solidity-node service on 127.0.0.1 (0 = any free port)
 * @param blockInterval time between blocks; zero produces blocks only on {@link Devnet#produceBlock()}
 * @param solidLag      how many blocks the solidified head trails the head (19 on TRON)
 * @param database      SQLite file for the state; empty keeps it in memory
 * @param fees          resource prices
 * @param clock         block and bandwidth time
 */
public record DevnetConfig(int fullNodePort, int solidityPort, Duration blockInterval, int solidLag,
        Optional<Path> database, FeeSchedule fees, Clock clock) {

    public DevnetConfig {
        if (fullNodePort < 0 || fullNodePort > 65535 || solidityPort < 0 || solidityPort > 65535) {
            throw new IllegalArgumentException("ports must be in [0, 65535]");
        }
        if (blockInterval == null || blockInterval.isNegative()) {
            throw new IllegalArgumentException("block interval must not be negative");
        }
        if (!blockInterval.isZero() && blockInterval.toMillis() < 10) {
            throw new IllegalArgumentException("block interval below 10 ms: " + blockInterval);
        }
        if (solidLag < 0 || solidLag > 1000) {
            throw new IllegalArgumentException("solid lag must be in [0, 1000]");
        }
        if (database == null || fees == null || clock == null) {
            throw new IllegalArgumentException("database, fees and clock are required");
        }
    }

    /** TRON's usual ports (50051 full node, 50061 solidity), a block every 3 s, lag 19, in memory. */
    public static DevnetConfig defaults() {
        return new DevnetConfig(50051, 50061, Duration.ofSeconds(3), 19, Optional.empty(), FeeSchedule.DEFAULTS,
                Clock.systemUTC());
    }

    /** Free ports, blocks only on demand, lag 19, in memory: what tests start. */
    public static DevnetConfig forTests() {
        return new DevnetConfig(0, 0, Duration.ZERO, 19, Optional.empty(), FeeSchedule.DEFAULTS, Clock.systemUTC());
    }

    public DevnetConfig withPorts(int full, int solidity) {
        return new DevnetConfig(full, solidity, blockInterval, solidLag, database, fees, clock);
    }

    public DevnetConfig withBlockInterval(Duration interval) {
        return new DevnetConfig(fullNodePort, solidityPort, interval, solidLag, database, fees, clock);
    }

    public DevnetConfig withSolidLag(int lag) {
        return new DevnetConfig(fullNodePort, solidityPort, blockInterval, lag, database, fees, clock);
    }

    public DevnetConfig withDatabase(Path file) {
        return new DevnetConfig(fullNodePort, solidityPort, blockInterval, solidLag, Optional.of(file), fees, clock);
    }

    public DevnetConfig withFees(FeeSchedule schedule) {
        return new DevnetConfig(fullNodePort, solidityPort, blockInterval, solidLag, database, schedule, clock);
    }
}
