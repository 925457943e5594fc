package org.swarmbid.wallet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.swarmbid.wallet.key.TronAddress;

/**
 * Read-only smoke test against the public Nile testnet. Tagged {@code live}: excluded by default and in CI (it needs
 * the internet); run with {@code mvn -pl wallet test -Dtest=NileSmokeTest -DexcludedTestGroups=none}. An API key can
 * be given in {@code TRON_API_KEY}.
 */
@Tag("live")
class NileSmokeTest {

    @Test
    void readsHeadSolidHeadFeesAndABalance() {
        Network nile = Network.nile().withApiKey(System.getenv("TRON_API_KEY"));
        try (TridentChainClient c = new TridentChainClient(nile, Duration.ofSeconds(20))) {
            HeadBlock head = c.head();
            HeadBlock solid = c.solidHead();
            assertThat(head.number()).isPositive();
            assertThat(head.id().substring(0, 8).asReadOnlyByteBuffer().getLong()).isEqualTo(head.number());
            assertThat(System.currentTimeMillis() - head.timestampMillis()).isLessThan(Duration.ofMinutes(5).toMillis());
            assertThat(head.number() - solid.number()).isBetween(0L, 100L);
            assertThat(c.feeSchedule().transactionFeeSunPerByte()).isPositive();
            TronAddress someone = TronAddress.parse("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
            assertThat(c.trxBalance(someone).signum()).isGreaterThanOrEqualTo(0);
        }
    }
}
