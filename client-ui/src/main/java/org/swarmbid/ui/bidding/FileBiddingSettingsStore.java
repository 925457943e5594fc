package org.swarmbid.ui.bidding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.swarmbid.bidding.config.BiddingConfig;
import org.swarmbid.bidding.config.BuyerConfig;
import org.swarmbid.bidding.config.SellerConfig;

/**
 * {@link BiddingSettings} in a properties file (UTF-8 is not needed: every value is ASCII). Amounts are base units as
 * decimal integers, exact. Written to a temporary file in the same folder and moved over the old one.
 *
 * <pre>
 *   spending.enabled=false
 *   buyer.per-torrent-budget=0          buyer.per-day-budget=0          buyer.max-price-per-mib=0
 *   buyer.settle-at-percent=50          buyer.bid-validity-millis=30000 buyer.zone=Europe/Berlin
 *   seller.paid-slots=2   seller.regular-slots=3   seller.reserve-price-per-mib=1000000000000000
 *   seller.initial-credit-bytes=...     seller.credit-increase-bytes=... seller.max-credit-bytes=...
 *   seller.settlement-threshold=...     seller.settlement-deadline-millis=... seller.max-missed-settlements=2
 *   seller.cheque-lag-bytes=...
 *   override.&lt;info-hash&gt;.max-price-per-mib=...   override.&lt;info-hash&gt;.budget=...
 * </pre>
 *
 * A missing key takes the engine's default; a malformed value fails the load with the key named.
 *
 * <p>Threading: not synchronised; one store per file, called from one background thread at a time.
 */
public final class FileBiddingSettingsStore implements BiddingSettingsStore {

    /** Longest file read (a settings file is a few hundred bytes; overrides add ~150 bytes each). */
    public static final long MAX_BYTES = 1 << 20;
    private static final String OVERRIDE = "override.";

    private final Path file;

    public FileBiddingSettingsStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public BiddingSettings load() throws IOException {
        if (!Files.exists(file)) {
            return BiddingSettings.defaults();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes; not a settings file");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        try {
            return parse(p);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static BiddingSettings parse(Properties p) {
        BuyerConfig b0 = BuyerConfig.defaults();
        SellerConfig s0 = SellerConfig.defaults();
        BuyerConfig buyer = new BuyerConfig(
                amount(p, "buyer.per-torrent-budget", b0.perTorrentBudget()),
                amount(p, "buyer.per-day-budget", b0.perDayBudget()),
                amount(p, "buyer.max-price-per-mib", b0.maxPricePerMiB()),
                (int) number(p, "buyer.settle-at-percent", b0.settleAtPercent()),
                number(p, "buyer.bid-validity-millis", b0.bidValidityMillis()),
                p.containsKey("buyer.zone") ? ZoneId.of(p.getProperty("buyer.zone")) : b0.zone());
        SellerConfig seller = new SellerConfig(
                (int) number(p, "seller.paid-slots", s0.paidSlots()),
                (int) number(p, "seller.regular-slots", s0.regularSlots()),
                amount(p, "seller.reserve-price-per-mib", s0.reservePricePerMiB()),
                number(p, "seller.initial-credit-bytes", s0.initialCreditBytes()),
                number(p, "seller.credit-increase-bytes", s0.creditIncreaseBytes()),
                number(p, "seller.max-credit-bytes", s0.maxCreditBytes()),
                amount(p, "seller.settlement-threshold", s0.settlementThreshold()),
                number(p, "seller.settlement-deadline-millis", s0.settlementDeadlineMillis()),
                (int) number(p, "seller.max-missed-settlements", s0.maxMissedSettlements()),
                number(p, "seller.cheque-lag-bytes", s0.chequeLagBytes()));
        TreeSet<String> hashes = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(OVERRIDE)) {
                int dot = key.indexOf('.', OVERRIDE.length());
                if (dot < 0) {
                    throw new IllegalArgumentException("malformed key " + key);
                }
                hashes.add(key.substring(OVERRIDE.length(), dot));
            }
        }
        List<TorrentOverride> overrides = new ArrayList<>();
        for (String h : hashes) {
            overrides.add(new TorrentOverride(h, required(p, OVERRIDE + h + ".max-price-per-mib"),
                    required(p, OVERRIDE + h + ".budget")));
        }
        String enabled = p.getProperty("spending.enabled", "false").strip();
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("spending.enabled must be true or false, got '" + enabled + "'");
        }
        return new BiddingSettings(enabled.equals("true"), new BiddingConfig(seller, buyer), overrides);
    }

    private static BigInteger amount(Properties p, String key, BigInteger fallback) {
        return p.containsKey(key) ? required(p, key) : fallback;
    }

    private static BigInteger required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        v = v.strip();
        if (!v.matches("[0-9]{1,80}")) {
            throw new IllegalArgumentException(key + " must be a non-negative integer of base units");
        }
        return new BigInteger(v);
    }

    private static long number(Properties p, String key, long fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer");
        }
    }

    static Properties format(BiddingSettings s) {
        Properties p = new Properties();
        BuyerConfig b = s.config().buyer();
        SellerConfig c = s.config().seller();
        p.setProperty("spending.enabled", Boolean.toString(s.spendingEnabled()));
        p.setProperty("buyer.per-torrent-budget", b.perTorrentBudget().toString());
        p.setProperty("buyer.per-day-budget", b.perDayBudget().toString());
        p.setProperty("buyer.max-price-per-mib", b.maxPricePerMiB().toString());
        p.setProperty("buyer.settle-at-percent", Integer.toString(b.settleAtPercent()));
        p.setProperty("buyer.bid-validity-millis", Long.toString(b.bidValidityMillis()));
        p.setProperty("buyer.zone", b.zone().getId());
        p.setProperty("seller.paid-slots", Integer.toString(c.paidSlots()));
        p.setProperty("seller.regular-slots", Integer.toString(c.regularSlots()));
        p.setProperty("seller.reserve-price-per-mib", c.reservePricePerMiB().toString());
        p.setProperty("seller.initial-credit-bytes", Long.toString(c.initialCreditBytes()));
        p.setProperty("seller.credit-increase-bytes", Long.toString(c.creditIncreaseBytes()));
        p.setProperty("seller.max-credit-bytes", Long.toString(c.maxCreditBytes()));
        p.setProperty("seller.settlement-threshold", c.settlementThreshold().toString());
        p.setProperty("seller.settlement-deadline-millis", Long.toString(c.settlementDeadlineMillis()));
        p.setProperty("seller.max-missed-settlements", Integer.toString(c.maxMissedSettlements()));
        p.setProperty("seller.cheque-lag-bytes", Long.toString(c.chequeLagBytes()));
        for (TorrentOverride o : s.overrides()) {
            p.setProperty(OVERRIDE + o.infoHash() + ".max-price-per-mib", o.maxPricePerMiB().toString());
            p.setProperty(OVERRIDE + o.infoHash() + ".budget", o.budget().toString());
        }
        return p;
    }

    @Override
    public void save(BiddingSettings settings) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".bidding", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                format(settings).store(out, "swarmbid bidding settings (amounts in base units)");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
