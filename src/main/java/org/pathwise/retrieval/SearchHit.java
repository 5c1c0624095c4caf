package org.pathwise.retrieval;

/**
 * A passage found by a search.
 *
 * @param passage the passage
 * @param score the relevance score in the request's mode: BM25 for lexical, cosine similarity mapped to [0, 1] for
 *     semantic, the reciprocal rank fusion score for hybrid; higher is more relevant and hits come sorted by it,
 *     descending
 * @param snippet a short excerpt of the passage with matched terms wrapped in {@code <mark>} elements; every other
 *     character is HTML-escaped, so the snippet can be shown as HTML
 */
public record SearchHit(Passage passage, double score, String snippet) {

    /**
     * For a hit of a hybrid search, how close its fused score comes to that of a passage that the lexical and the
     * semantic search both rank first ({@code 2 / (k + 1)}, {@code k} = {@value ReciprocalRankFusion#DEFAULT_K}): from
     * 0 to 1, 1 when both rank it first.
     */
    public double agreement() {
        return Math.min(1, score * (ReciprocalRankFusion.DEFAULT_K + 1) / 2);
    }
}
