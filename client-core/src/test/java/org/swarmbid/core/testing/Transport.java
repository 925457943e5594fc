package org.swarmbid.core.testing;

/**
 * Which peer transports a fixture peer enables: TCP, uTP (BEP 29) or both. aria2 has no uTP; Transmission always
 * keeps TCP and only switches uTP on or off.
 */
public enum Transport {
    TCP, UTP, BOTH;

    boolean tcp() {
        return this != UTP;
    }

    boolean utp() {
        return this != TCP;
    }
}
