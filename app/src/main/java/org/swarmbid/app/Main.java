package org.swarmbid.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.swarmbid.app.btt.BiddingOptionException;
import org.swarmbid.app.btt.LedgerCommand;
import org.swarmbid.core.session.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code swarmbid} command. Each subcommand is its own class; exit codes are in
 * {@link ExitCode}. With no arguments it runs {@code gui}, the desktop client.
 *
 * <p>Subcommands are registered at run time, not in the annotation: picocli builds the model of every registered
 * command by reflection, and building all of them (wallet, devnet, ledger, ...) cost ~0.2 CPU s on each start. A
 * command line that names a subcommand first gets only that one; anything else ({@code --help}, {@code help},
 * a typo) gets all of them, so help texts and "did you mean" suggestions are unchanged.
 */
@Command(name = "swarmbid", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"BitTorrent client with a TRON wallet and a bandwidth-bid extension.",
            "With no arguments it opens the desktop client; 'swarmbid --demo' opens it on a self-contained demo."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done", "1:runtime failure (network, disk, peers)", "2:bad command line",
            "3:bad input file (malformed .torrent, missing data)", "4:timed out",
            "130:interrupted with Ctrl-C (a later run resumes)"})
public final class Main {

    /** The subcommands in the order help lists them, by name. */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("gui", GuiCommand.class);
        SUBCOMMANDS.put("create", CreateCommand.class);
        SUBCOMMANDS.put("info", InfoCommand.class);
        SUBCOMMANDS.put("download", DownloadCommand.class);
        SUBCOMMANDS.put("seed", SeedCommand.class);
        SUBCOMMANDS.put("wallet", WalletCommand.class);
        SUBCOMMANDS.put("devnet", DevnetCommand.class);
        SUBCOMMANDS.put("ledger", LedgerCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    /** Subcommands that start an engine; see {@link #preloadEngine()}. */
    private static final Set<String> ENGINE_COMMANDS = Set.of("download", "seed", "gui");

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
        if (ENGINE_COMMANDS.contains(args[0])) {
            preloadEngine();
        }
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = "help".equals(args[0]) ? null : SUBCOMMANDS.get(args[0]);
        if (only != null) {
            cl.addSubcommand(args[0], only);
        } else {
            SUBCOMMANDS.forEach(cl::addSubcommand);
        }
        // the handlers are set after the subcommands are added: picocli copies them into the commands present
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

    /**
     * Starts loading the engine (logging, Netty's native transport, buffer pool, SHA-1) on a helper thread while this
     * one builds the command line model: on a 2-core machine that moves ~0.1 s of single-threaded start-up off the
     * path to the first connection (scripts/bench-transfer, docs/benchmarks.md). Nothing depends on it finishing.
     */
    private static void preloadEngine() {
        // a named class, not a method reference: a lambda's class would be spun at run time, before the class-data
        // archive's lambdas are usable, which costs more than the thread saves
        Thread t = new Thread(new Preload(), "swarmbid-preload");
        t.setDaemon(true);
        t.start();
    }

    private static final class Preload implements Runnable {
        @Override
        public void run() {
            Engine.preload();
        }
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
