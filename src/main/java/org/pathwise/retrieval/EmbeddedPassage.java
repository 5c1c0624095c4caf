package org.pathwise.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A passage with the vector an index stores for it, so that an index can be copied into another one of the same
 * embedding model without embedding anything again.
 *
 * @param passage the passage
 * @param vector its embedding, L2-normalised as the model gives it
 */
public record EmbeddedPassage(Passage passage, float[] vector) {

    public EmbeddedPassage {
        Objects.requireNonNull(passage, "passage");
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("the vector of " + passage.id() + " must not be empty");
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** The number of dimensions of the vector. */
    public int dimensions() {
        return vector.length;
    }

    /**
     * Embeds passages as an index stores them, after checking that no two share an id (before any embedding).
     *
     * @throws IllegalArgumentException when two passages share an id
     */
    public static List<EmbeddedPassage> embed(Collection<Passage> passages, Embedder embedder) {
        var ordered = List.copyOf(passages);
        requireUniqueIds(ordered);
        var vectors = embedder.embedPassages(
                ordered.stream().map(Passage::textWithContext).toList());
        var embedded = new ArrayList<EmbeddedPassage>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            embedded.add(new EmbeddedPassage(ordered.get(i), vectors.get(i)));
        }
        return embedded;
    }

    /**
     * Checks passages that an index of {@code dimensions} is about to store.
     *
     * @throws IllegalArgumentException when two passages share an id or a vector has another number of dimensions
     */
    public static void check(Collection<EmbeddedPassage> passages, int dimensions) {
        requireUniqueIds(passages.stream().map(EmbeddedPassage::passage).toList());
        for (var embedded : passages) {
            if (embedded.dimensions() != dimensions) {
                throw new IllegalArgumentException(
                        "the vector of " + embedded.passage().id() + " has " + embedded.dimensions()
                                + " dimensions, the index's model " + dimensions);
            }
        }
    }

    private static void requireUniqueIds(List<Passage> passages) {
        var ids = new HashSet<String>();
        for (var passage : passages) {
            if (!ids.add(passage.id())) {
                throw new IllegalArgumentException("two passages share the id " + passage.id());
            }
        }
    }
}
