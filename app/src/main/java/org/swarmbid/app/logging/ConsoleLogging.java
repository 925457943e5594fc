package org.swarmbid.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.Map;

/**
 * Logback's configuration for Swarmbid, in code (found through {@code META-INF/services}): one console appender on
 * stderr with {@value #PATTERN}, the root at the level {@code SWARMBID_LOG} names (a system property of that name,
 * else the environment variable; default {@code WARN}) and Netty
 * at {@code WARN}. Steps aside, so that Logback's own file configuration runs, when the user names a file with
 * {@code -Dlogback.configurationFile} or the class path holds a {@code logback-test.xml}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /** The line layout: time, level, the logger's simple name, the message. */
    public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";
    /** The environment variable that sets the root level. */
    public static final String LEVEL_VARIABLE = "SWARMBID_LOG";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String property = System.getProperty(LEVEL_VARIABLE); // -DSWARMBID_LOG=... wins, as in Logback's ${...}
        if (property != null) {
            env.put(LEVEL_VARIABLE, property);
        }
        install(context, env);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Adds the stderr appender and sets the levels, the root's from {@code env}. */
    static void install(LoggerContext context, Map<String, String> env) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("io.netty").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(env));
        root.addAppender(stderr);
    }

    /** The root level {@code SWARMBID_LOG} asks for; {@code WARN} when it is unset or names no level. */
    static Level rootLevel(Map<String, String> env) {
        String v = env.get(LEVEL_VARIABLE);
        return v == null || v.isBlank() ? Level.WARN : Level.toLevel(v.trim().toUpperCase(Locale.ROOT), Level.WARN);
    }
}
