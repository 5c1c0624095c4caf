package org.pathwise.library;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.List;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.util.unit.DataSize;

/**
 * A process for {@link KillAndReopenTest}: ingests a folder slowly, two passages a batch, printing a line per
 * committed document, until it is killed.
 */
public final class IngestUntilKilled {

    public static void main(String[] args) {
        var data = Path.of(args[0]);
        var folder = Path.of(args[1]);
        var fake = new FakeEmbeddingModel();
        var slow = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                try {
                    Thread.sleep(150L * segments.size());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fake.embedAll(segments);
            }

            @Override
            public int dimension() {
                return fake.dimension();
            }
        };
        var index = PassageIndex.lucene(data.resolve("index"), new Embedder("fake", slow, "query: ", ""));
        var library = TestLibraries.library(
                index, TestLibraries.database(data), TestLibraries.properties(DataSize.ofMegabytes(1), 2));
        library.ingest(folder, false, new IngestListener() {
            @Override
            public void processed(IngestResult result) {
                System.out.println("committed " + result.source());
                System.out.flush();
            }
        });
        System.out.println("done");
        index.close();
    }
}
