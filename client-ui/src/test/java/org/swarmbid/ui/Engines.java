package org.swarmbid.ui;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.swarmbid.core.api.SessionConfig;
import org.swarmbid.core.session.Engine;

/** Real engine sessions on 127.0.0.1 for UI tests. */
public final class Engines {
    private Engines() {
    }

    public static Engine loopback(Path stateDir) throws IOException {
        return Engine.start(SessionConfig.defaults(stateDir).withBind(InetAddress.getLoopbackAddress(), 0)
                .withTimers(Duration.ofSeconds(2), Duration.ofSeconds(30)), List.of());
    }

    public static InetSocketAddress address(Engine e) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), e.listenPort());
    }
}
