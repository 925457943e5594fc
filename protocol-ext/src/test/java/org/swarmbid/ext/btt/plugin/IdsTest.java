package org.swarmbid.ext.btt.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.swarmbid.bidding.api.Address;
import org.swarmbid.ext.btt.AssetId;
import org.swarmbid.ext.btt.TronAccount;

class IdsTest {
    @Test
    void base58CheckMatchesTheSpecVectors() {
        // docs/btt-extension.md 9.2 (addresses of the cheque vectors) and the BTT contract of 2.1
        assertThat(Ids.address(TronAccount.fromHex("415cd0fb0ab3ce40f3051414c604b27756e69e43db")).value())
                .isEqualTo("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
        assertThat(Ids.address(TronAccount.fromHex("41521ea197907927725ef36d70f25f850d1659c7c7")).value())
                .isEqualTo("THTR75o8xXAgCTQqpiot2AFRAjvW1tSbVV");
        assertThat(Ids.account(Address.of("TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4")).toHex())
                .isEqualTo("41032017411f4663b317fe77c257d28d5cd1b26e3d");
        assertThat(Ids.asset(AssetId.BTT).value()).isEqualTo("trc20:032017411f4663b317fe77c257d28d5cd1b26e3d");
        assertThat(Ids.chain(728126428L).value()).isEqualTo("728126428");
    }

    @Test
    void badChecksumOrCharacterIsRefused() {
        assertThatThrownBy(() -> Ids.account(Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeD")))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Ids.account(Address.of("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDe0")))
                .hasMessageContaining("character");
    }
}
