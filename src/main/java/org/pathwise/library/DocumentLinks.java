package org.pathwise.library;

import org.springframework.stereotype.Component;

/**
 * Links to library documents named by their source, for pages that have only the source (the closest documents of an
 * abstention): the document's title and its page, or nothing when the library no longer holds it. Pages call it as
 * {@code @documentLinks.of(source)}.
 */
@Component("documentLinks")
class DocumentLinks {

    /**
     * A link to a document.
     *
     * @param title the document's title, or its source when it has none
     * @param href the document's page
     */
    record Link(String title, String href) {}

    private final Library library;

    DocumentLinks(Library library) {
        this.library = library;
    }

    /** The link to the document with this source, or {@code null} when there is none. */
    public Link of(String source) {
        return library.documentWithSource(source)
                .map(document -> new Link(
                        document.metadata().title().isBlank()
                                ? document.source()
                                : document.metadata().title(),
                        "/library/documents/" + document.id()))
                .orElse(null);
    }
}
