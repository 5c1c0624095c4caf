package org.pathwise.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * A span of one document's text, the unit that is indexed, retrieved and cited.
 *
 * @param id unique id of the passage, stable for the same document content ({@code documentId + "#" + ordinal})
 * @param documentId id of the document the passage belongs to; a passage never spans two documents
 * @param ordinal zero-based order of the passage within its document
 * @param text the passage's text
 * @param headingPath the headings above the passage, outermost first; empty when the document has none
 * @param position where a citation should point: {@code "#anchor"} for Markdown and HTML, {@code "page 3"} for PDF,
 *     {@code "slide 2"} for slides, {@code "line 12"} for plain text; empty when unknown
 * @param facets what the passage inherits from its document, used for display and filtering
 * @param sentences the passage's sentences in order, as ingestion segmented them ({@link PassageText}), none
 *     overlapping another, together covering every word of the text
 */
public record Passage(
        String id,
        String documentId,
        int ordinal,
        String text,
        List<String> headingPath,
        String position,
        DocumentFacets facets,
        List<Sentence> sentences) {

    public Passage {
        requireText(id, "id");
        requireText(documentId, "documentId");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal);
        }
        requireText(text, "text");
        headingPath = List.copyOf(headingPath);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(facets, "facets");
        sentences = List.copyOf(sentences);
        int end = 0;
        for (var sentence : sentences) {
            if (sentence.start() < end || sentence.end() > text.length()) {
                throw new IllegalArgumentException("the sentences of passage " + id + " must lie in order within its "
                        + text.length() + " characters, got " + sentence.start() + "-" + sentence.end() + " after "
                        + end);
            }
            end = sentence.end();
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("passage " + id + " has text but no sentence");
        }
    }

    /**
     * A passage whose structure is read from its text ({@link PassageText#parse}): for text that comes without one. The
     * passage keeps the text as that reading writes it (hard-wrapped lines joined, list bullets left out), so that its
     * sentences point into it.
     */
    public Passage(
            String id,
            String documentId,
            int ordinal,
            String text,
            List<String> headingPath,
            String position,
            DocumentFacets facets) {
        this(id, documentId, ordinal, structure(text, facets), headingPath, position, facets);
    }

    private Passage(
            String id,
            String documentId,
            int ordinal,
            PassageText text,
            List<String> headingPath,
            String position,
            DocumentFacets facets) {
        this(id, documentId, ordinal, text.text(), headingPath, position, facets, text.sentences());
    }

    /**
     * Creates a passage whose id is derived from its document id and ordinal, and whose structure is read from its
     * text ({@link PassageText#parse}).
     */
    public static Passage of(
            String documentId,
            int ordinal,
            String text,
            List<String> headingPath,
            String position,
            DocumentFacets facets) {
        return new Passage(documentId + "#" + ordinal, documentId, ordinal, text, headingPath, position, facets);
    }

    /** Creates a passage from a built text, its id derived from its document id and ordinal. */
    public static Passage of(
            String documentId,
            int ordinal,
            PassageText text,
            List<String> headingPath,
            String position,
            DocumentFacets facets) {
        return new Passage(
                documentId + "#" + ordinal,
                documentId,
                ordinal,
                text.text(),
                headingPath,
                position,
                facets,
                text.sentences());
    }

    /** The text of one of the passage's sentences. */
    public String sentence(int index) {
        return sentences.get(index).in(text);
    }

    /** The same passage with another text, its structure read from that text: what is left when text is taken out. */
    public Passage withText(String newText) {
        return new Passage(id, documentId, ordinal, newText, headingPath, position, facets);
    }

    private static PassageText structure(String text, DocumentFacets facets) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be blank");
        }
        return PassageText.parse(text, facets == null ? "und" : facets.language());
    }

    /** The heading path joined for display, for example {@code "Assessment › Rubrics"}. */
    public String heading() {
        return String.join(" › ", headingPath);
    }

    /**
     * The passage's text preceded by the context it may lack: the document title and the heading path, each left out
     * when the text already starts with it, joined with {@code " › "} on a line of their own. This is what the index
     * embeds and matches words against.
     */
    public String textWithContext() {
        var parts = new java.util.ArrayList<String>();
        var title = facets.title();
        if (!title.isBlank() && !text.startsWith(title)) {
            parts.add(title);
        }
        for (var heading : headingPath) {
            if (!heading.equals(title) && !text.startsWith(heading)) {
                parts.add(heading);
            }
        }
        return parts.isEmpty() ? text : String.join(" › ", parts) + "\n" + text;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
