package org.swarmbid.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Debian packages the interop fixtures run, with the file that proves each is installed. {@link #require()}
 * FAILS the calling test (an {@link AssertionError}) naming the package to install: CI installs them
 * ({@code scripts/install-test-deps}), so a missing one is a broken machine, not a reason to skip.
 */
public enum DebianPackage {
    OPENTRACKER("opentracker", "/usr/bin/opentracker"),
    TRANSMISSION_DAEMON("transmission-daemon", "/usr/bin/transmission-daemon"),
    TRANSMISSION_CLI("transmission-cli", "/usr/bin/transmission-remote"),
    ARIA2("aria2", "/usr/bin/aria2c"),
    MKTORRENT("mktorrent", "/usr/bin/mktorrent"),
    /** Debian's module is visible to {@code /usr/bin/python3} only, not to a pyenv or venv python on PATH. */
    PYTHON3_LIBTORRENT("python3-libtorrent", "/usr/bin/python3");

    private static final ConcurrentMap<DebianPackage, String> PROBLEMS = new ConcurrentHashMap<>();

    private final String aptName;
    private final String executable;

    DebianPackage(String aptName, String executable) {
        this.aptName = aptName;
        this.executable = executable;
    }

    /** The name to pass to {@code apt-get install}. */
    public String aptName() {
        return aptName;
    }

    /** Absolute path of the program the fixtures run. */
    public String executable() {
        return executable;
    }

    /** Fails the test with the install command if this package is missing; checks once per JVM. */
    public void require() {
        String problem = PROBLEMS.computeIfAbsent(this, DebianPackage::probe);
        if (!problem.isEmpty()) {
            throw new AssertionError(problem);
        }
    }

    /** {@link #require()} for several packages. */
    public static void requireAll(DebianPackage... packages) {
        for (DebianPackage p : packages) {
            p.require();
        }
    }

    private String probe() {
        String problem = problem(aptName, executable);
        if (problem.isEmpty() && this == PYTHON3_LIBTORRENT) {
            Command.Result r = Command.run(List.of(executable, "-c", "import libtorrent"), Duration.ofSeconds(30));
            if (r.exitCode() != 0) {
                return missing(aptName, executable + " cannot import libtorrent (" + r.firstLine() + ")");
            }
        }
        return problem;
    }

    /** Empty if {@code executable} is installed, else the failure message naming {@code aptName}. */
    static String problem(String aptName, String executable) {
        return Files.isExecutable(Path.of(executable)) ? "" : missing(aptName, executable + " is not installed");
    }

    private static String missing(String aptName, String what) {
        return "interop test needs the Debian package " + aptName + ": " + what
                + "; install it with: sudo apt-get install -y " + aptName + " (scripts/install-test-deps installs all)";
    }
}
