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
 * @param sentences the passage's sentences (by index, from 0) that the answer quotes word for word, in order; empty
 *     when it quotes none whole, as a language model's answer may not
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
        String language,
        List<Integer> sentences) {

    public Citation {
        headingPath = List.copyOf(headingPath);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    /** The same citation quoting another text of the passage, as a rail lets it be shown. */
    Citation withPassage(String text) {
        return new Citation(
                marker,
                source,
                title,
                headingPath,
                position,
                licence,
                attribution,
                text,
                score,
                documentId,
                passageId,
                language,
                sentences);
    }
}
