package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which database failures the PostgreSQL index tries again, and how often. */
class PgVectorRetryTest {

    @Test
    void aLostConnectionOrADeadlockIsTriedAgain() {
        var attempts = new AtomicInteger();

        var result = PgVectorPassageIndex.retrying("searching", () -> {
            return switch (attempts.incrementAndGet()) {
                case 1 -> throw new SQLException("connection reset", "08006");
                case 2 -> throw new SQLException("deadlock detected", "40P01");
                default -> "found";
            };
        });

        assertThat(result).isEqualTo("found");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterThreeAttempts() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> PgVectorPassageIndex.retrying("searching", () -> {
                    attempts.incrementAndGet();
                    throw new SQLException("could not serialize access", "40001");
                }))
                .hasMessageContaining("searching")
                .hasMessageContaining("could not serialize access");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRepeated() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> PgVectorPassageIndex.retrying("indexing passages", () -> {
                    attempts.incrementAndGet();
                    throw new SQLException("duplicate key value", "23505");
                }))
                .hasMessageContaining("duplicate key value");
        assertThat(attempts).hasValue(1);
    }
}
