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
    void rebuildsAnIndexOfTheFirstFormatWithTheStructureItsTextShowsAndKeepsItsVectors() throws Exception {
        index.close();
        index = null;
        var old = folder.resolve("format-1");
        var embedder = FakeEmbeddingModel.embedder("fake-64");
        var vector = embedder.embedPassage("an old passage vector");
        try (var directory = org.apache.lucene.store.FSDirectory.open(old);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig())) {
            var document = new org.apache.lucene.document.Document();
            var yes = org.apache.lucene.document.Field.Store.YES;
            document.add(new org.apache.lucene.document.StringField("id", "old#0", yes));
            document.add(new org.apache.lucene.document.StringField("doc", "old", yes));
            document.add(new org.apache.lucene.document.StoredField("ordinal", 0));
            document.add(new org.apache.lucene.document.StoredField(
                    "text", "Habits\nUse large fonts. Check contrast.\n\n- First habit.\n- Second habit."));
            document.add(new org.apache.lucene.document.StoredField("heading", "Guide"));
            document.add(new org.apache.lucene.document.StoredField("position", "#guide"));
            for (var field : List.of("source", "licence", "language", "course", "resource_type")) {
                document.add(new org.apache.lucene.document.StringField(
                        field, field.equals("language") ? "en" : field.equals("source") ? "old.md" : "", yes));
            }
            document.add(new org.apache.lucene.document.StoredField("title", "Old guide"));
            document.add(new org.apache.lucene.document.KnnFloatVectorField(
                    "vector", vector, org.apache.lucene.index.VectorSimilarityFunction.COSINE));
            writer.addDocument(document);
            writer.setLiveCommitData(
                    java.util.Map.of(LucenePassageIndex.MODEL_KEY, "fake-64", LucenePassageIndex.DIMENSIONS_KEY, "64")
                            .entrySet());
            writer.commit();
        }

        try (var upgraded = LucenePassageIndex.open(old, embedder)) {
            var passage = upgraded.passagesOf("old").getFirst();
            assertThat(passage.sentences())
                    .extracting(Sentence::kind)
                    .containsExactly(
                            BlockKind.HEADING,
                            BlockKind.PARAGRAPH,
                            BlockKind.PARAGRAPH,
                            BlockKind.LIST,
                            BlockKind.LIST);
            var embedded = upgraded.embedded(List.of(passage)).getFirst();
            assertThat(embedded.vector()).containsExactly(vector);
            assertThat(embedded.sentenceVectors()).hasSize(5);
        }
        var data = org.apache.lucene.index.SegmentInfos.readLatestCommit(org.apache.lucene.store.FSDirectory.open(old))
                .getUserData();
        assertThat(data).containsEntry(LucenePassageIndex.FORMAT_KEY, Integer.toString(LucenePassageIndex.FORMAT));
    }

    @Test
    void refusesAnIndexOfANewerFormatWithOneLine() throws Exception {
        index.index(List.of(passage("a", 0, "text")));
        index.commit();
        index.close();
        index = null;
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of(
                            LucenePassageIndex.MODEL_KEY,
                            "fake-64",
                            LucenePassageIndex.FORMAT_KEY,
                            Integer.toString(LucenePassageIndex.FORMAT + 1))
                    .entrySet());
            writer.commit();
        }

        assertThatThrownBy(() -> open(folder, FakeEmbeddingModel.embedder("fake-64")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("newer")
                .hasMessageNotContaining("\n");
        index = open(folder.resolve("fresh"), FakeEmbeddingModel.embedder("fake-64"));
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
        long count = LucenePassageIndex.reEmbed(folder, other, PassageIndex.Progress.NONE);

        assertThat(count).isEqualTo(2);
        index = open(folder, other);
        assertThat(index.stats()).isEqualTo(new IndexStats(2, "fake-32", 32));
        assertThat(documentIds(index.search(SearchRequest.of("beta", 1, SearchMode.SEMANTIC))))
                .containsExactly("b");
    }

    @Test
    void reEmbeddingKeepsEveryPassageOfADocumentLongerThanABatchAndReportsItsProgress() {
        var passages = new java.util.ArrayList<Passage>();
        for (int i = 0; i < 300; i++) {
            passages.add(passage("long", i, "passage number " + i));
        }
        passages.add(passage("short", 0, "a short one"));
        index.index(passages);
        index.commit();
        index.close();
        var reported = new java.util.ArrayList<long[]>();

        long count = LucenePassageIndex.reEmbed(
                folder,
                new Embedder("fake-32", new FakeEmbeddingModel(32), "", ""),
                (done, total) -> reported.add(new long[] {done, total}));

        assertThat(count).isEqualTo(301);
        index = open(folder, new Embedder("fake-32", new FakeEmbeddingModel(32), "", ""));
        assertThat(index.passageCount("long")).isEqualTo(300);
        assertThat(index.passageCount("short")).isEqualTo(1);
        assertThat(reported).isNotEmpty().allSatisfy(r -> assertThat(r[1]).isEqualTo(301));
        assertThat(reported.getLast()[0]).isEqualTo(301);
    }

    @Test
    void anInterruptedReEmbeddingIsResumedKeepingTheDocumentsItWroteUnlessTheyChanged() {
        index.index(
                List.of(passage("a", 0, "alpha text"), passage("b", 0, "beta text"), passage("c", 0, "gamma text")));
        index.commit();
        index.close();
        // what an interrupted run left: a whole, and c as it was before an ingestion changed it
        var fresh = folder.resolveSibling(folder.getFileName() + ".re-embed");
        try (var partial = open(fresh, new Embedder("fake-32", new FakeEmbeddingModel(32), "", ""))) {
            partial.index(List.of(passage("a", 0, "alpha text"), passage("c", 0, "older gamma text")));
            partial.commit();
        }
        var model = new FakeEmbeddingModel(32);

        long count =
                LucenePassageIndex.reEmbed(folder, new Embedder("fake-32", model, "", ""), PassageIndex.Progress.NONE);

        assertThat(count).isEqualTo(3);
        assertThat(model.embedded()).noneMatch(text -> text.contains("alpha"));
        assertThat(model.embedded()).anyMatch(text -> text.contains("beta"));
        assertThat(model.embedded()).anyMatch(text -> text.contains("gamma"));
        index = open(folder, new Embedder("fake-32", new FakeEmbeddingModel(32), "", ""));
        assertThat(index.passagesOf("c").getFirst().text()).isEqualTo("gamma text");
        assertThat(index.size()).isEqualTo(3);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void refusesASecondWriterOnTheSameFolder() {
        assertThatThrownBy(() -> open(folder, FakeEmbeddingModel.embedder("fake-64")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another Pathwise process");
    }
}
