/**
 * The seller's per-choke-round auction of paid upload slots: uniform price, (k+1)-th price (BitTorrent Speed
 * white paper v0.8.7, section "bidding"): the top k bids at or above the reserve win, and every winner pays
 * {@code max(reserve, highest losing bid)}. A winner's price does not depend on its own bid, so bidding one's
 * true value is weakly dominant and the buyer engine bids its real value.
 *
 * <p>Threading: pure functions over immutable values; no state, safe from any thread.
 */
package org.swarmbid.bidding.auction;
