package org.pathwise.retrieval;

import java.util.Locale;

/** How a query is matched against the index. */
public enum SearchMode {
    /** BM25 over the passages' text, analyzed per passage language. */
    LEXICAL,
    /** Nearest neighbours of the query's embedding among the passages' embeddings. */
    SEMANTIC,
    /** Reciprocal rank fusion of the lexical and semantic rankings. */
    HYBRID;

    /** Parses {@code lexical}, {@code semantic} or {@code hybrid}, ignoring case. */
    public static SearchMode parse(String value) {
        for (var mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be lexical, semantic or hybrid, got '" + value + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
