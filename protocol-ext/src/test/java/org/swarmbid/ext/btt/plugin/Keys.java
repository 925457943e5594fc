package org.swarmbid.ext.btt.plugin;

import java.util.Optional;
import org.swarmbid.ext.btt.ChequeSigner;
import org.swarmbid.ext.btt.Signature;
import org.swarmbid.ext.btt.SignatureVerifier;
import org.swarmbid.ext.btt.TronAccount;
import org.swarmbid.wallet.crypto.RecoverableSignature;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;

/** The two signature ports implemented with the real wallet (secp256k1, RFC 6979, low-S), as app does. */
final class Keys {
    static final String SELLER = "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54";
    static final String BUYER = "8e812436a0e3323166e1f0e8ba79e19e217b2c4a53c970d4cca0cfb1078979df";
    static final String OTHER = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    static final String THIRD = "0dbbe8e4ae425a6d2687f1a7e3ba17bc98c673636790f1b8ad91193c05875ef1";

    private Keys() {
    }

    static ChequeSigner signer(String privateKeyHex) {
        PrivateKey key = PrivateKey.fromHex(privateKeyHex);
        TronAccount address = TronAccount.of(key.address().toBytes());
        return new ChequeSigner() {
            @Override
            public TronAccount address() {
                return address;
            }

            @Override
            public Signature sign(byte[] digest32) {
                return Signature.of(key.sign(digest32).toBytesV27());
            }
        };
    }

    static TronAccount account(String privateKeyHex) {
        return signer(privateKeyHex).address();
    }

    static final SignatureVerifier VERIFIER = (digest, signature) -> {
        try {
            byte[] pub = Secp256k1.recoverPublicKey(digest, RecoverableSignature.fromBytes(signature.bytes()));
            return Optional.of(TronAccount.of(TronAddress.fromPublicKey(pub).toBytes()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    };
}
