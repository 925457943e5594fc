package org.swarmbid.wallet.tx;

import com.google.protobuf.ByteString;
import org.swarmbid.wallet.crypto.Hashes;
import org.swarmbid.wallet.crypto.Hex;
import org.tron.trident.proto.Chain;

/**
 * A transaction with exactly one signature, ready to broadcast.
 *
 * @param transaction the protobuf transaction ({@code raw_data} + one 65-byte signature)
 */
public record SignedTransaction(Chain.Transaction transaction) {

    /** Signature length: r (32) || s (32) || v (1). */
    public static final int SIGNATURE_LENGTH = 65;

    public SignedTransaction {
        if (transaction == null || !transaction.hasRawData()) {
            throw new IllegalArgumentException("transaction has no raw_data");
        }
        if (transaction.getSignatureCount() != 1 || transaction.getSignature(0).size() != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("transaction must carry exactly one 65-byte signature");
        }
    }

    /** Signs {@code unsigned} (which must carry no signature yet) with {@code signer}. */
    public static SignedTransaction sign(Chain.Transaction unsigned, TransactionSigner signer) {
        if (unsigned.getSignatureCount() != 0) {
            throw new IllegalArgumentException("transaction is already signed");
        }
        byte[] signature = signer.sign(txid(unsigned).toByteArray());
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalStateException("signer returned " + (signature == null ? "null" : signature.length
                    + " bytes") + ", expected 65");
        }
        return new SignedTransaction(unsigned.toBuilder().addSignature(ByteString.copyFrom(signature)).build());
    }

    /** TRON's transaction id: SHA-256 of the serialized {@code raw_data}. */
    public static ByteString txid(Chain.Transaction transaction) {
        return ByteString.copyFrom(Hashes.sha256(transaction.getRawData().toByteArray()));
    }

    /** The 32-byte transaction id. */
    public ByteString txid() {
        return txid(transaction);
    }

    /** The transaction id as 64 lowercase hex digits. */
    public String txidHex() {
        return Hex.encode(txid().toByteArray());
    }

    /** The serialized {@code raw_data} as lowercase hex. */
    public String rawDataHex() {
        return Hex.encode(transaction.getRawData().toByteArray());
    }

    /** The 65-byte signature. */
    public ByteString signature() {
        return transaction.getSignature(0);
    }

    /** Expiration, ms since epoch. */
    public long expirationMillis() {
        return transaction.getRawData().getExpiration();
    }

    /** Size of the whole serialized transaction in bytes. */
    public int serializedSize() {
        return transaction.getSerializedSize();
    }
}
