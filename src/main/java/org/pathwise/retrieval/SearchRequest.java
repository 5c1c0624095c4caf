package org.pathwise.retrieval;

import java.util.Objects;

/**
 * One query against a {@link PassageIndex}.
 *
 * @param query the user's words; must not be blank
 * @param k the number of hits wanted, 1 to {@value #MAX_K}
 * @param mode lexical, semantic or hybrid
 * @param filter restrictions on the passages' document attributes
 * @param snippets whether hits need highlighted snippets; without, {@link SearchHit#snippet()} is empty
 */
public record SearchRequest(String query, int k, SearchMode mode, SearchFilter filter, boolean snippets) {

    /** The largest {@code k} a request may ask for. */
    public static final int MAX_K = 1000;

    public SearchRequest {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filter, "filter");
    }

    /** A request whose hits carry snippets. */
    public SearchRequest(String query, int k, SearchMode mode, SearchFilter filter) {
        this(query, k, mode, filter, true);
    }

    /** The same request without snippets, for callers that only read the passages. */
    public SearchRequest withoutSnippets() {
        return new SearchRequest(query, k, mode, filter, false);
    }

    /** The same request for another query and number of hits. */
    public SearchRequest withQuery(String otherQuery, int otherK) {
        return new SearchRequest(otherQuery, otherK, mode, filter, snippets);
    }

    public static SearchRequest of(String query, int k, SearchMode mode) {
        return new SearchRequest(query, k, mode, SearchFilter.NONE);
    }
}
