package org.pathwise.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A passage with the vectors an index stores for it, so that an index can be copied into another one of the same
 * embedding model without embedding anything again, and an answer can be composed without embedding the passage's
 * sentences at question time.
 *
 * @param passage the passage
 * @param vector its embedding (of {@link Passage#textWithContext}), L2-normalised as the model gives it
 * @param sentenceVectors the embedding of each of its sentences, in the order of {@link Passage#sentences}, with as
 *     many dimensions as {@code vector}
 */
public record EmbeddedPassage(Passage passage, float[] vector, List<float[]> sentenceVectors) {

    /**
     * Only the first words of a sentence are embedded: enough to place it (a sentence that answers a question says so
     * early), and embedding time grows with length.
     */
    static final int EMBEDDED_WORDS = 48;

    public EmbeddedPassage {
        Objects.requireNonNull(passage, "passage");
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("the vector of " + passage.id() + " must not be empty");
        }
        vector = vector.clone();
        if (sentenceVectors.size() != passage.sentences().size()) {
            throw new IllegalArgumentException("passage " + passage.id() + " has "
                    + passage.sentences().size() + " sentences but " + sentenceVectors.size() + " sentence vectors");
        }
        for (var sentenceVector : sentenceVectors) {
            if (sentenceVector.length != vector.length) {
                throw new IllegalArgumentException("a sentence vector of " + passage.id() + " has "
                        + sentenceVector.length + " dimensions, the passage's " + vector.length);
            }
        }
        sentenceVectors = sentenceVectors.stream().map(float[]::clone).toList();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public List<float[]> sentenceVectors() {
        return sentenceVectors.stream().map(float[]::clone).toList();
    }

    /** The vector of one sentence, not copied: for reading only. */
    public float[] sentenceVector(int sentence) {
        return sentenceVectors.get(sentence);
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
        // one call for every passage and every sentence, so that the embedder's threads share the whole batch
        var texts = new ArrayList<String>();
        ordered.forEach(passage -> texts.add(passage.textWithContext()));
        ordered.forEach(passage -> texts.addAll(sentenceInputs(passage)));
        var vectors = embedder.embedPassages(texts);
        return assemble(ordered, vectors.subList(0, ordered.size()), vectors.subList(ordered.size(), vectors.size()));
    }

    /** Passages with their vectors already computed, and all their sentences embedded now, in one call. */
    static List<EmbeddedPassage> withSentences(List<Passage> passages, List<float[]> vectors, Embedder embedder) {
        var inputs = new ArrayList<String>();
        passages.forEach(passage -> inputs.addAll(sentenceInputs(passage)));
        return assemble(passages, vectors, embedder.embedPassages(inputs));
    }

    /**
     * The vectors of a passage's sentences, in order, as an index stores them: each sentence's first
     * {@value #EMBEDDED_WORDS} words embedded as a passage.
     */
    public static List<float[]> sentenceVectors(Passage passage, Embedder embedder) {
        return embedder.embedPassages(sentenceInputs(passage));
    }

    /** What is embedded for each of a passage's sentences, in order. */
    private static List<String> sentenceInputs(Passage passage) {
        return passage.sentences().stream().map(s -> head(s.in(passage.text()))).toList();
    }

    /**
     * Passages with their vectors, and their sentences' vectors taken in order from one list that holds those of every
     * passage, the first passage's first.
     */
    private static List<EmbeddedPassage> assemble(
            List<Passage> passages, List<float[]> vectors, List<float[]> sentenceVectors) {
        var embedded = new ArrayList<EmbeddedPassage>(passages.size());
        int next = 0;
        for (int i = 0; i < passages.size(); i++) {
            int sentences = passages.get(i).sentences().size();
            embedded.add(new EmbeddedPassage(
                    passages.get(i), vectors.get(i), List.copyOf(sentenceVectors.subList(next, next + sentences))));
            next += sentences;
        }
        return embedded;
    }

    private static String head(String sentence) {
        var words = sentence.split("\\s+");
        return words.length <= EMBEDDED_WORDS
                ? sentence
                : String.join(" ", java.util.Arrays.copyOf(words, EMBEDDED_WORDS));
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
