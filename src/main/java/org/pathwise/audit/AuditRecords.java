package org.pathwise.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.pathwise.CsvCells;
import org.pathwise.assistant.Interaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reading the audit log: lists of records by filter (keyset pages by sequence number), a record's whole trace with its
 * ratings and annotations, researchers' annotations, and the pseudonymised export (JSON Lines or CSV, streamed row by
 * row). Nothing here changes a record; annotations live beside the chain.
 */
@Component
class AuditRecords {

    /** The labels an annotator may give a record. */
    static final Set<String> LABELS = Set.of("correct", "incorrect", "harmful", "unsupported");

    static final int MAX_LIMIT = 500;
    private static final int FETCH_SIZE = 500;

    private static final String LATEST_RATING = "(SELECT f.rating FROM audit_record f WHERE f.kind = 'feedback'"
            + " AND f.interaction_id = r.interaction_id ORDER BY f.seq DESC LIMIT 1)";

    private static final String COLUMNS = "r.seq, r.id, r.kind, r.recorded_at, r.interaction_id, r.pseudonym,"
            + " r.outcome, r.language, r.rules, r.composer, r.model, r.prompt, r.rating, r.question, " + LATEST_RATING
            + " AS latest_rating";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final Clock clock;

    /** The filters' choices, read again at most every 30 seconds: each is a scan of the whole log. */
    private final com.github.benmanes.caffeine.cache.LoadingCache<String, Map<String, List<String>>> choices;

    AuditRecords(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.choices = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .expireAfterWrite(java.time.Duration.ofSeconds(30))
                .build(key -> readChoices());
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.clock = clock;
    }

    /**
     * A record as lists show it.
     *
     * @param rating the latest rating of an interaction's answer (1, -1), or the rating a feedback record gives
     * @param question the question, or {@code null} once erased or purged
     */
    record Summary(
            long seq,
            String id,
            String kind,
            Instant at,
            String interaction,
            String pseudonym,
            String outcome,
            String language,
            List<String> rules,
            String composer,
            String model,
            String prompt,
            Integer rating,
            String question) {}

    /**
     * One page of records and the cursor of the next ({@code after} oldest first, {@code before} newest first), or
     * {@code null} when this is the last.
     */
    record Page(List<Summary> records, Long next) {}

    /** Records matching the filter, in chain order, after the sequence number {@code after}. */
    Page list(RecordFilter filter, long after, int limit) {
        return list(filter, after, limit, false);
    }

