package org.swarmbid.ext.btt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.key.PrivateKey;

/**
 * Cross-checks the EIP-712 machinery against the specification's own example (EIP-712, "Example": the Ether Mail
 * message, domain "Ether Mail"/"1"/chainId 1/0xCcCC...cccC, signed with keccak256("cow")). The expected values are
 * published in the EIP text and reproduced by MetaMask eth-sig-util and eth-account test suites.
 */
class Eip712MailExampleTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] person(String name, String wallet) {
        return Eip712.hashStruct(Eip712.typeHash("Person(string name,address wallet)"), Eip712.string(name),
                Eip712.address(HEX.parseHex(wallet)));
    }

    private static byte[] domain() {
        return Eip712.hashStruct(Eip712.typeHash(SigningDomain.ENCODE_TYPE), Eip712.string("Ether Mail"),
                Eip712.string("1"), Eip712.uint(BigInteger.ONE),
                Eip712.address(HEX.parseHex("cccccccccccccccccccccccccccccccccccccccc")));
    }

    private static byte[] mail() {
        return Eip712.hashStruct(
                Eip712.typeHash("Mail(Person from,Person to,string contents)Person(string name,address wallet)"),
                person("Cow", "cd2a3d9f938e13cd947ec05abc7fe734df8dd826"),
                person("Bob", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), Eip712.string("Hello, Bob!"));
    }

    @Test
    void domainSeparatorStructHashAndDigestMatchTheSpec() {
        assertThat(HEX.formatHex(domain()))
                .isEqualTo("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
        assertThat(HEX.formatHex(mail()))
                .isEqualTo("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
        assertThat(HEX.formatHex(Eip712.digest(domain(), mail())))
                .isEqualTo("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
    }

    @Test
    void theDomainTypeHashIsTheWellKnownOne() {
        assertThat(HEX.formatHex(Eip712.typeHash(SigningDomain.ENCODE_TYPE)))
                .isEqualTo("8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f");
    }

    @Test
    void signingWithTheCowKeyGivesThePublishedSignature() {
        String cow = HEX.formatHex(Eip712.keccak256("cow".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(cow).isEqualTo("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
        byte[] digest = Eip712.digest(domain(), mail());
        Signature sig = WalletPorts.signer(cow).sign(digest);
        assertThat(sig.toHex()).isEqualTo("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c");
        try (PrivateKey key = PrivateKey.fromHex(cow)) {
            assertThat(HEX.formatHex(key.address().toEvmBytes())).isEqualTo("cd2a3d9f938e13cd947ec05abc7fe734df8dd826");
            assertThat(WalletPorts.VERIFIER.recover(digest, sig)).contains(TronAccount.of(key.address().toBytes()));
        }
    }

    @Test
    void uintAndBytesNEncodingsArePaddedOnTheRightSides() {
        assertThat(HEX.formatHex(Eip712.uint64(-1L))).isEqualTo("0".repeat(48) + "f".repeat(16));
        assertThat(HEX.formatHex(Eip712.bytesN(new byte[] {(byte) 0xab}))).isEqualTo("ab" + "0".repeat(62));
        assertThat(HEX.formatHex(Eip712.uint(Amounts.UINT256_MAX))).isEqualTo("f".repeat(64));
    }
}
