package org.pathwise.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The library's documents in the relational database (table {@code library_document}). */
final class DocumentStore {

    private static final String COLUMNS = "id, source, origin, title, authors, licence, language, source_url, course,"
            + " competencies, level, resource_type, media_type, size_bytes, content_hash, passages, ingested_at, warnings";

    /** The most marks a document keeps: enough for a book, bounded for a hostile file. */
    static final int MAX_MARKS = 20_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<InlineMark>> MARKS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LibraryDocument> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM library_document WHERE id = ?")
                .param(id)
                .query(DocumentStore::map)
                .optional();
    }

    /** The document of one origin (a folder, or uploads) with this source. */
    Optional<LibraryDocument> find(String origin, String source) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM library_document WHERE origin = ? AND source = ?")
                .param(origin)
                .param(source)
                .query(DocumentStore::map)
                .optional();
    }

    /** The document with this source and the smallest id, whatever its origin. */
    Optional<LibraryDocument> findBySource(String source) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM library_document WHERE source = ? ORDER BY id LIMIT 1")
                .param(source)
                .query(DocumentStore::map)
                .optional();
    }

    /** The documents ingested from one folder: each one's source and id, by source. */
    java.util.SortedMap<String, String> documentsFrom(String origin) {
        var documents = new java.util.TreeMap<String, String>();
        jdbc.sql("SELECT source, id FROM library_document WHERE origin = ?")
                .param(origin)
                .query((rs, row) -> documents.put(rs.getString("source"), rs.getString("id")))
                .list();
        return documents;
    }

    List<LibraryDocument> list(DocumentQuery query) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new ArrayList<Object>();
        condition(where, params, "licence = ?", query.licence());
        condition(where, params, "language = ?", query.language());
        condition(where, params, "course = ?", query.course());
        condition(where, params, "resource_type = ?", query.resourceType());
        if (!query.competency().isEmpty()) {
            where.append(" AND (',' || competencies || ',') LIKE ?");
            params.add("%," + query.competency() + ",%");
        }
        if (!query.text().isEmpty()) {
            where.append(" AND (LOWER(title) LIKE ? OR LOWER(source) LIKE ?)");
            var like = "%" + query.text().toLowerCase(java.util.Locale.ROOT) + "%";
            params.add(like);
            params.add(like);
        }
        params.add(query.limit());
        params.add(query.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM library_document" + where + " ORDER BY source LIMIT ? OFFSET ?")
                .params(params)
                .query(DocumentStore::map)
                .list();
    }

    List<String> distinct(String column) {
        if (!List.of("licence", "language", "course", "resource_type").contains(column)) {
            throw new IllegalArgumentException("no such attribute: " + column);
        }
        return jdbc.sql("SELECT DISTINCT " + column + " FROM library_document WHERE " + column + " <> '' ORDER BY "
                        + column)
                .query(String.class)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM library_document")
                .query(Long.class)
                .single();
    }

    /** Inserts the document, or updates it when a document with its id exists. */
    void save(LibraryDocument document, String origin) {
        var m = document.metadata();
        var values = new ArrayList<Object>(List.of(
                document.source(),
                origin,
                cut(m.title(), 1024),
                cut(String.join("\n", m.authors()), 4000),
                cut(m.licence(), 64),
                cut(m.language(), 35),
                cut(m.sourceUrl(), 2048),
                cut(m.course(), 255),
                cut(String.join(",", m.competencies()), 1024),
                cut(m.level(), 64),
                cut(m.resourceType(), 64),
                cut(document.mediaType(), 255),
                document.sizeBytes(),
                document.contentHash(),
                document.passages(),
                Timestamp.from(document.ingestedAt()),
                clip(String.join("\n", document.warnings()))));
        var columns = List.of(COLUMNS.split(",\\s*")).subList(1, 18);
        var assignments = String.join(" = ?, ", columns) + " = ?";
        values.add(document.id());
        int updated = jdbc.sql("UPDATE library_document SET " + assignments + " WHERE id = ?")
                .params(values)
                .update();
        if (updated == 0) {
            values.addFirst(values.removeLast());
            jdbc.sql("INSERT INTO library_document (" + COLUMNS + ") VALUES (" + "?, ".repeat(17) + "?)")
                    .params(values)
                    .update();
        }
    }

    /** Keeps the document's inline formatting, at most {@link #MAX_MARKS} marks. */
    void saveMarks(String id, List<InlineMark> marks) {
        var kept = marks.stream().filter(InlineMark::isPhrase).limit(MAX_MARKS).toList();
        jdbc.sql("UPDATE library_document SET marks = ? WHERE id = ?")
                .param(kept.isEmpty() ? "" : JSON.writeValueAsString(kept))
                .param(id)
                .update();
    }

    /**
     * The document's inline formatting in reading order; none for a document ingested before it was kept, or whose
     * stored marks can't be read (the page then shows plain text rather than failing).
     */
    List<InlineMark> marks(String id) {
        var stored = jdbc.sql("SELECT marks FROM library_document WHERE id = ? AND marks IS NOT NULL")
                .param(id)
                .query(String.class)
                .optional()
                .orElse("");
        try {
            return stored.isEmpty() ? List.of() : JSON.readValue(stored, MARKS);
        } catch (JacksonException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Whether the document's inline formatting was kept: false for a document ingested before it was. */
    boolean hasMarks(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM library_document WHERE id = ? AND marks IS NOT NULL")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM library_document WHERE id = ?").param(id).update() > 0;
    }

    private static void condition(StringBuilder where, List<Object> params, String clause, String value) {
        if (!value.isEmpty()) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static LibraryDocument map(ResultSet rs, int row) throws SQLException {
        var metadata = new DocumentMetadata(
                rs.getString("title"),
                split(rs.getString("authors"), "\n"),
                rs.getString("licence"),
                rs.getString("language"),
                rs.getString("source_url"),
                rs.getString("course"),
                split(rs.getString("competencies"), ","),
                rs.getString("level"),
                rs.getString("resource_type"));
        return new LibraryDocument(
                rs.getString("id"),
                rs.getString("source"),
                metadata,
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("content_hash"),
                rs.getInt("passages"),
                rs.getTimestamp("ingested_at").toInstant(),
                split(rs.getString("warnings"), "\n"));
    }

    /** A value longer than its column is cut, ending in an ellipsis, so that one document's metadata never fails a batch. */
    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** Warnings beyond the column's size are cut at a line. */
    private static String clip(String warnings) {
        if (warnings.length() <= 4000) {
            return warnings;
        }
        var cut = warnings.lastIndexOf('\n', 3990);
        return warnings.substring(0, Math.max(cut, 0)) + "\n…";
    }

    private static List<String> split(String value, String separator) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(separator));
    }
}
