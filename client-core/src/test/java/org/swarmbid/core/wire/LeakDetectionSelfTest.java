package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Shows that {@link NoLeaks} does see a leak: a check that cannot fail would prove nothing. */
class LeakDetectionSelfTest {

    @Test
    void aDroppedBufferIsReported() throws InterruptedException {
        NoLeaks.attach();
        // keep the deliberate leak off the console; NoLeaks' own appender still sees it
        Logger detectorLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        detectorLogger.setAdditive(false);
        try {
            leakOneBuffer();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (NoLeaks.reportsMentioning("LeakDetectionSelfTest.leakOneBuffer").isEmpty()
                    && System.nanoTime() < deadline) {
                NoLeaks.provokeReports();
            }
        } finally {
            detectorLogger.setAdditive(true);
        }
        assertThat(NoLeaks.reportsMentioning("LeakDetectionSelfTest.leakOneBuffer")).isNotEmpty();
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(16);
        leaked.writeLong(42);
        // dropped without release(), on purpose
    }
}
