package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export streams: 100,000 records go out while the heap that stays in use (measured after a garbage collection
 * every 20,000 records) grows by a few megabytes, where holding the rows would take hundreds.
 */
class ExportHeapTest {

    private static final int RECORDS = 100_000;

    @TempDir
    Path dataDir;

    @Test
    void exportingAHundredThousandRecordsKeepsTheHeapFlat() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("pathwise"), "sa", "", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        var head = generate(dataSource);
        var records = new AuditRecords(JdbcClient.create(dataSource), dataSource, java.time.Clock.systemUTC());
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var memory = ManagementFactory.getMemoryMXBean();

        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        var retained = new ArrayList<Long>();
        var writer = new Writer() {
            long lines;
            long chars;

            @Override
            public void write(char[] buffer, int offset, int length) {
                count(new String(buffer, offset, length));
            }

            @Override
            public void write(String text) {
                count(text);
            }

            private void count(String text) {
                chars += text.length();
                if (text.endsWith("\n") && ++lines % 20_000 == 0) {
                    System.gc();
                    retained.add(memory.getHeapMemoryUsage().getUsed() - baseline);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        long exported = transactions.execute(status -> records.export(
                new RecordFilter(null, null, null, null, null, null, null, null, null, null, null, null),
                AuditRecords.Format.JSONL,
                writer));

        assertThat(exported).isEqualTo(RECORDS);
        assertThat(writer.lines).isEqualTo(RECORDS);
        assertThat(writer.chars).as("the export's size").isGreaterThan(RECORDS * 1_000L);
        assertThat(retained).hasSize(RECORDS / 20_000);
        assertThat(retained.stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("heap retained during the export, bytes: %s", retained)
                .isLessThan(32L * 1024 * 1024);
        assertThat(head).isNotEqualTo(Chain.GENESIS);
        dataSource.destroy();
    }

    /** Writes {@link #RECORDS} chained interaction records in batches; returns the last hash. */
    private static String generate(DataSource dataSource) {
        var jdbc = new JdbcTemplate(dataSource);
        var previous = Chain.GENESIS;
        var start = Instant.parse("2026-01-05T09:00:00Z");
        var batch = new ArrayList<Object[]>();
        for (int seq = 1; seq <= RECORDS; seq++) {
            var metadata = new LinkedHashMap<String, Object>();
            metadata.put("interaction", "i-" + seq);
            metadata.put("pseudonym", "p-" + (seq % 300));
            metadata.put("outcome", "answered");
            metadata.put("language", "en");
            metadata.put("rules", List.of());
            metadata.put("composer", "extractive");
            metadata.put("model", "");
            metadata.put("prompt", "");
            metadata.put(
                    "retrieved",
                    List.of(
                            new LinkedHashMap<>(java.util.Map.of("source", "inclusion/captions.md", "score", 0.9)),
                            new LinkedHashMap<>(java.util.Map.of("source", "design/media.md", "score", 0.7))));
            metadata.put(
                    "note", "Captions are the text version of the speech and relevant sounds of a video. ".repeat(8));
            var canonical = Chain.canonical(metadata);
            var at = start.plusSeconds(seq);
            var user = "educator-" + (seq % 300);
            var question = "How do I caption video " + seq + "? Write to ada" + seq + "@example.org";
            var answer = "Write captions from a transcript and check them before publishing [1]. ".repeat(5);
            var textHash = Chain.textHash(user, question, answer, null);
            var hash = Chain.hash(previous, seq, "interaction", at, canonical, textHash);
            batch.add(new Object[] {
                seq,
                "r-" + seq,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                "i-" + seq,
                "p-" + (seq % 300),
                user,
                canonical,
                question,
                answer,
                textHash,
                previous,
                hash
            });
            previous = hash;
            if (batch.size() == 2_000) {
                insert(jdbc, batch);
            }
        }
        insert(jdbc, batch);
        jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", RECORDS, previous);
        return previous;
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate(
                "INSERT INTO audit_record (seq, id, kind, recorded_at, interaction_id, pseudonym, username, outcome,"
                        + " language, rules, composer, model, prompt, metadata, question, answer, text_hash,"
                        + " prev_hash, hash) VALUES (?, ?, 'interaction', ?, ?, ?, ?, 'answered', 'en', ',',"
                        + " 'extractive', '', '', ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }
}
