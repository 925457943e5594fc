package org.swarmbid.core.bencode;

/**
 * A bencoded value (BEP 3): one of four shapes. Values are immutable.
 */
public sealed interface BValue permits BInteger, BString, BList, BDict {

    /** Canonical encoding of this value. */
    default byte[] encode() {
        return BencodeWriter.encode(this);
    }
}
