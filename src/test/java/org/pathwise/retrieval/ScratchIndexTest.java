package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchIndexTest {

    @TempDir
    Path parent;

    @Test
    void aScratchLuceneIndexLivesInAFolderOfItsOwnAndLeavesNothingBehindWhenClosed() throws IOException {
        try (var index = PassageIndex.scratchLucene(parent, FakeEmbeddingModel.embedder("fake-64"))) {
            index.index(List.of(Passage.of(
                    "doc",
                    0,
                    "Rubrics make assessment criteria explicit.",
                    List.of(),
                    "",
                    new DocumentFacets("doc.md", "Rubrics", List.of(), "CC0-1.0", "en", "", List.of(), ""))));
            index.commit();

            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search(SearchRequest.of("rubrics", 5, SearchMode.LEXICAL)))
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.passage().documentId()).isEqualTo("doc"));
            try (var folders = Files.list(parent)) {
                assertThat(folders.toList())
                        .singleElement()
                        .satisfies(folder ->
                                assertThat(folder.getFileName().toString()).startsWith("pathwise-scratch-"));
            }
        }

        try (var left = Files.list(parent)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aScratchIndexAnswersForTheVectorIndexOfTheIndexItWraps() {
        try (var lucene = PassageIndex.scratchLucene(parent, FakeEmbeddingModel.embedder("fake-64"))) {
            assertThat(lucene.vectorIndexProbe()).isEmpty();
        }
        var user = System.getenv("PATHWISE_TEST_DATABASE_USER");
        var password = System.getenv("PATHWISE_TEST_DATABASE_PASSWORD");
        try (var postgres = PassageIndex.scratchPostgres(
                TestPostgres.url(),
                user == null ? "" : user,
                password == null ? "" : password,
                FakeEmbeddingModel.embedder("fake-64"))) {
            assertThat(postgres.vectorIndexProbe())
                    .hasValueSatisfying(probe -> assertThat(probe.efSearch()).isPositive());
        }
    }
}
