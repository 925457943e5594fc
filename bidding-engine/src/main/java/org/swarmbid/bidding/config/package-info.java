/**
 * Configuration records for the seller and buyer policies, validated on construction, with defaults that
 * sell nothing risky and spend nothing: buying is off until the user sets a budget.
 *
 * <p>Threading: immutable values, safe to share.
 */
package org.swarmbid.bidding.config;
