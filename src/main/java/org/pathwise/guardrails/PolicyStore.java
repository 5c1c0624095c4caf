package org.pathwise.guardrails;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The policy versions administrators put in force, newest last; the newest is the one in force. */
@Repository
class PolicyStore {

    /** A stored version: who put it in force and when. */
    record Stored(String version, String yaml, String uploadedBy, Instant uploadedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PolicyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored> latest() {
        return jdbc.sql("SELECT version, yaml, uploaded_by, uploaded_at FROM guardrails_policy"
                        + " ORDER BY uploaded_at DESC, version DESC LIMIT 1")
                .query(PolicyStore::stored)
                .optional();
    }

    List<Stored> history() {
        return jdbc.sql("SELECT version, yaml, uploaded_by, uploaded_at FROM guardrails_policy"
                        + " ORDER BY uploaded_at DESC, version DESC")
                .query(PolicyStore::stored)
                .list();
    }

    boolean exists(String version) {
        return jdbc.sql("SELECT COUNT(*) FROM guardrails_policy WHERE version = ?")
                        .param(version)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void save(Policy policy, String user) {
        jdbc.sql("INSERT INTO guardrails_policy (version, yaml, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?)")
                .params(
                        policy.version(),
                        policy.yaml(),
                        user,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(
                rs.getString("version"),
                rs.getString("yaml"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
