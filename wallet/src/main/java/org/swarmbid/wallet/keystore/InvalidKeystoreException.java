package org.swarmbid.wallet.keystore;

/** The keystore JSON is malformed, unsupported or exceeds a safety cap; {@link #field()} names where. */
public final class InvalidKeystoreException extends KeystoreException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field dotted JSON path of the offending field, e.g. {@code crypto.kdfparams.n} ("" for the document)
     * @param problem what is wrong with it
     */
    public InvalidKeystoreException(String field, String problem) {
        super("invalid keystore: " + (field.isEmpty() ? "" : field + " ") + problem);
        this.field = field;
    }

    /** Dotted path of the offending field ("" for the whole document). */
    public String field() {
        return field;
    }
}
