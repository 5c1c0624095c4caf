package org.pathwise.retrieval;

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
}
