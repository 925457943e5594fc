package org.swarmbid.core.spi;

/** A plugin's answer to an incoming block request. */
public enum RequestVerdict {
    /** Serve it now (the default). */
    SERVE,
    /** Keep it queued and ask again later (e.g. waiting for payment to catch up). */
    DEFER,
    /** Refuse it: a BEP 6 reject is sent if the peer speaks the fast extension, else the request is dropped. */
    REJECT
}
