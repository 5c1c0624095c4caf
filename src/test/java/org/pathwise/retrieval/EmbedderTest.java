package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbedderTest {

    @Test
    void aTextEmbeddedAsAQueryAndAsAPassageCostsOneInferenceWhenThePrefixesAreTheSame() {
        var model = new FakeEmbeddingModel();
        var embedder = new Embedder("fake", model, "", "");

        var query = embedder.embedQuery("How do I caption a lecture video?");
        var passage = embedder.embedPassage("How do I caption a lecture video?");

        assertThat(passage).containsExactly(query);
        assertThat(model.embedded()).containsExactly("How do I caption a lecture video?");
    }

    @Test
    void differentPrefixesGiveDifferentInputsAndEachIsCachedOnItsOwn() {
        var model = new FakeEmbeddingModel();
        var embedder = new Embedder("fake", model, "query: ", "passage: ");

        embedder.embedQuery("rubrics");
        embedder.embedPassage("rubrics");
        embedder.embedQuery("rubrics");
        embedder.embedPassage("rubrics");

        assertThat(model.embedded()).containsExactly("query: rubrics", "passage: rubrics");
    }

    @Test
    void callersCanNotChangeACachedVector() {
        var embedder = new Embedder("fake", new FakeEmbeddingModel(), "", "");
        var first = embedder.embedQuery("open licences");
        java.util.Arrays.fill(first, 0f);

        assertThat(embedder.embedQuery("open licences")).isNotEqualTo(first);
    }

    @Test
    void theBundledModelEmbedsAQuestionTheSameWayForSearchAndForTheGuardrails() {
        var embedder = Embedder.bgeSmallEnV15Quantized();
        var question = "Which licence lets me translate a course?";

        var query = embedder.embedQuery(question);
        var batch = embedder.embedPassages(java.util.List.of(question)).getFirst();

        assertThat(query).hasSize(embedder.dimensions());
        for (int i = 0; i < query.length; i++) {
            assertThat(query[i]).as("dimension %d", i).isCloseTo(batch[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
