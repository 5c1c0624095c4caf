package org.pathwise.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

    @TempDir
    Path folder;

    private static final String CORPUS = """
            {"_id": "d1", "title": "Cell biology", "text": "Mitochondria make energy."}
            {"_id": "d2", "text": "No title here.", "metadata": {}}

            {"_id": 3, "title": "Numeric id", "text": "Ids may be numbers."}
            """;

    private static final String QUERIES = """
            {"_id": "q1", "text": "what makes energy", "metadata": {}}
            {"_id": "q2", "text": "untitled"}
            {"_id": "q3", "text": "judged but nothing relevant"}
            {"_id": "q4", "text": "not judged at all"}
            """;

    private static final String QRELS = "query-id\tcorpus-id\tscore\nq2\td2\t1\nq1\td1\t2\nq1\t3\t1\nq3\td1\t0\n";

    private void write(String name, String content) throws IOException {
        var file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void writeAll() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels/test.tsv", QRELS);
    }

    @Test
    void readsTheCorpusQueriesAndTestJudgementsInFileOrder() throws IOException {
        writeAll();

        var dataset = BeirDataset.load(folder);

        assertThat(dataset.name()).isEqualTo(folder.getFileName().toString());
        assertThat(dataset.corpus())
                .containsExactly(
                        new BeirDataset.CorpusEntry("d1", "Cell biology", "Mitochondria make energy."),
                        new BeirDataset.CorpusEntry("d2", "", "No title here."),
                        new BeirDataset.CorpusEntry("3", "Numeric id", "Ids may be numbers."));
        assertThat(dataset.queries()).containsKeys("q1", "q2", "q3", "q4");
        assertThat(dataset.queries().get("q1")).isEqualTo("what makes energy");
        assertThat(dataset.qrels().keySet()).containsExactly("q2", "q1", "q3");
        assertThat(dataset.qrels().get("q1")).isEqualTo(Map.of("d1", 2, "3", 1));
    }

    @Test
    void testQueriesAreTheJudgedQueriesWithARelevantDocument() throws IOException {
        writeAll();

        var queries = BeirDataset.load(folder).testQueries();

        assertThat(queries)
                .containsExactly(
                        new BeirDataset.TestQuery("q2", "untitled", Map.of("d2", 1)),
                        new BeirDataset.TestQuery("q1", "what makes energy", Map.of("d1", 2, "3", 1)));
    }

    @Test
    void acceptsQrelsWithoutAHeaderAndSeparatedBySpaces() throws IOException {
        writeAll();
        write("qrels/test.tsv", "q1 d1 1\n");

        assertThat(BeirDataset.load(folder).qrels()).isEqualTo(Map.of("q1", Map.of("d1", 1)));
    }

    @Test
    void aMissingFolderIsAUsageErrorNamingIt() {
        var missing = folder.resolve("nowhere");

        assertThatThrownBy(() -> BeirDataset.load(missing))
                .isInstanceOfSatisfying(
                        BeirDatasetException.class,
                        e -> assertThat(e.kind()).isEqualTo(BeirDatasetException.Kind.NO_FOLDER))
                .hasMessage(missing + " is not a folder");
    }

    @Test
    void aFolderWithoutCorpusIsAUsageError() throws IOException {
        write("queries.jsonl", QUERIES);

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .isInstanceOfSatisfying(
                        BeirDatasetException.class,
                        e -> assertThat(e.kind().isUsageError()).isTrue())
                .hasMessage(folder + " is not a BEIR folder: it has no corpus.jsonl");
    }

    @Test
    void aMissingQrelsFileIsNamed() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .isInstanceOfSatisfying(
                        BeirDatasetException.class,
                        e -> assertThat(e.kind()).isEqualTo(BeirDatasetException.Kind.MISSING_FILE))
                .hasMessageContaining("qrels/test.tsv");
    }

    @Test
    void invalidJsonIsReportedWithItsFileAndLine() throws IOException {
        writeAll();
        write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"fine\"}\n{\"_id\": \"d2\", \"text\": \n");

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .isInstanceOfSatisfying(
                        BeirDatasetException.class,
                        e -> assertThat(e.kind()).isEqualTo(BeirDatasetException.Kind.MALFORMED))
                .hasMessageStartingWith(folder.resolve("corpus.jsonl") + " line 2: not valid JSON");
    }

    @Test
    void aLineWithoutIdIsReportedWithWhatIsMissing() throws IOException {
        writeAll();
        write("queries.jsonl", "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"text\": \"no id\"}\n");

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .hasMessage(folder.resolve("queries.jsonl") + " line 2: missing \"_id\"");
    }

    @Test
    void aCorpusLineWithoutTextIsRefused() throws IOException {
        writeAll();
        write("corpus.jsonl", "{\"_id\": \"d1\", \"title\": \"only a title\"}\n");

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .hasMessage(folder.resolve("corpus.jsonl") + " line 1: missing \"text\"");
    }

    @Test
    void aRepeatedCorpusIdIsRefused() throws IOException {
        writeAll();
        write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"a\"}\n{\"_id\": \"d1\", \"text\": \"b\"}\n");

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .hasMessage(folder.resolve("corpus.jsonl") + " line 2: the _id 'd1' appears twice");
    }

    @Test
    void aJudgedQueryWithoutTextIsRefused() throws IOException {
        writeAll();
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq9\td1\t1\n");

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .isInstanceOfSatisfying(
                        BeirDatasetException.class,
                        e -> assertThat(e.kind()).isEqualTo(BeirDatasetException.Kind.MALFORMED))
                .hasMessageContaining("no query 'q9'");
    }

    @Test
    void aScoreThatIsNotAnIntegerIsRefused() throws IOException {
        writeAll();
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\thigh\n");

        assertThatThrownBy(() -> BeirDataset.load(folder))
                .hasMessage(folder.resolve("qrels/test.tsv") + " line 2: score 'high' is not an integer");
    }
}
