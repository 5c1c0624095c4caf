package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapter passes the contract of every passage index, and keeps its own promises. */
class PgVectorPassageIndexTest extends PassageIndexContract {

    /** The schema of the index under test; every schema opened is dropped after the test. */
    private TestPostgres.Schema schema;

    private final java.util.List<TestPostgres.Schema> schemas = new java.util.ArrayList<>();

    @Override
    protected PassageIndex open(Path folder, Embedder embedder) {
        var opened = TestPostgres.newSchema();
        schemas.add(opened);
        if (schema == null) {
            schema = opened;
        }
        return PgVectorPassageIndex.open(opened.dataSource(), embedder);
    }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestPostgres.Schema::close);
    }

    @Test
    void refusesToOpenWithAnotherEmbeddingModel() {
        assertThatThrownBy(() -> PgVectorPassageIndex.open(schema.dataSource(), FakeEmbeddingModel.embedder("other")))
                .isInstanceOf(EmbeddingModelMismatchException.class)
                .hasMessageContaining("re-embed");
    }

    @Test
    void reEmbeddingReplacesEveryVectorAndTheModelAndResumesWhereAnInterruptedRunStopped() {
        var passages = new java.util.ArrayList<Passage>();
        for (int i = 0; i < 100; i++) {
            passages.add(passage("doc-" + i, 0, "passage about topic " + i));
        }
        passages.add(passage("beta", 0, "beta text about wombats"));
        index.index(passages);
        var other = new Embedder("fake-32", new FakeEmbeddingModel(32), "", "");
        var dataSource = schema.dataSource();
        // a run stopped after its first batch: those rows keep their new vectors
        assertThatThrownBy(() -> PgVectorPassageIndex.reEmbed(dataSource, other, (done, total) -> {
                    if (done > 0) {
                        throw new IllegalStateException("stopped");
                    }
                }))
                .hasMessage("stopped");
        assertThatThrownBy(() -> PgVectorPassageIndex.open(dataSource, other))
                .isInstanceOf(EmbeddingModelMismatchException.class);
        assertThat(index.search(SearchRequest.of("wombats", 1, SearchMode.HYBRID)))
                .isNotEmpty();
        var model = new FakeEmbeddingModel(32);
        var reported = new java.util.ArrayList<long[]>();

        long count = PgVectorPassageIndex.reEmbed(
                dataSource,
                new Embedder("fake-32", model, "", ""),
                (done, total) -> reported.add(new long[] {done, total}));

        assertThat(count).isEqualTo(101);
        assertThat(reported.getFirst()[0]).isEqualTo(64);
        assertThat(reported.getLast()).containsExactly(101, 101);
        // the 64 passages of the first run were not embedded again: 37 passages and their sentences were
        assertThat(model.embedded().stream()
                        .filter(text -> text.contains("passage about") || text.contains("beta text"))
                        .map(text -> text.replaceAll("(?s).*(passage about topic \\d+|beta text).*", "$1"))
                        .distinct()
                        .count())
                .isEqualTo(37);
        try (var reopened = PgVectorPassageIndex.open(dataSource, other)) {
            assertThat(reopened.stats()).isEqualTo(new IndexStats(101, "fake-32", 32));
            assertThat(documentIds(
                            reopened.search(SearchRequest.of("beta text about wombats", 1, SearchMode.SEMANTIC))))
                    .containsExactly("beta");
        }
    }

    @Test
    void termStatisticsFollowReindexingAndRemoval() {
        index.index(List.of(passage("a", 0, "wombats dig burrows"), passage("b", 0, "wombats sleep all day")));
        index.index(List.of(passage("a", 0, "koalas climb gum trees")));
        index.remove("b");
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(schema.dataSource());

        assertThat(jdbc.sql("SELECT lexeme FROM passage_term ORDER BY lexeme")
                        .query(String.class)
                        .list())
                .containsExactlyElementsOf(jdbc.sql("SELECT DISTINCT (unnest(tsv)).lexeme AS l FROM passage ORDER BY l")
                        .query(String.class)
                        .list())
                .doesNotContain("wombat", "burrow");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM passage_term WHERE df <> 1")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void upgradesPassagesWrittenBeforeTheyKeptTheirSentences() {
        index.index(List.of(passage("old", 0, "Habits\nUse large fonts. Check contrast.\n\n- First habit.")));
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(schema.dataSource());
        // what an index of the first format holds
        jdbc.sql("UPDATE passage SET text = ?, sentences = NULL, sentence_vectors = NULL")
                .param("Habits\nUse large fonts. Check contrast.\n\n- First habit.")
                .update();
        jdbc.sql("DELETE FROM passage_index_meta WHERE key = 'format'").update();

        var reopened = PgVectorPassageIndex.open(schema.dataSource(), FakeEmbeddingModel.embedder("fake-64"));

        var passage = reopened.passagesOf("old").getFirst();
        assertThat(passage.sentences())
                .extracting(Sentence::kind)
                .containsExactly(BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.LIST);
        assertThat(reopened.embedded(List.of(passage)).getFirst().sentenceVectors())
                .hasSize(4);
        assertThat(jdbc.sql("SELECT value FROM passage_index_meta WHERE key = 'format'")
                        .query(String.class)
                        .single())
                .isEqualTo("2");
    }

    @Test
    void whatOneInstanceIndexesAnotherFindsAtOnce() {
        var other = PgVectorPassageIndex.open(schema.dataSource(), FakeEmbeddingModel.embedder("fake-64"));
        index.index(List.of(passage("shared", 0, "wombats dig burrows in open grassland")));

        assertThat(other.search(SearchRequest.of("wombats burrows", 5, SearchMode.HYBRID)))
                .extracting(hit -> hit.passage().documentId())
                .containsExactly("shared");
    }

    @Test
    void aSelectiveFilterStillFillsKFromTheVectorIndex() {
        var passages = new java.util.ArrayList<Passage>();
        for (int i = 0; i < 300; i++) {
            var licence = i % 50 == 0 ? "CC0-1.0" : "CC-BY-4.0";
            passages.add(Passage.of(
                    "doc-" + i,
                    0,
                    "assessment rubric feedback number " + i,
                    List.of(),
                    "",
                    facets("doc-" + i + ".md", licence, "en")));
        }
        index.index(passages);
        var rare = new SearchFilter(Set.of("CC0-1.0"), Set.of(), Set.of(), Set.of(), Set.of());

        var hits = index.search(new SearchRequest("rubric feedback", 6, SearchMode.SEMANTIC, rare));

        assertThat(hits)
                .hasSize(6)
                .allSatisfy(hit -> assertThat(hit.passage().facets().licence()).isEqualTo("CC0-1.0"));
    }

    @Test
    void mapsLanguagesToTextSearchConfigurations() {
        assertThat(PgVectorPassageIndex.config("fr-CA")).isEqualTo("french");
        assertThat(PgVectorPassageIndex.config("es")).isEqualTo("spanish");
        assertThat(PgVectorPassageIndex.config("sw")).isEqualTo("simple");
        assertThat(PgVectorPassageIndex.compareVersions("0.8.0", "0.8.0")).isZero();
        assertThat(PgVectorPassageIndex.compareVersions("0.7.4", "0.8.0")).isNegative();
        assertThat(PgVectorPassageIndex.compareVersions("0.10.1", "0.8.0")).isPositive();
    }
}
