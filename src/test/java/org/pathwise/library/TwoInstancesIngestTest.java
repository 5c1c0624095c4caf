package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Two instances of Pathwise, each with its own library and index objects, ingest the same folder into one
 * PostgreSQL database at the same moment: every document is indexed once, by one of them, and found unchanged by the
 * other; nothing is duplicated or lost, and the term statistics match the passages.
 */
class TwoInstancesIngestTest {

    private static final int DOCUMENTS = 16;

    private TestPostgres.Schema schema;
    private JdbcClient jdbc;

    @TempDir
    Path folder;

    @BeforeEach
    void migrate() {
        schema = TestPostgres.newSchema();
        Flyway.configure()
                .dataSource(schema.dataSource())
                .locations("classpath:db/migration", "classpath:db/postgresql")
                .load()
                .migrate();
        jdbc = JdbcClient.create(schema.dataSource());
    }

    @AfterEach
    void drop() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void eachDocumentIsIndexedOnceWhenTwoInstancesIngestTheSameFolderAtOnce() throws Exception {
        for (int i = 0; i < DOCUMENTS; i++) {
            var text = new StringBuilder("# Module " + i + "\n\n");
            for (int p = 0; p < 6; p++) {
                text.append("Paragraph ")
                        .append(p)
                        .append(" of module ")
                        .append(i)
                        .append(" on rubrics, feedback, captions and open licences for online courses.\n\n");
            }
            Files.writeString(folder.resolve("module-" + i + ".md"), text);
        }
        var first = instance();
        var second = instance();
        var start = new CountDownLatch(1);

        var reports = new ArrayList<IngestReport>();
        try (var threads = Executors.newFixedThreadPool(2)) {
            var one = threads.submit(() -> ingestAfter(start, first));
            var two = threads.submit(() -> ingestAfter(start, second));
            start.countDown();
            reports.add(one.get());
            reports.add(two.get());
        }

        assertThat(reports).allSatisfy(report -> assertThat(report.failed()).isEmpty());
        assertThat(reports.stream().mapToInt(r -> r.indexed().size()).sum()).isEqualTo(DOCUMENTS);
        assertThat(reports.stream().mapToInt(r -> r.unchanged().size()).sum()).isEqualTo(DOCUMENTS);
        assertThat(count("SELECT COUNT(*) FROM library_document")).isEqualTo(DOCUMENTS);
        assertThat(count("SELECT COUNT(*) FROM passage"))
                .isEqualTo(count("SELECT SUM(passages) FROM library_document"))
                .isEqualTo(count("SELECT COUNT(DISTINCT id) FROM passage"))
                .isEqualTo(count("SELECT SUM(passages) FROM passage_stats"));
        assertThat(count("SELECT COUNT(*) FROM passage_term"))
                .isEqualTo(
                        count("SELECT COUNT(*) FROM (SELECT DISTINCT ts_config, (unnest(tsv)).lexeme FROM passage) t"));
        assertThat(count("SELECT COUNT(*) FROM passage_posting"))
                .isEqualTo(count("SELECT COUNT(*) FROM passage p, unnest(p.tsv) u"));
        assertThat(count("SELECT COUNT(*) FROM passage_term t WHERE df <> (SELECT COUNT(*) FROM passage p"
                        + " WHERE p.ts_config = t.ts_config AND p.tsv @@ quote_literal(t.lexeme)::tsquery)"))
                .isZero();
    }

    private Library instance() {
        var properties = new LibraryProperties(DataSize.ofMegabytes(1), 20, 40, 5, 8, false, java.util.List.of());
        var dataSource = schema.dataSource();
        return new Library(
                PassageIndex.postgres(dataSource, new Embedder("fake", new SlowModel(), "query: ", "")),
                new DocumentStore(JdbcClient.create(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new DocumentSplitter(new WordCounter(), properties),
                properties,
                Clock.systemUTC(),
                DocumentLocks.postgres(dataSource),
                LanguageDetector.shared());
    }

    /** Embeds as the fake model does, slowly enough for the two runs to overlap. */
    private static final class SlowModel implements EmbeddingModel {

        private final FakeEmbeddingModel fake = new FakeEmbeddingModel();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fake.embedAll(segments);
        }

        @Override
        public int dimension() {
            return fake.dimension();
        }
    }

    private IngestReport ingestAfter(CountDownLatch start, Library library) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return library.ingest(folder, false, IngestListener.NONE);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
