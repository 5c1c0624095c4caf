package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LucenePassageIndexTest extends PassageIndexContract {

    @Override
    protected PassageIndex open(Path folder, Embedder embedder) {
        return LucenePassageIndex.open(folder, embedder);
    }

    @Test
    void keepsCommittedPassagesAcrossARestart() {
        index.index(List.of(passage("kept", 0, "committed passage")));
        index.commit();
        index.close();

        index = open(folder, FakeEmbeddingModel.embedder("fake-64"));

        assertThat(index.passagesOf("kept")).hasSize(1);
    }

    @Test
    void refusesAnIndexBuiltWithAnotherModelAndNamesReEmbed() {
        index.index(List.of(passage("a", 0, "text")));
        index.commit();
        index.close();

        assertThatThrownBy(() -> open(folder, FakeEmbeddingModel.embedder("another-model")))
                .isInstanceOf(EmbeddingModelMismatchException.class)
                .hasMessageContaining("fake-64")
                .hasMessageContaining("another-model")
                .hasMessageContaining("re-embed");
        index = open(folder, FakeEmbeddingModel.embedder("fake-64"));
    }

    @Test
    void reEmbeddingRebuildsTheVectorsWithTheNewModel() {
        index.index(List.of(passage("a", 0, "alpha text"), passage("b", 0, "beta text")));
        index.commit();
        index.close();

        var other = new Embedder("fake-32", new FakeEmbeddingModel(32), "", "");
        long count = LucenePassageIndex.reEmbed(folder, other, n -> {});

        assertThat(count).isEqualTo(2);
        index = open(folder, other);
        assertThat(index.stats()).isEqualTo(new IndexStats(2, "fake-32", 32));
        assertThat(documentIds(index.search(SearchRequest.of("beta", 1, SearchMode.SEMANTIC))))
                .containsExactly("b");
    }

    @Test
    void refusesASecondWriterOnTheSameFolder() {
        assertThatThrownBy(() -> open(folder, FakeEmbeddingModel.embedder("fake-64")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another Pathwise process");
    }
}
