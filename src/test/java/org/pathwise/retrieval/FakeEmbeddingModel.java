package org.pathwise.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic embedding model for tests: each lower-cased word is hashed into one of {@code dimensions} buckets
 * and the counts are L2-normalised, so texts that share words are near each other. It records every text it embeds.
 */
public final class FakeEmbeddingModel implements EmbeddingModel {

    private final int dimensions;
    private final List<String> embedded = new CopyOnWriteArrayList<>();

    public FakeEmbeddingModel(int dimensions) {
        this.dimensions = dimensions;
    }

    public FakeEmbeddingModel() {
        this(64);
    }

    /** An {@link Embedder} over a fake model with the given id. */
    public static Embedder embedder(String modelId) {
        return new Embedder(modelId, new FakeEmbeddingModel(), "query: ", "");
    }

    public List<String> embedded() {
        return List.copyOf(embedded);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        var embeddings = new ArrayList<Embedding>(segments.size());
        for (var segment : segments) {
            embedded.add(segment.text());
            embeddings.add(Embedding.from(vector(segment.text())));
        }
        return Response.from(embeddings);
    }

    @Override
    public int dimension() {
        return dimensions;
    }

    private float[] vector(String text) {
        var vector = new float[dimensions];
        for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !word.equals("query")) {
                vector[Math.floorMod(word.hashCode(), dimensions)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
