package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.TestPostgres;

class RateLimitBucketsTest {

    /** A clock that moves only when told. */
    private static final class FakeTime implements TimeMeter {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

        void advanceSeconds(long seconds) {
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        }
    }

    @Test
    void aBucketHoldsAMinutesAllowanceAndRefillsItOverTheMinute() {
        var time = new FakeTime();
        var buckets = RateLimitBuckets.inMemory(time);

        for (int i = 0; i < 6; i++) {
            assertThat(buckets.take("user:ada|SEARCH", 6)).isZero();
        }
        long wait = buckets.take("user:ada|SEARCH", 6);

        // six a minute: the next token comes ten seconds after the last was taken
        assertThat(TimeUnit.NANOSECONDS.toSeconds(wait)).isBetween(9L, 10L);
        assertThat(buckets.take("user:grace|SEARCH", 6))
                .as("another user's bucket")
                .isZero();
        time.advanceSeconds(10);
        assertThat(buckets.take("user:ada|SEARCH", 6)).isZero();
        assertThat(buckets.take("user:ada|SEARCH", 6)).isPositive();
    }

    @Test
    void refusesABucketWithoutTokens() {
        var buckets = RateLimitBuckets.inMemory(new FakeTime());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> buckets.take("user:ada|ASK", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bucket holds at least 1 token a minute, got 0");
    }

    @Test
    void instancesSharingTheDatabaseDrawFromOneBucket() throws Exception {
        try (var schema = TestPostgres.newSchema()) {
            createTable(schema);
            var first = RateLimitBuckets.postgres(schema.dataSource());
            var second = RateLimitBuckets.postgres(schema.dataSource());

            assertThat(first.take("user:ada|ASK", 3)).isZero();
            assertThat(second.take("user:ada|ASK", 3)).isZero();
            assertThat(first.take("user:ada|ASK", 3)).isZero();

            // three a minute in all, whichever instance is asked
            assertThat(second.take("user:ada|ASK", 3)).isPositive();
            assertThat(first.take("user:ada|ASK", 3)).isPositive();
            assertThat(second.take("user:grace|ASK", 3)).isZero();
            assertThat(first.removeExpired()).as("no bucket is full again yet").isZero();
        }
    }

    /** The table as the PostgreSQL migration creates it. */
    private static void createTable(TestPostgres.Schema schema) throws Exception {
        var sql = new String(
                RateLimitBucketsTest.class
                        .getResourceAsStream("/db/postgresql/V14__rate_limit_buckets.sql")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        try (var connection = schema.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
