package org.swarmbid.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    @Test
    void theLevelComesFromSwarmbidLogAndDefaultsToWarn() {
        assertThat(ConsoleLogging.rootLevel(Map.of())).isEqualTo(Level.WARN);
        assertThat(ConsoleLogging.rootLevel(Map.of("SWARMBID_LOG", "debug"))).isEqualTo(Level.DEBUG);
        assertThat(ConsoleLogging.rootLevel(Map.of("SWARMBID_LOG", " Info "))).isEqualTo(Level.INFO);
        assertThat(ConsoleLogging.rootLevel(Map.of("SWARMBID_LOG", "off"))).isEqualTo(Level.OFF);
        assertThat(ConsoleLogging.rootLevel(Map.of("SWARMBID_LOG", "loud"))).isEqualTo(Level.WARN);
        assertThat(ConsoleLogging.rootLevel(Map.of("SWARMBID_LOG", ""))).isEqualTo(Level.WARN);
    }

    @Test
    void aFreshContextGetsOneStderrAppenderWithThePatternAndNettyAtWarn() {
        LoggerContext context = new LoggerContext();
        ConsoleLogging.install(context, Map.of("SWARMBID_LOG", "info"));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
        var appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<?> console = (ConsoleAppender<?>) appender;
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(ConsoleLogging.PATTERN);
        context.stop();
    }

    @Test
    void aLogbackTestXmlOnTheClassPathWins() {
        // the app's tests see client-core's logback-test.xml through its test jar
        assertThat(getClass().getClassLoader().getResource("logback-test.xml")).isNotNull();
        LoggerContext context = new LoggerContext();
        ConsoleLogging c = new ConsoleLogging();
        c.setContext(context);
        assertThat(c.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }

    @Test
    void aConfigurationFileNamedByTheUserWins() {
        String old = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/nonexistent/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogging c = new ConsoleLogging();
            c.setContext(context);
            assertThat(c.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            if (old == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", old);
            }
        }
    }

    @Test
    void logbackFindsItThroughTheServiceFile() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(p -> p.type().getName())).contains(ConsoleLogging.class.getName());
    }
}
