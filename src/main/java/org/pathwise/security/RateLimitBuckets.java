package org.pathwise.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Token buckets by key (Bucket4j): a bucket holds a minute's allowance and refills it continuously over the minute.
 * {@link #inMemory} keeps them in this instance, for the embedded store's single instance; {@link #postgres} keeps them
 * in the shared database's {@code rate_limit_bucket} table, locked row by row, so that every instance draws from the
 * same bucket and N instances allow what one does.
 */
sealed interface RateLimitBuckets {

    /**
     * Takes one token from the bucket {@code key}, created full with {@code perMinute} tokens when new.
     *
     * @return 0 when there was a token, else the nanoseconds until there will be one
     */
    default long take(String key, int perMinute) {
        return waitNanos(bucket(key, perMinute).tryConsumeAndReturnRemaining(1));
    }

    /** The bucket of a key, created full with {@code perMinute} tokens when new. */
    Bucket bucket(String key, int perMinute);

    /** Buckets in this instance's memory; idle ones are forgotten once they would be full again. */
    static RateLimitBuckets inMemory(TimeMeter clock) {
        return new InMemory(clock);
    }

    /** Buckets in the shared PostgreSQL database; full ones are removed by {@link Postgres#removeExpired()}. */
    static Postgres postgres(DataSource dataSource) {
        return new Postgres(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build());
    }

    private static BucketConfiguration perMinute(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("a bucket holds at least 1 token a minute, got " + tokens);
        }
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, Duration.ofMinutes(1)))
                .build();
    }

    /** Buckets by key; one left alone for two minutes is full again, so forgetting it changes nothing. */
    private static Cache<String, Bucket> idleForgotten(long size) {
        return Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(size)
                .build();
    }

    private static long waitNanos(io.github.bucket4j.ConsumptionProbe probe) {
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Buckets in this instance's memory. */
    final class InMemory implements RateLimitBuckets {

        private final TimeMeter clock;
        private final Cache<String, Bucket> buckets = idleForgotten(1_000_000);

        private InMemory(TimeMeter clock) {
            this.clock = clock;
        }

        @Override
        public Bucket bucket(String key, int perMinute) {
            return buckets.get(
                    key,
                    k -> Bucket.builder()
                            .addLimit(perMinute(perMinute).getBandwidths()[0])
                            .withCustomTimePrecision(clock)
                            .build());
        }
    }

    /** Buckets in the shared PostgreSQL database. */
    final class Postgres implements RateLimitBuckets {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
        // one proxy per key, so that a burst of one user's requests to this instance is sent to the row as one batch
        private final Cache<String, Bucket> proxies = idleForgotten(100_000);

        private Postgres(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Override
        public Bucket bucket(String key, int perMinute) {
            return proxies.get(
                    key,
                    k -> buckets.builder()
                            .withOptimization(Optimizations.batching())
                            .build(k, () -> perMinute(perMinute)));
        }

        /** Removes buckets that are full again, a thousand at a time; returns how many went. */
        int removeExpired() {
            int removed = 0;
            int batch;
            do {
                batch = buckets.removeExpired(1000);
                removed += batch;
            } while (batch == 1000);
            return removed;
        }
    }
}
