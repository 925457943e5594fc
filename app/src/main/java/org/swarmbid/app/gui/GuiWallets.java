package org.swarmbid.app.gui;

import java.nio.file.Path;
import java.util.Map;
import org.swarmbid.ui.wallet.WalletServiceFactory;
import org.swarmbid.wallet.chain.Network;
import org.swarmbid.wallet.service.WalletOptions;
import org.swarmbid.wallet.service.WalletService;

/**
 * Opens the desktop client's wallet ({@code <state>/wallet}) for a network: the preset's nodes, or the ones given
 * for that network (the demo's in-process devnet listens on ports of its own). Any thread; blocking (reads the
 * wallet's settings file).
 */
final class GuiWallets implements WalletServiceFactory {
    /** A full node and a solidity node, {@code host:port} each. */
    record Nodes(String fullNode, String solidityNode) {
    }

    private final Path dir;
    private final WalletOptions base;
    private final Map<String, Nodes> nodes;

    GuiWallets(Path dir, WalletOptions base, Map<String, Nodes> nodes) {
        this.dir = dir;
        this.base = base;
        this.nodes = Map.copyOf(nodes);
    }

    /** The user's wallet with the default options (and {@code TRON_API_KEY} from the environment, if set). */
    static GuiWallets of(Path stateDir) {
        return new GuiWallets(stateDir.resolve("wallet"),
                WalletOptions.defaults().withApiKey(System.getenv("TRON_API_KEY")), Map.of());
    }

    @Override
    public WalletService open(String network) {
        WalletOptions o = base.withNetwork(network);
        Nodes n = nodes.get(network);
        if (n != null) {
            o = o.withNodes(n.fullNode(), n.solidityNode());
        }
        return WalletService.open(dir, o);
    }

    /** The wallet on the network its settings name (devnet for a new wallet). */
    WalletService openOwnNetwork() {
        WalletService s = WalletService.open(dir, base);
        String name = s.network().name();
        if (!nodes.containsKey(name)) {
            return s;
        }
        s.close();
        return open(name);
    }

    /** The network the wallet's settings name, for the wallet screen to open first. */
    String ownNetwork() {
        try (WalletService s = WalletService.open(dir, base)) {
            String name = s.network().name();
            return Network.PRESET_NAMES.contains(name) ? name : "devnet";
        }
    }
}
