package org.swarmbid.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** Locale-aware formats for sizes, rates, durations and token amounts. Pure; safe on any thread. */
public final class Formats {
    /** Shown where a value is unknown or absent. */
    public static final String NONE = "—";
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    /** 1536 → "1.5 KiB" (binary units, one decimal above bytes). */
    public String bytes(long n) {
        if (n < 0) {
            return NONE;
        }
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v) + " " + UNITS[u];
    }

    /** Bytes per second; an empty string for zero so idle columns stay quiet. */
    public String rate(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : bytes(bytesPerSecond) + "/s";
    }

    /** Bytes per second, "0 B/s" for zero (status bar). */
    public String rateAlways(long bytesPerSecond) {
        return bytes(Math.max(0, bytesPerSecond)) + "/s";
    }

    /** 0.4567 → "45.7 %". */
    public String percent(double fraction) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        double p = Math.floor(Math.max(0, Math.min(1, fraction)) * 1000) / 10;
        return f.format(p) + " %";
    }

    /** Seconds → "1h 02m", "3m 05s", "42s"; unknown (negative) → "∞"-free "—". */
    public String eta(long seconds) {
        if (seconds < 0) {
            return NONE;
        }
        if (seconds == 0) {
            return "";
        }
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (d > 0) {
            return String.format(locale, "%dd %02dh", d, h);
        }
        if (h > 0) {
            return String.format(locale, "%dh %02dm", h, m);
        }
        if (m > 0) {
            return String.format(locale, "%dm %02ds", m, s);
        }
        return s + "s";
    }

    /** "12.5 BTT" with at most 6 decimals, or "—" when absent. */
    public String amount(Optional<TokenAmount> amount) {
        if (amount.isEmpty()) {
            return NONE;
        }
        TokenAmount a = amount.get();
        BigDecimal v = a.value().setScale(Math.min(6, Math.max(0, a.value().scale())), RoundingMode.DOWN);
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(6);
        f.setGroupingUsed(true);
        return f.format(v) + " " + a.symbol();
    }
}
