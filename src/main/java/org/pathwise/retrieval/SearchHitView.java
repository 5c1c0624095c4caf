package org.pathwise.retrieval;

/**
 * A search hit as the API and the command line's {@code --json} show it.
 *
 * @param source the document's source
 * @param title the document's title
 * @param heading the passage's heading path, joined with {@code " › "}
 * @param position where in the document the passage is ({@code #anchor}, {@code page 3}, ...)
 * @param licence SPDX id of the document's licence
 * @param language BCP 47 tag of the document's language
 * @param score the relevance score (see {@link SearchHit#score()})
 * @param snippet HTML-escaped excerpt with matches in {@code <mark>}
 * @param document the document's id
 * @param passage the passage's id
 */
public record SearchHitView(
        String source,
        String title,
        String heading,
        String position,
        String licence,
        String language,
        double score,
        String snippet,
        String document,
        String passage) {

    public static SearchHitView of(SearchHit hit) {
        var passage = hit.passage();
        var facets = passage.facets();
        return new SearchHitView(
                facets.source(),
                facets.title(),
                passage.heading(),
                passage.position(),
                facets.licence(),
                facets.language(),
                hit.score(),
                hit.snippet(),
                passage.documentId(),
                passage.id());
    }
}
