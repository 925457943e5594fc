package org.swarmbid.app.btt;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.swarmbid.bidding.ledger.Direction;
import org.swarmbid.bidding.ledger.LedgerSnapshot;
import org.swarmbid.bidding.ledger.LedgerView;
import org.swarmbid.bidding.ledger.SettlementRecord;

/**
 * What a party's payment ledger says, read from the file as {@code swarmbid ledger} reads it ({@link LedgerView},
 * read-only, safe while a process writes), plus the paid pieces, which that report does not list.
 */
record Books(List<Cheque> sent, List<Cheque> received, List<SettlementRecord> settlements, List<PaidPiece> paid) {

    /** One cheque row, oldest first within its account. */
    record Cheque(String payer, String payee, long seq, BigInteger cum, BigInteger delta) {}

    /** One verified piece bought: {@code numerator} = Σ bytes × price per MiB of its paid blocks. */
    record PaidPiece(String torrent, int piece, String payer, String payee, BigInteger numerator) {}

    static Books read(Path ledger) {
        try (LedgerView view = LedgerView.open(ledger)) {
            LedgerSnapshot s = view.snapshot(100_000);
            return new Books(cheques(s.chequesSent()), cheques(s.chequesReceived()), s.settlements(),
                    paid(view.paidPieces(100_000)));
        }
    }

    private static List<Cheque> cheques(List<LedgerSnapshot.ChequeRow> rows) {
        List<Cheque> out = new ArrayList<>();
        for (LedgerSnapshot.ChequeRow r : rows) {
            out.add(new Cheque(r.account().payer().value(), r.account().payee().value(), r.sequence(),
                    r.cumulative(), r.delta()));
        }
        out.sort(Comparator.comparing(Cheque::payer).thenComparing(Cheque::payee).thenComparingLong(Cheque::seq));
        return out;
    }

    private static List<PaidPiece> paid(List<org.swarmbid.bidding.ledger.PaidPiece> rows) {
        List<PaidPiece> out = new ArrayList<>();
        for (org.swarmbid.bidding.ledger.PaidPiece p : rows) {
            out.add(new PaidPiece(p.torrent(), p.piece(), p.account().payer().value(), p.account().payee().value(),
                    p.numerator()));
        }
        out.sort(Comparator.comparingInt(PaidPiece::piece));
        return out;
    }

    /** The newest cheque from {@code payer} to {@code payee} in {@code list}, or null. */
    static Cheque last(List<Cheque> list, String payer, String payee) {
        Cheque last = null;
        for (Cheque c : list) {
            if (c.payer().equals(payer) && c.payee().equals(payee)) {
                last = c;
            }
        }
        return last;
    }

    /** What the paid pieces to {@code payee} are worth in base units: floor(Σ numerators / 2^20), rounded once. */
    BigInteger owedTo(String payee) {
        BigInteger sum = BigInteger.ZERO;
        for (PaidPiece p : paid) {
            if (p.payee().equals(payee)) {
                sum = sum.add(p.numerator());
            }
        }
        return sum.shiftRight(20);
    }

    /** Settlements in {@code direction} (any status), oldest first. */
    List<SettlementRecord> settlements(Direction direction) {
        List<SettlementRecord> out = new ArrayList<>();
        for (SettlementRecord r : settlements) {
            if (r.direction() == direction) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(SettlementRecord::id));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("sent ").append(sent.size()).append(" cheques");
        if (!sent.isEmpty()) {
            b.append(" (last seq ").append(sent.get(sent.size() - 1).seq()).append(" cum ")
                    .append(sent.get(sent.size() - 1).cum()).append(')');
        }
        b.append(", received ").append(received.size());
        if (!received.isEmpty()) {
            b.append(" (last seq ").append(received.get(received.size() - 1).seq()).append(" cum ")
                    .append(received.get(received.size() - 1).cum()).append(')');
        }
        b.append(", settlements ").append(settlements.size()).append(", paid pieces ").append(paid.size());
        return b.toString();
    }
}
