package org.pathwise.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings ({@code pathwise.security.*}).
 *
 * @param bootstrapAdminUsername the administrator created on first start
 * @param bootstrapAdminPassword its password; when empty a random one is generated and logged once
 * @param tokenTtl how long a new API token lives unless its creator says otherwise
 * @param rateLimits requests per minute and user, by kind
 * @param maxRequestSize the largest request body other than a multipart upload
 * @param loginThrottle how failed sign-ins slow down further attempts
 */
@ConfigurationProperties("pathwise.security")
record SecurityProperties(
        @DefaultValue("admin") String bootstrapAdminUsername,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("90d") Duration tokenTtl,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue LoginThrottle loginThrottle) {

    /**
     * Requests per minute and user; 0 turns a limit off.
     *
     * @param search searches (API and pages)
     * @param ask questions to the assistant
     * @param ingest uploads and folder ingests
     */
    public record RateLimits(
            @DefaultValue("120") int search,
            @DefaultValue("30") int ask,
            @DefaultValue("20") int ingest) {

        public RateLimits {
            if (search < 0 || ask < 0 || ingest < 0) {
                throw new IllegalArgumentException("rate limits must be >= 0 requests per minute");
            }
        }
    }

    /**
     * Failed sign-ins (wrong passwords with a form or HTTP Basic, wrong API tokens) counted per account and address,
     * per address and per account. Once a count reaches its allowance, each further failure blocks that key for
     * {@code initialBackoff}, doubling with every failure up to its cap; a blocked attempt is refused before its
     * password is checked. Counts are forgotten {@code forgetAfter} after their last failure.
     *
     * @param enabled false turns throttling off
     * @param perAccountAndAddress failures allowed for one account from one address before backoff
     * @param perAddress failures allowed from one address, over all accounts and tokens, before backoff
     * @param perAccount failures allowed for one account, from all addresses, before backoff (looser)
     * @param initialBackoff the first block
     * @param maxBackoff the longest block of an address, or of an account from an address
     * @param maxAccountBackoff the longest block of an account from everywhere (shorter, so that nobody can keep
     *     a user out for long from another address)
     * @param forgetAfter how long after its last failure a count is forgotten; at least {@code maxBackoff}
     * @param trustAfterSuccess how long an address that signed in as an account skips the address and account
     *     blocks for that account (its own account-and-address count still applies)
     * @param maxEntries the most keys each counter keeps (least recently used go first)
     */
    public record LoginThrottle(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int perAccountAndAddress,
            @DefaultValue("20") int perAddress,
            @DefaultValue("50") int perAccount,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("15m") Duration maxBackoff,
            @DefaultValue("1m") Duration maxAccountBackoff,
            @DefaultValue("1h") Duration forgetAfter,
            @DefaultValue("30d") Duration trustAfterSuccess,
            @DefaultValue("100000") int maxEntries) {

        public LoginThrottle {
            if (perAccountAndAddress < 1 || perAddress < 1 || perAccount < 1) {
                throw new IllegalArgumentException("login-throttle allowances must be at least 1 failure");
            }
            if (!initialBackoff.isPositive()
                    || maxBackoff.compareTo(initialBackoff) < 0
                    || maxAccountBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "login-throttle backoffs must be positive and the caps at least initial-backoff, got "
                                + initialBackoff + ", " + maxBackoff + ", " + maxAccountBackoff);
            }
            if (forgetAfter.compareTo(maxBackoff) < 0 || forgetAfter.compareTo(maxAccountBackoff) < 0) {
                throw new IllegalArgumentException(
                        "login-throttle forget-after must be at least the backoff caps, got " + forgetAfter);
            }
            if (trustAfterSuccess.isNegative() || maxEntries < 1) {
                throw new IllegalArgumentException(
                        "login-throttle trust-after-success must be >= 0 and max-entries >= 1");
            }
        }
    }
}
