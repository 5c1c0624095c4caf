-- PostgreSQL only: the rate limits' token buckets that every instance shares (Bucket4j's serialized state), one row
-- per user and kind of request; a row whose bucket is full again expires (epoch milliseconds) and is removed.
CREATE TABLE rate_limit_bucket (
    id VARCHAR(400) PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
