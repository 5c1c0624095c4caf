package org.pathwise.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The verdicts a person must follow up: refusals of high severity and rules whose action is review, each with the
 * interaction's question (as the guardrails left it, redacted). An administrator closes an item with a note; items are
 * never deleted while their interaction is kept.
 */
@Service
class ReviewQueue {

    /**
     * An item of the queue.
     *
     * @param status {@code open} or {@code closed}
     */
    public record Item(
            String id,
            String interaction,
            String user,
            String question,
            String rule,
            String action,
            String severity,
            String reason,
            String evidence,
            Instant createdAt,
            String status,
            String resolvedBy,
            Instant resolvedAt,
            String resolution) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String SELECT = "SELECT r.id, r.interaction_id, i.username, i.question, r.rule, r.action,"
            + " r.severity, r.reason, r.evidence, r.created_at, r.status, r.resolved_by, r.resolved_at, r.resolution"
            + " FROM review_item r JOIN interaction i ON i.id = r.interaction_id";

    /** Items with the given status ({@code open}, {@code closed}, or {@code null} for all), oldest first. */
    public List<Item> items(String status, int limit) {
        var sql = SELECT + (status == null ? "" : " WHERE r.status = :status") + " ORDER BY r.created_at, r.id"
                + " LIMIT :limit";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status);
        }
        return statement.query(ReviewQueue::item).list();
    }

    public Optional<Item> item(String id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?")
                .param(id)
                .query(ReviewQueue::item)
                .optional();
    }

    /** The number of open items. */
    public long open() {
        return jdbc.sql("SELECT COUNT(*) FROM review_item WHERE status = 'open'")
                .query(Long.class)
                .single();
    }

    /**
     * Closes an open item with a note.
     *
     * @return the closed item, or empty when there is no open item with this id
     */
    public Optional<Item> close(String id, String reviewer, String resolution) {
        if (resolution == null || resolution.isBlank()) {
            throw new IllegalArgumentException("resolution must say what was done");
        }
        if (resolution.length() > 2000) {
            throw new IllegalArgumentException("resolution must be at most 2000 characters");
        }
        int updated = jdbc.sql("UPDATE review_item SET status = 'closed', resolved_by = ?, resolved_at = ?,"
                        + " resolution = ? WHERE id = ? AND status = 'open'")
                .params(reviewer, Timestamp.from(clock.instant()), resolution.strip(), id)
                .update();
        return updated == 0 ? Optional.empty() : item(id);
    }

    private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var resolvedAt = rs.getTimestamp("resolved_at");
        return new Item(
                rs.getString("id"),
                rs.getString("interaction_id"),
                rs.getString("username"),
                rs.getString("question"),
                rs.getString("rule"),
                rs.getString("action"),
                rs.getString("severity"),
                rs.getString("reason"),
                rs.getString("evidence"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("status"),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getString("resolution"));
    }
}
