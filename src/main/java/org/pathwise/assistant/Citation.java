package org.pathwise.assistant;

import java.util.List;

/**
 * A passage an answer cites, with what a reader needs to check and attribute it.
 *
 * @param marker the number of the citation in the answer's text ({@code [1]} is marker 1)
 * @param source the document's source
 * @param title the document's title
 * @param headingPath the headings above the passage
 * @param position where the passage is in the document ({@code #anchor}, {@code page 3}, ...)
 * @param licence SPDX id of the document's licence
 * @param attribution a line that credits the source: title, author, source, licence
 * @param passage the cited passage's text
 * @param score the passage's retrieval score
 * @param documentId the document's id
 * @param passageId the passage's id
 * @param language the document's language (BCP 47), so that a reader of another language knows what they will read
 */
record Citation(
        int marker,
        String source,
        String title,
        List<String> headingPath,
        String position,
        String licence,
        String attribution,
        String passage,
        double score,
        String documentId,
        String passageId,
        String language) {

    public Citation {
        headingPath = List.copyOf(headingPath);
    }
}
