package org.swarmbid.app;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes and rates such as {@code 512}, {@code 64K}, {@code 1.5M}, {@code 2GiB} (powers of 1024). */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?");

    private Sizes() {
    }

    static long parse(String text, String option) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + ": '" + text + "' is not a size such as 512K or 2M");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        try {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift)).longValueExact();
        } catch (ArithmeticException e) {
            throw new UsageException(option + ": '" + text + "' is not a whole number of bytes");
        }
    }

    static int parseInt(String text, String option) {
        long v = parse(text, option);
        if (v > Integer.MAX_VALUE) {
            throw new UsageException(option + ": '" + text + "' is too large");
        }
        return (int) v;
    }
}
