package org.pathwise.library;

/**
 * Which documents to list: each non-empty field must match exactly; {@code text} matches title or source, ignoring
 * case. Results come ordered by source, {@code limit} at most from {@code offset}.
 */
public record DocumentQuery(
        String licence,
        String language,
        String course,
        String competency,
        String resourceType,
        String text,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public static final DocumentQuery ALL = new DocumentQuery("", "", "", "", "", "", 0, MAX_LIMIT);

    public DocumentQuery {
        licence = licence == null ? "" : licence.strip();
        language = language == null ? "" : language.strip();
        course = course == null ? "" : course.strip();
        competency = competency == null ? "" : competency.strip();
        resourceType = resourceType == null ? "" : resourceType.strip();
        text = text == null ? "" : text.strip();
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
