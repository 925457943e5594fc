package org.swarmbid.ui.bidding;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The bidding screen's strings ({@code org/swarmbid/ui/bidding/messages*.properties}, English and German). */
public final class BiddingTexts {

    /** The bundle's base name. */
    public static final String BUNDLE = "org.swarmbid.ui.bidding.messages";

    private BiddingTexts() {
    }

    /** The text of {@code key}, formatted with {@code args} (MessageFormat) if there are any. */
    public static String get(String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
