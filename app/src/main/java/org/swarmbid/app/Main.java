package org.swarmbid.app;

import org.swarmbid.app.btt.BiddingOptionException;
import org.swarmbid.app.btt.LedgerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code swarmbid} command. Each subcommand is its own class; exit codes are in
 * {@link ExitCode}. With no arguments it runs {@code gui}, the desktop client.
 */
@Command(name = "swarmbid", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"BitTorrent client with a TRON wallet and a bandwidth-bid extension.",
            "With no arguments it opens the desktop client; 'swarmbid --demo' opens it on a self-contained demo."},
        subcommands = {GuiCommand.class, CreateCommand.class, InfoCommand.class, DownloadCommand.class,
            SeedCommand.class, WalletCommand.class, DevnetCommand.class, LedgerCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done", "1:runtime failure (network, disk, peers)", "2:bad command line",
            "3:bad input file (malformed .torrent, missing data)", "4:timed out",
            "130:interrupted with Ctrl-C (a later run resumes)"})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        if (args.length == 0) {
            args = new String[] {"gui"}; // plain 'swarmbid' opens the desktop client
        } else if (args[0].equals("--demo")) {
            String[] gui = new String[args.length + 1];
            gui[0] = "gui"; // 'swarmbid --demo' is 'swarmbid gui --demo'
            System.arraycopy(args, 0, gui, 1, args.length);
            args = gui;
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("swarmbid: " + oneLine(ex));
            if (ex instanceof UsageException || ex instanceof BiddingOptionException) {
                return ExitCode.USAGE;
            }
            return ex instanceof InputException ? ExitCode.BAD_INPUT : ExitCode.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args2) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("swarmbid: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Prints the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"swarmbid " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
