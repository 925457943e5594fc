package org.swarmbid.ui.wallet;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The wallet screens' strings ({@code org/swarmbid/ui/wallet/messages*.properties}, English and German), in the
 * default locale. Keys with arguments use {@link MessageFormat} syntax.
 */
public final class Texts {

    /** The bundle's base name. */
    public static final String BUNDLE = "org.swarmbid.ui.wallet.messages";

    private Texts() {
    }

    /** The bundle of the default locale. */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The text of {@code key}, formatted with {@code args} if there are any. */
    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
