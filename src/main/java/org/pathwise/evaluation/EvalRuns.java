package org.pathwise.evaluation;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored evaluation runs (table {@code eval_run}) and the runs started over HTTP or from the pages, with how far they
 * have come (table {@code eval_run_start}).
 */
@Repository
class EvalRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    EvalRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(EvalRun run) {
        jdbc.sql("INSERT INTO eval_run (id, created_at, dataset, dataset_sha256, library_documents, library_sha256,"
                        + " composer, model, prompt, policy_version, configuration, summary, items)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        run.id(),
                        Timestamp.from(run.createdAt()),
                        run.dataset(),
                        run.datasetSha256(),
                        run.libraryDocuments(),
                        run.librarySha256(),
                        run.composer(),
                        run.model(),
                        run.prompt(),
                        run.policyVersion(),
                        JSON.writeValueAsString(run.configuration()),
                        JSON.writeValueAsString(run.summary()),
                        JSON.writeValueAsString(run.items()))
                .update();
    }

    /**
     * A run without its questions: what ran and its summary.
     *
     * @param status {@code done} for a stored run; {@code running} or {@code failed} for a started one not stored
     * @param reason why a run failed, or {@code null}
     */
    record Listed(
            String id,
            java.time.Instant createdAt,
            String dataset,
            String composer,
            String model,
            String policyVersion,
            Map<String, Object> summary,
            String status,
            String reason) {}

    /** The newest runs first: stored runs, and started runs that are running or failed. */
    List<Listed> list(int limit) {
        var stored = jdbc.sql("SELECT id, created_at, dataset, composer, model, policy_version, summary FROM eval_run"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query((rs, row) -> new Listed(
                        rs.getString("id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("dataset"),
                        rs.getString("composer"),
                        rs.getString("model"),
                        rs.getString("policy_version"),
                        JSON.readValue(rs.getString("summary"), new TypeReference<Map<String, Object>>() {}),
                        Started.DONE,
                        null))
                .list();
        var all = new java.util.ArrayList<>(stored);
        jdbc.sql("SELECT * FROM eval_run_start WHERE status <> ? ORDER BY started_at DESC, id DESC LIMIT ?")
                .params(Started.DONE, limit)
                .query(EvalRuns::started)
                .list()
                .forEach(s -> all.add(new Listed(
                        s.id(), s.startedAt(), s.dataset(), null, null, null, Map.of(), s.status(), s.reason())));
        all.sort(java.util.Comparator.comparing(Listed::createdAt)
                .thenComparing(Listed::id)
                .reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /**
     * A run started over HTTP or from the pages.
     *
     * @param status {@link #RUNNING}, {@link #DONE} or {@link #FAILED}
     * @param reason why it failed, or {@code null}
     * @param questions the questions it asks
     * @param asked the questions asked so far
     */
    record Started(
            String id,
            String dataset,
            String startedBy,
            java.time.Instant startedAt,
            java.time.Instant finishedAt,
            String status,
            String reason,
            int questions,
            int asked) {

        static final String RUNNING = "running";
        static final String DONE = "done";
        static final String FAILED = "failed";
    }

    void insertStarted(Started started) {
        jdbc.sql("INSERT INTO eval_run_start (id, dataset, started_by, started_at, finished_at, status, reason,"
                        + " questions, asked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        started.id(),
                        started.dataset(),
                        started.startedBy(),
                        Timestamp.from(started.startedAt()),
                        started.finishedAt() == null ? null : Timestamp.from(started.finishedAt()),
                        started.status(),
                        started.reason(),
                        started.questions(),
                        started.asked())
                .update();
    }

    void progress(String id, int asked) {
        jdbc.sql("UPDATE eval_run_start SET asked = ? WHERE id = ?")
                .params(asked, id)
                .update();
    }

    /** Ends a started run: {@link Started#DONE}, or {@link Started#FAILED} with the reason. */
    void finish(String id, String status, String reason, java.time.Instant at) {
        jdbc.sql("UPDATE eval_run_start SET status = ?, reason = ?, finished_at = ? WHERE id = ?")
                .params(
                        status,
                        reason == null ? null : reason.substring(0, Math.min(2000, reason.length())),
                        Timestamp.from(at),
                        id)
                .update();
    }

    Optional<Started> findStarted(String id) {
        return jdbc.sql("SELECT * FROM eval_run_start WHERE id = ?")
                .param(id)
                .query(EvalRuns::started)
                .optional();
    }

    /** The started run that is still running, if any. */
    Optional<Started> running() {
        return jdbc
                .sql("SELECT * FROM eval_run_start WHERE status = ? ORDER BY started_at")
                .param(Started.RUNNING)
                .query(EvalRuns::started)
                .list()
                .stream()
                .findFirst();
    }

    /** Marks every run still running as failed, with the reason; returns how many. */
    int failRunning(String reason, java.time.Instant at) {
        return jdbc.sql("UPDATE eval_run_start SET status = ?, reason = ?, finished_at = ? WHERE status = ?")
                .params(Started.FAILED, reason, Timestamp.from(at), Started.RUNNING)
                .update();
    }

    private static Started started(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new Started(
                rs.getString("id"),
                rs.getString("dataset"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getInt("questions"),
                rs.getInt("asked"));
    }

    Optional<EvalRun> find(String id) {
        return jdbc.sql("SELECT * FROM eval_run WHERE id = ?")
                .param(id)
                .query((rs, row) -> new EvalRun(
                        rs.getString("id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("dataset"),
                        rs.getString("dataset_sha256"),
                        rs.getInt("library_documents"),
                        rs.getString("library_sha256"),
                        rs.getString("composer"),
                        rs.getString("model"),
                        rs.getString("prompt"),
                        rs.getString("policy_version"),
                        JSON.readValue(rs.getString("configuration"), new TypeReference<Map<String, Object>>() {}),
                        JSON.readValue(rs.getString("summary"), new TypeReference<Map<String, Object>>() {}),
                        JSON.readValue(rs.getString("items"), new TypeReference<List<Map<String, Object>>>() {})))
                .optional();
    }
}
