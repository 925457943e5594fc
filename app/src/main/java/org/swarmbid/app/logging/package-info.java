/**
 * How the command line and the desktop client log: warnings and errors on stderr, one line each, more with
 * {@code SWARMBID_LOG=info|debug|trace}.
 *
 * <p>{@link org.swarmbid.app.logging.ConsoleLogging} sets Logback up in code instead of from an XML file: Logback's
 * XML configurator (SAX parser, Joran model, reflection over the appender's setters) cost about 0.1 CPU s at every
 * start, which a 3-second download pays in full. A {@code logback.configurationFile} system property or a
 * {@code logback-test.xml} on the class path still wins, so users and tests can configure logging as Logback
 * documents.
 *
 * <p>Threading: Logback calls the configurator once, on the thread that first asks for a logger.
 */
package org.swarmbid.app.logging;
