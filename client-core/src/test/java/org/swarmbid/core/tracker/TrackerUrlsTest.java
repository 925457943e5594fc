package org.swarmbid.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackerUrlsTest {

    @Test
    void scrapeUrlReplacesALeadingAnnounceInTheLastPathSegment() {
        assertThat(TrackerUrls.scrapeUrl("http://example.com/announce")).contains("http://example.com/scrape");
        assertThat(TrackerUrls.scrapeUrl("http://example.com/x/announce")).contains("http://example.com/x/scrape");
        assertThat(TrackerUrls.scrapeUrl("http://example.com/announce.php")).contains("http://example.com/scrape.php");
        assertThat(TrackerUrls.scrapeUrl("http://example.com/announce?x2%0644"))
                .contains("http://example.com/scrape?x2%0644");
        assertThat(TrackerUrls.scrapeUrl("http://example.com/announce?pk=a/b")).contains("http://example.com/scrape?pk=a/b");
    }

    @Test
    void otherwiseScrapeIsUnsupported() {
        assertThat(TrackerUrls.scrapeUrl("http://example.com/a")).isEmpty();
        assertThat(TrackerUrls.scrapeUrl("http://example.com/x%064announce")).isEmpty();
        assertThat(TrackerUrls.scrapeUrl("http://example.com/announce/x")).isEmpty();
        assertThat(TrackerUrls.scrapeUrl("http://example.com/")).isEmpty();
    }

    @Test
    void redactionDropsPathAndQuery() {
        assertThat(TrackerUrls.redact("https://t.example:8443/SECRETKEY/announce?passkey=SECRET"))
                .isEqualTo("https://t.example:8443/…").doesNotContain("SECRET");
        assertThat(TrackerUrls.redact("not a url at all %%")).doesNotContain("%%");
    }
}