    /**
     * Records matching the filter: oldest first after the sequence number {@code cursor}, or newest first before it
     * ({@code cursor} 0 for the newest).
     */
    @Transactional(readOnly = true)
    Page list(RecordFilter filter, long cursor, int limit, boolean newestFirst) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        var where = where(filter);
        where.sql.append(newestFirst ? " AND r.seq < ?" : " AND r.seq > ?");
        where.params.add(newestFirst && cursor <= 0 ? Long.MAX_VALUE : cursor);
        var order = newestFirst ? " ORDER BY r.seq DESC LIMIT ?" : " ORDER BY r.seq LIMIT ?";
        var records = jdbc.sql("SELECT " + COLUMNS + " FROM audit_record r" + where.sql + order)
                .params(concat(where.params, limit + 1))
                .query((rs, row) -> summary(rs))
                .list();
        if (records.size() > limit) {
            return new Page(
                    List.copyOf(records.subList(0, limit)),
                    records.get(limit - 1).seq());
        }
        return new Page(records, null);
    }

    /** A rating of the answer. */
    record Rating(long seq, Instant at, int rating, String comment) {}

    /** A researcher's annotation. */
    record Annotation(String id, String annotator, String label, String comment, Instant at) {}

    /**
     * How far the annotators of a record agree: each annotator's latest label counts once.
     *
     * @param annotators how many annotators labelled the record
     * @param pairs pairs of annotators
     * @param agreeingPairs pairs that gave the same label
     * @param agreement {@code agreeingPairs / pairs}, or {@code null} with fewer than two annotators
     * @param labels how many annotators gave each label
     */
    record Agreement(int annotators, int pairs, int agreeingPairs, Double agreement, Map<String, Integer> labels) {}

    /**
     * A record's whole trace: the summary, the answer, the chained metadata (retrieved passages with scores,
     * citations, verdicts, time per stage, composer, model, prompt, policy version), the ratings, the annotations.
     */
    record Detail(
            Summary record,
            String answer,
            String comment,
            JsonNode trace,
            List<Rating> ratings,
            List<Annotation> annotations,
            Agreement agreement,
            String previousHash,
            String hash) {}

    /** A record by id, when the filter (an educator's own records) lets the viewer see it. */
    @Transactional(readOnly = true)
    Optional<Detail> detail(String id, String pseudonym) {
        var sql = "SELECT " + COLUMNS + ", r.answer, r.comment, r.metadata, r.prev_hash, r.hash FROM audit_record r"
                + " WHERE r.id = ?" + (pseudonym == null ? "" : " AND r.pseudonym = ?");
        var params = pseudonym == null ? List.<Object>of(id) : List.<Object>of(id, pseudonym);
        return jdbc.sql(sql)
                .params(params)
                .query((rs, row) -> {
                    var summary = summary(rs);
                    var ratings = summary.interaction() == null ? List.<Rating>of() : ratings(summary.interaction());
                    var annotations = annotations(summary.id());
                    return new Detail(
                            summary,
                            rs.getString("answer"),
                            rs.getString("comment"),
                            Chain.JSON.readTree(rs.getString("metadata")),
                            ratings,
                            annotations,
                            agreement(annotations),
                            rs.getString("prev_hash"),
                            rs.getString("hash"));
                })
                .optional();
    }

    private List<Rating> ratings(String interaction) {
        return jdbc.sql("SELECT seq, recorded_at, rating, comment FROM audit_record WHERE kind = 'feedback'"
                        + " AND interaction_id = ? ORDER BY seq")
                .param(interaction)
                .query((rs, row) -> new Rating(
                        rs.getLong("seq"),
                        AuditLog.instant(rs, "recorded_at"),
                        rs.getInt("rating"),
                        rs.getString("comment")))
                .list();
    }

    private List<Annotation> annotations(String record) {
        return jdbc.sql("SELECT id, annotator, label, comment, created_at FROM audit_annotation WHERE record_id = ?"
                        + " ORDER BY created_at, id")
                .param(record)
                .query((rs, row) -> new Annotation(
                        rs.getString("id"),
                        rs.getString("annotator"),
                        rs.getString("label"),
                        rs.getString("comment"),
                        AuditLog.instant(rs, "created_at")))
                .list();
    }

    /** Agreement among the annotators' latest labels: the share of pairs of annotators giving the same label. */
    static Agreement agreement(List<Annotation> annotations) {
        var latest = new LinkedHashMap<String, String>();
        for (var annotation : annotations) {
            latest.put(annotation.annotator(), annotation.label());
        }
        var labels = new java.util.TreeMap<String, Integer>();
        latest.values().forEach(label -> labels.merge(label, 1, Integer::sum));
        int n = latest.size();
        int pairs = n * (n - 1) / 2;
        int agreeing = labels.values().stream().mapToInt(k -> k * (k - 1) / 2).sum();
        return new Agreement(n, pairs, agreeing, pairs == 0 ? null : (double) agreeing / pairs, labels);
    }

    /**
     * Adds an annotator's judgement of a record; an annotator's later annotation supersedes their earlier one in the
     * agreement, and both are kept.
     *
     * @return the record with its annotations, or empty when there is no such record
     */
    @Transactional
    Optional<Detail> annotate(String record, String annotator, String label, String comment) {
        if (label == null || !LABELS.contains(label)) {
            throw new IllegalArgumentException(
                    "label must be correct, incorrect, harmful or unsupported, got " + label);
        }
        var text = comment == null ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw new IllegalArgumentException("a comment has at most 2000 characters");
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE id = ?")
                        .param(record)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            return Optional.empty();
        }
        jdbc.sql("INSERT INTO audit_annotation (id, record_id, annotator, label, comment, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID().toString(),
                        record,
                        annotator,
                        label,
                        text == null || text.isEmpty() ? null : text,
                        Timestamp.from(clock.instant()))
                .update();
        return detail(record, null);
    }

    /** An export format. */
    enum Format {
        JSONL,
        CSV;

        static Format parse(String text) {
            return switch (text == null ? "jsonl" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "jsonl", "" -> JSONL;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("format must be jsonl or csv, got " + text);
            };
        }
    }

    static final List<String> CSV_COLUMNS = List.of(
            "seq",
            "id",
            "kind",
            "recorded_at",
            "interaction",
            "pseudonym",
            "outcome",
            "language",
            "rules",
            "composer",
            "model",
            "prompt",
            "rating",
            "question",
            "answer",
            "comment",
            "metadata",
            "prev_hash",
            "hash");

    /**
     * Writes the matching records, oldest first, one at a time as the database hands them over, so memory does not
     * grow with the log. User names are never exported (records carry pseudonyms); question, answer and comment go
     * through the personal-data redaction first.
     *
     * @return how many records were written
     */
    @Transactional(readOnly = true)
    long export(RecordFilter filter, Format format, Writer out) {
        var where = where(filter);
        var sql = "SELECT r.seq, r.id, r.kind, r.recorded_at, r.interaction_id, r.pseudonym, r.outcome, r.language,"
                + " r.rules, r.composer, r.model, r.prompt, r.rating, r.question, r.answer, r.comment, r.metadata,"
                + " r.prev_hash, r.hash FROM audit_record r" + where.sql;
        long[] count = {0};
        try {
            if (format == Format.CSV) {
                out.write(String.join(",", CSV_COLUMNS) + "\r\n");
            }
            Streaming.forEach(
                    streaming,
                    sql,
                    where.params,
                    Streaming.last(streaming),
                    (rs, row) -> exported(rs),
                    row -> (Long) row[0],
                    row -> {
                        try {
                            out.write(format == Format.CSV ? csv(row) : jsonLine(row));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        count[0]++;
                    });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** A row of the export, its text already redacted. */
    private Object[] exported(ResultSet rs) throws SQLException {
        return new Object[] {
            rs.getLong("seq"),
            rs.getString("id"),
            rs.getString("kind"),
            AuditLog.instant(rs, "recorded_at").toString(),
            rs.getString("interaction_id"),
            rs.getString("pseudonym"),
            rs.getString("outcome"),
            rs.getString("language"),
            rules(rs.getString("rules")),
            rs.getString("composer"),
            rs.getString("model"),
            rs.getString("prompt"),
            rs.getObject("rating", Integer.class),
            redacted(rs.getString("question")),
            redacted(rs.getString("answer")),
            redacted(rs.getString("comment")),
            rs.getString("metadata"),
            rs.getString("prev_hash"),
            rs.getString("hash")
        };
    }

    private String redacted(String text) {
        return text == null ? null : Interaction.withoutPersonalData(text);
    }

    private static String jsonLine(Object[] row) {
        var map = new LinkedHashMap<String, Object>();
        String metadata = "{}";
        for (int i = 0; i < row.length; i++) {
            var name = CSV_COLUMNS.get(i);
            if (name.equals("metadata")) {
                metadata = (String) row[i];
            } else {
                map.put(name, row[i]);
            }
        }
        // the stored metadata is canonical JSON already: written as it is, not parsed again
        var fields = Chain.JSON.writeValueAsString(map);
        return fields.substring(0, fields.length() - 1) + ",\"metadata\":" + metadata + "}\n";
    }

    /** A row as one CSV record (RFC 4180, Apache Commons CSV), its text cells {@link CsvCells#safe safe}. */
    private static String csv(Object[] row) {
        var cells = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            cells[i] = row[i] instanceof List<?> list
                    ? String.join(";", list.stream().map(String::valueOf).toList())
                    : row[i];
        }
        return CSVFormat.RFC4180.format(CsvCells.safe(cells)) + "\r\n";
    }

    private record Where(StringBuilder sql, List<Object> params) {}

    /** How many values a filter offers at most; a rarer value is still typed into the API's query. */
    static final int MAX_CHOICES = 200;

    /**
     * The values the log holds for each filter that names one (rule, language, course, composer, model, prompt),
     * sorted, for the records page to offer as choices instead of free text; up to 30 seconds old.
     */
    Map<String, List<String>> choices() {
        return choices.get("all");
    }

    private Map<String, List<String>> readChoices() {
        var choices = new java.util.LinkedHashMap<String, List<String>>();
        choices.put("rule", listed("rules"));
        choices.put("language", distinct("language"));
        choices.put("course", listed("courses"));
        choices.put("composer", distinct("composer"));
        choices.put("model", distinct("model"));
        choices.put("prompt", distinct("prompt"));
        return java.util.Collections.unmodifiableMap(choices);
    }

    /** The distinct non-empty values of a column; the column's name is one of ours, never the caller's. */
    private List<String> distinct(String column) {
        return jdbc
                .sql("SELECT DISTINCT " + column + " FROM audit_record WHERE " + column + " IS NOT NULL AND " + column
                        + " <> '' ORDER BY " + column)
                .query(String.class)
                .list()
                .stream()
                .limit(MAX_CHOICES)
                .toList();
    }

    /** The distinct values of a list column ({@code ,a,b,}). */
    private List<String> listed(String column) {
        var values = new java.util.TreeSet<String>();
        for (var list : distinct(column)) {
            for (var value : list.split(",")) {
                if (!value.isBlank() && values.size() < MAX_CHOICES) {
                    values.add(value);
                }
            }
        }
        return List.copyOf(values);
    }

    private static Where where(RecordFilter filter) {
        var sql = new StringBuilder(" WHERE 1 = 1");
        var params = new ArrayList<Object>();
        equal(sql, params, "r.kind", filter.kind());
        if (filter.from() != null) {
            sql.append(" AND r.recorded_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND r.recorded_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        equal(sql, params, "r.outcome", filter.outcome());
        contains(sql, params, "r.rules", filter.rule());
        contains(sql, params, "r.courses", filter.course());
        equal(sql, params, "r.language", filter.language());
        equal(sql, params, "r.composer", filter.composer());
        equal(sql, params, "r.model", filter.model());
        equal(sql, params, "r.prompt", filter.prompt());
        equal(sql, params, "r.pseudonym", filter.pseudonym());
        if (filter.rating() != null) {
            sql.append(" AND COALESCE(r.rating, " + LATEST_RATING + ") = ?");
            params.add(filter.rating());
        }
        return new Where(sql, params);
    }

    /** A list column ({@code ,a,b,}) that holds the value. */
    private static void contains(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" LIKE ? ESCAPE '!'");
            params.add("%," + value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
        }
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        var latest = rs.getObject("latest_rating", Integer.class);
        var own = rs.getObject("rating", Integer.class);
        return new Summary(
                rs.getLong("seq"),
                rs.getString("id"),
                rs.getString("kind"),
                AuditLog.instant(rs, "recorded_at"),
                rs.getString("interaction_id"),
                rs.getString("pseudonym"),
                rs.getString("outcome"),
                rs.getString("language"),
                rules(rs.getString("rules")),
                rs.getString("composer"),
                rs.getString("model"),
                rs.getString("prompt"),
                own != null ? own : latest,
                rs.getString("question"));
    }

    private static List<String> rules(String column) {
        if (column == null) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Object> concat(List<Object> params, Object last) {
        var all = new ArrayList<>(params);
        all.add(last);
        return all;
    }
}
