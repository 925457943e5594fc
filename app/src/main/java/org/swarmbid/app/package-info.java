/**
 * The composition root: builds every service with plain {@code new}, starts them in a fixed order, stops them in
 * reverse, and owns the command line. Threading: the main thread parses arguments and waits; services run on their
 * own threads.
 */
package org.swarmbid.app;
