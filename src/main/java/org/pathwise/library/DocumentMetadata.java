package org.pathwise.library;

import java.util.List;
import java.util.Objects;

/**
 * What the library knows of a document as an open educational resource. Empty strings and lists mean "not given".
 *
 * @param title the document's title
 * @param authors its authors, in credit order
 * @param licence SPDX licence id ({@code CC-BY-4.0}, ...)
 * @param language BCP 47 language tag; detected from the text when not given
 * @param sourceUrl where the original can be found
 * @param course the id of the course it belongs to
 * @param competencies competence ids it addresses (DigCompEdu {@code "2.1"}, ...)
 * @param level {@code introductory}, {@code intermediate}, {@code advanced} or another level name
 * @param resourceType {@code guide}, {@code lesson}, {@code slides}, ...
 */
public record DocumentMetadata(
        String title,
        List<String> authors,
        String licence,
        String language,
        String sourceUrl,
        String course,
        List<String> competencies,
        String level,
        String resourceType) {

    /** Nothing known. */
    public static final DocumentMetadata EMPTY = new DocumentMetadata("", List.of(), "", "", "", "", List.of(), "", "");

    public DocumentMetadata {
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(course, "course");
        competencies = List.copyOf(competencies);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(resourceType, "resourceType");
    }

    /** This metadata with every field it leaves empty taken from {@code fallback}. */
    public DocumentMetadata orElse(DocumentMetadata fallback) {
        return new DocumentMetadata(
                title.isEmpty() ? fallback.title : title,
                authors.isEmpty() ? fallback.authors : authors,
                licence.isEmpty() ? fallback.licence : licence,
                language.isEmpty() ? fallback.language : language,
                sourceUrl.isEmpty() ? fallback.sourceUrl : sourceUrl,
                course.isEmpty() ? fallback.course : course,
                competencies.isEmpty() ? fallback.competencies : competencies,
                level.isEmpty() ? fallback.level : level,
                resourceType.isEmpty() ? fallback.resourceType : resourceType);
    }

    public DocumentMetadata withLanguage(String language) {
        return new DocumentMetadata(
                title, authors, licence, language, sourceUrl, course, competencies, level, resourceType);
    }

    public DocumentMetadata withTitle(String title) {
        return new DocumentMetadata(
                title, authors, licence, language, sourceUrl, course, competencies, level, resourceType);
    }
}
