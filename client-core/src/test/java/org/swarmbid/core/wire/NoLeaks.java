package org.swarmbid.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class if Netty's leak detector reports a leaked buffer whose access records mention this package.
 * Captures the detector's log output (Netty logs through SLF4J, here logback) instead of trusting that someone reads
 * the console. Surefire runs with {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked.
 */
final class NoLeaks implements BeforeAllCallback, AfterAllCallback {
    static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static volatile boolean attached;

    static synchronized void attach() {
        if (attached) {
            return;
        }
        Logger detectorLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().contains("LEAK")) {
                    REPORTS.add(event.getFormattedMessage());
                }
            }
        };
        appender.setContext(detectorLogger.getLoggerContext());
        appender.start();
        detectorLogger.addAppender(appender);
        attached = true;
    }

    /** Collects garbage and allocates, which is when the detector reports what the collector found. */
    static void provokeReports() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(25);
            ByteBufAllocator.DEFAULT.buffer(1).release();
            UnpooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
        }
    }

    static List<String> reportsMentioning(String marker) {
        return REPORTS.stream().filter(r -> r.contains(marker)).toList();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(ResourceLeakDetector.getLevel())
                .as("surefire must run with -Dio.netty.leakDetection.level=paranoid")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        attach();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        provokeReports();
        assertThat(reportsMentioning("org.swarmbid.core.wire").stream()
                .filter(r -> !r.contains(LeakDetectionSelfTest.class.getSimpleName())).toList())
                .as("leaked buffers (Netty LEAK reports)")
                .isEmpty();
    }
}
