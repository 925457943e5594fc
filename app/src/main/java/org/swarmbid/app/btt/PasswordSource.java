package org.swarmbid.app.btt;

/**
 * Where the wallet password comes from (the app's {@code Passwords}: a file, the environment, or the console without
 * echo). The returned array belongs to the caller, who wipes it.
 */
@FunctionalInterface
public interface PasswordSource {
    /** The password, asked with {@code prompt} if it has to be typed. */
    char[] read(String prompt);
}
