package org.pathwise.assistant;

import java.util.List;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.SearchHit;

/** Composition requests as the assistant makes them, with the answer unit selected over a fake embedding model. */
final class Requests {

    private Requests() {}

    static Composer.Request of(String question, String language, List<SearchHit> hits) {
        var selection = new AnswerSelector(FakeEmbeddingModel.embedder("fake")).select(question, hits, List.of());
        return new Composer.Request(question, language, hits, selection);
    }
}
