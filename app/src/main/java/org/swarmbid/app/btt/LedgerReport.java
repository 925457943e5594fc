package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.swarmbid.bidding.api.Account;
import org.swarmbid.bidding.ledger.BidRecord;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.LedgerSnapshot;
import org.swarmbid.bidding.ledger.SettlementRecord;
import org.swarmbid.bidding.ledger.Totals;

/**
 * Renders a {@link LedgerSnapshot} as text for people or as JSON for scripts. Amounts appear in human units of their
 * asset ("1.5 BTT"); JSON also carries the exact base units as decimal strings (uint256 does not fit a JSON number).
 * Times are ISO-8601 UTC. Everything printed comes from the file, so every string is escaped (JSON) or stripped of
 * control characters (text).
 */
public final class LedgerReport {
    private LedgerReport() {
    }

    /** The text report. */
    public static String text(LedgerSnapshot s, SettlementAsset defaultAsset) {
        StringBuilder b = new StringBuilder();
        b.append("ledger ").append(clean(s.file().toString())).append('\n');
        b.append('\n').append("Bids: ").append(s.bidsSent()).append(" sent, ").append(s.bidsReceived())
                .append(" received").append(s.bids().isEmpty() ? "" : " (newest first)").append('\n');
        for (BidRecord r : s.bids()) {
            b.append("  ").append(pad(r.direction().name(), 9)).append(time(r.createdAtMillis()))
                    .append("  torrent ").append(r.torrent(), 0, 12).append('…')
                    .append("  buyer ").append(clean(r.buyer().value()))
                    .append("  seller ").append(clean(r.seller().value()))
                    .append("  ").append(money(r.asset().value(), r.pricePerMiB())).append("/MiB")
                    .append("  nonce ").append(r.nonce()).append('\n');
        }
        cheques(b, "Cheques sent", s.chequesSent(), true);
        cheques(b, "Cheques received", s.chequesReceived(), false);
        b.append('\n').append("Receipts:").append(s.receipts().isEmpty() ? " none" : "").append('\n');
        for (LedgerSnapshot.ReceiptRow r : s.receipts()) {
            b.append("  ").append(r.direction() == Direction.SENT ? "got     " : "gave    ")
                    .append(time(r.createdAtMillis())).append("  payer ").append(clean(r.account().payer().value()))
                    .append("  payee ").append(clean(r.account().payee().value())).append("  cumulative ")
                    .append(money(r.account().asset().value(), r.cumulative())).append('\n');
        }
        b.append('\n').append("Settlements:").append(s.settlements().isEmpty() ? " none" : "").append('\n');
        for (SettlementRecord r : s.settlements()) {
            b.append("  ").append(r.direction() == Direction.SENT ? "paid    " : "received")
                    .append(' ').append(time(r.createdAtMillis())).append("  ")
                    .append(money(r.account().asset().value(), r.amount()))
                    .append(r.direction() == Direction.SENT ? "  to " + clean(r.account().payee().value())
                            : "  from " + clean(r.account().payer().value()))
                    .append("  ").append(pad(r.status().name(), 9))
                    .append(" txid ").append(r.txid().map(LedgerReport::clean).orElse("(none yet)")).append('\n');
        }
        b.append('\n').append("Totals per counterparty:").append(s.totals().isEmpty() ? " none" : "").append('\n');
        for (LedgerSnapshot.AccountTotals t : s.totals()) {
            Totals x = t.totals();
            String asset = t.account().asset().value();
            boolean we = t.direction() == Direction.SENT;
            b.append("  ").append(we ? "we pay  " : "pays us ")
                    .append(clean(we ? t.account().payee().value() : t.account().payer().value()))
                    .append("  chain ").append(clean(t.account().chain().value()))
                    .append("  cheques ").append(money(asset, x.lastCumulative())).append(" (").append(x.cheques())
                    .append(x.cheques() == 1 ? " cheque" : " cheques").append(", last seq ").append(x.lastSequence())
                    .append(")  settled ").append(money(asset, x.settled()))
                    .append("  in flight ").append(money(asset, x.inFlight()))
                    .append("  unsettled ").append(money(asset, x.unsettled()))
                    .append("  last receipt ").append(money(asset, x.lastReceipt())).append('\n');
        }
        b.append('\n').append("Blocklist:").append(s.blocklist().isEmpty() ? " empty" : "").append('\n');
        for (LedgerSnapshot.BlockedPayer p : s.blocklist()) {
            b.append("  ").append(clean(p.payer())).append("  since ").append(time(p.createdAtMillis()))
                    .append("  ").append(clean(p.reason())).append('\n');
        }
        b.append('\n').append(EarningsSummary.of(s, defaultAsset)).append('\n');
        return b.toString();
    }

