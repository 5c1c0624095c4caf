package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.retrieval.TestPostgres;

/**
 * Two instances append to one audit log in PostgreSQL at the same time, each with its own {@link AuditLog}: every
 * record is kept, in one chain, and the chain verifies.
 */
class ConcurrentAuditPostgresTest {

    private static final int PER_INSTANCE = 40;

    @TempDir
    Path dataDir;

    @Test
    void theChainStaysVerifiableWithConcurrentWriters() throws Exception {
        try (var schema = TestPostgres.newSchema()) {
            var first = TestAuditLogs.onPostgres(schema.dataSource(), dataDir);
            var second = TestAuditLogs.onPostgres(schema.dataSource(), dataDir);
            var futures = new ArrayList<Future<?>>();
            try (var threads = Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++) {
                    var instance = t % 2 == 0 ? first : second;
                    int thread = t;
                    futures.add(threads.submit(() -> {
                        for (int i = 0; i < PER_INSTANCE / 2; i++) {
                            instance.ask("educator-" + thread, "question " + i + " of thread " + thread, "an answer");
                        }
                    }));
                }
                for (var future : futures) {
                    future.get();
                }
            }

            assertThat(first.log().verify())
                    .isInstanceOfSatisfying(
                            Verification.Intact.class,
                            intact -> assertThat(intact.records()).isEqualTo(2L * PER_INSTANCE));
            assertThat(second.log().verify()).isEqualTo(first.log().verify());
        }
    }
}
