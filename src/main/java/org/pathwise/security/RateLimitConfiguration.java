package org.pathwise.security;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import javax.sql.DataSource;
import org.pathwise.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limits' buckets, in memory for the embedded store and in the shared database for PostgreSQL, and their
 * check on every request that reaches a controller.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    RateLimitBuckets rateLimitBuckets(
            @Value("${pathwise.store:embedded}") String store, DataSource dataSource, Clock clock) {
        return switch (Store.of(store)) {
            case EMBEDDED ->
                RateLimitBuckets.inMemory(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return clock.millis() * 1_000_000L;
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                });
            case POSTGRES -> RateLimitBuckets.postgres(dataSource);
        };
    }

    @Bean
    WebMvcConfigurer rateLimitInterceptor(SecurityProperties properties, RateLimitBuckets buckets) {
        var limits = new RateLimits(properties.rateLimits(), buckets);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limits);
            }
        };
    }

    /** Bucket rows that are full again are dropped every ten minutes, by whichever instance gets there. */
    @Bean
    BucketSweeper rateLimitBucketSweeper(RateLimitBuckets buckets) {
        return new BucketSweeper(buckets);
    }

    static final class BucketSweeper {
        private final RateLimitBuckets buckets;

        BucketSweeper(RateLimitBuckets buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
        void sweep() {
            if (buckets instanceof RateLimitBuckets.Postgres shared) {
                try {
                    shared.removeExpired();
                } catch (RuntimeException e) {
                    log.warn("Removing expired rate-limit buckets failed; the next sweep tries again", e);
                }
            }
        }
    }
}