    private static void cheques(StringBuilder b, String title, List<LedgerSnapshot.ChequeRow> rows, boolean sent) {
        b.append('\n').append(title).append(':').append(rows.isEmpty() ? " none" : "").append('\n');
        for (LedgerSnapshot.ChequeRow c : rows) {
            String asset = c.account().asset().value();
            b.append("  ").append(time(c.createdAtMillis()))
                    .append(sent ? "  to " + clean(c.account().payee().value())
                            : "  from " + clean(c.account().payer().value()))
                    .append("  seq ").append(c.sequence()).append("  cumulative ").append(money(asset, c.cumulative()))
                    .append("  (+").append(money(asset, c.delta())).append(")\n");
        }
    }

    /** The JSON report: one object, stable key order. */
    public static String json(LedgerSnapshot s, SettlementAsset defaultAsset) {
        List<String> bids = new ArrayList<>();
        for (BidRecord r : s.bids()) {
            bids.add(obj("direction", str(r.direction().name()), "torrent", str(r.torrent()), "buyer",
                    str(r.buyer().value()), "seller", str(r.seller().value()), "asset", str(r.asset().value()),
                    "pricePerMiB", amount(r.asset().value(), r.pricePerMiB()), "nonce", Long.toString(r.nonce()),
                    "expiresAt", str(time(r.expiresAtMillis())), "createdAt", str(time(r.createdAtMillis()))));
        }
        List<String> receipts = new ArrayList<>();
        for (LedgerSnapshot.ReceiptRow r : s.receipts()) {
            receipts.add(obj("direction", str(r.direction().name()), "account", account(r.account()), "cumulative",
                    amount(r.account().asset().value(), r.cumulative()), "createdAt", str(time(r.createdAtMillis()))));
        }
        List<String> settlements = new ArrayList<>();
        for (SettlementRecord r : s.settlements()) {
            settlements.add(obj("id", Long.toString(r.id()), "direction", str(r.direction().name()), "account",
                    account(r.account()), "amount", amount(r.account().asset().value(), r.amount()), "txid",
                    r.txid().map(LedgerReport::str).orElse("null"), "status", str(r.status().name()), "createdAt",
                    str(time(r.createdAtMillis())), "updatedAt", str(time(r.updatedAtMillis()))));
        }
        List<String> totals = new ArrayList<>();
        for (LedgerSnapshot.AccountTotals t : s.totals()) {
            String a = t.account().asset().value();
            Totals x = t.totals();
            totals.add(obj("direction", str(t.direction().name()), "account", account(t.account()), "cumulative",
                    amount(a, x.lastCumulative()), "lastSequence", Long.toString(x.lastSequence()), "cheques",
                    Long.toString(x.cheques()), "settled", amount(a, x.settled()), "inFlight", amount(a, x.inFlight()),
                    "unsettled", amount(a, x.unsettled()), "lastReceipt", amount(a, x.lastReceipt())));
        }
        List<String> blocked = new ArrayList<>();
        for (LedgerSnapshot.BlockedPayer p : s.blocklist()) {
            blocked.add(obj("payer", str(p.payer()), "reason", str(p.reason()), "since", str(time(p.createdAtMillis()))));
        }
        return obj("file", str(s.file().toString()),
                "bidsSent", Long.toString(s.bidsSent()), "bidsReceived", Long.toString(s.bidsReceived()),
                "bids", arr(bids), "chequesSent", arr(chequesJson(s.chequesSent())),
                "chequesReceived", arr(chequesJson(s.chequesReceived())), "receipts", arr(receipts),
                "settlements", arr(settlements), "totals", arr(totals), "blocklist", arr(blocked),
                "summary", str(EarningsSummary.of(s, defaultAsset))) + "\n";
    }

    private static List<String> chequesJson(List<LedgerSnapshot.ChequeRow> rows) {
        List<String> out = new ArrayList<>();
        for (LedgerSnapshot.ChequeRow c : rows) {
            String a = c.account().asset().value();
            out.add(obj("account", account(c.account()), "sequence", Long.toString(c.sequence()), "cumulative",
                    amount(a, c.cumulative()), "delta", amount(a, c.delta()), "createdAt",
                    str(time(c.createdAtMillis()))));
        }
        return out;
    }

    private static String account(Account a) {
        return obj("payer", str(a.payer().value()), "payee", str(a.payee().value()), "asset", str(a.asset().value()),
                "chain", str(a.chain().value()));
    }

    private static String amount(String asset, BigInteger units) {
        return obj("units", str(units.toString()), "text", str(SettlementAsset.formatAny(asset, units)));
    }

    private static String obj(String... kv) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(str(kv[i])).append(':').append(kv[i + 1]);
        }
        return b.append('}').toString();
    }

    private static String arr(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    /** A JSON string literal (RFC 8259 §7). */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    private static String money(String asset, BigInteger units) {
        return clean(SettlementAsset.formatAny(asset, units));
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Text from the file without control characters (a hostile reason string cannot move the cursor). */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
