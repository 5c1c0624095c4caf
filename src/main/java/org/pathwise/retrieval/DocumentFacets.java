package org.pathwise.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * The document attributes that every passage carries into the index: shown with each hit and usable as filters.
 *
 * @param source the document's source (its path relative to the ingested folder, or the uploaded file name)
 * @param title the document's title
 * @param authors the document's authors, in credit order, for attribution
 * @param licence SPDX licence id, or empty when unknown
 * @param language BCP 47 language tag; it selects the analyzer of the passage's text
 * @param course course id, or empty
 * @param competencies competence ids the document addresses (for example DigCompEdu {@code "2.1"})
 * @param resourceType kind of resource ({@code guide}, {@code lesson}, ...), or empty
 */
public record DocumentFacets(
        String source,
        String title,
        List<String> authors,
        String licence,
        String language,
        String course,
        List<String> competencies,
        String resourceType) {

    public DocumentFacets {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(course, "course");
        competencies = List.copyOf(competencies);
        Objects.requireNonNull(resourceType, "resourceType");
    }

    /** The line that credits the document: its title in quotes, its authors, its source and its licence. */
    public String attribution() {
        return "\"" + title + "\""
                + (authors.isEmpty() ? "" : " by " + String.join(", ", authors))
                + ", " + source
                + (licence.isEmpty() ? ", licence unknown" : ", " + licence);
    }
}
