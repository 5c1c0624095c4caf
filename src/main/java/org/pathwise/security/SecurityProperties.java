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
 */
@ConfigurationProperties("pathwise.security")
public record SecurityProperties(
        @DefaultValue("admin") String bootstrapAdminUsername,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("90d") Duration tokenTtl,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue("1MB") DataSize maxRequestSize) {

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
}
