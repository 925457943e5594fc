package org.swarmbid.ext.btt;

import java.util.Optional;
import org.swarmbid.wallet.crypto.RecoverableSignature;
import org.swarmbid.wallet.crypto.Secp256k1;
import org.swarmbid.wallet.key.PrivateKey;
import org.swarmbid.wallet.key.TronAddress;

/** The two ports implemented with the real wallet, as the app will do it (test scope only). */
final class WalletPorts {
    private WalletPorts() {
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

    static final SignatureVerifier VERIFIER = (digest, signature) -> {
        try {
            byte[] pub = Secp256k1.recoverPublicKey(digest, RecoverableSignature.fromBytes(signature.bytes()));
            return Optional.of(TronAccount.of(TronAddress.fromPublicKey(pub).toBytes()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    };
}
