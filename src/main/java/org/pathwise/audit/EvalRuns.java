package org.pathwise.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored evaluation runs (table {@code eval_run}). */
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

    /** A stored run without its questions: what ran and its summary. */
    record Listed(
            String id,
            java.time.Instant createdAt,
            String dataset,
            String composer,
            String model,
            String policyVersion,
            Map<String, Object> summary) {}

    /** The newest runs first. */
    List<Listed> list(int limit) {
        return jdbc.sql("SELECT id, created_at, dataset, composer, model, policy_version, summary FROM eval_run"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query((rs, row) -> new Listed(
                        rs.getString("id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("dataset"),
                        rs.getString("composer"),
                        rs.getString("model"),
                        rs.getString("policy_version"),
                        JSON.readValue(rs.getString("summary"), new TypeReference<Map<String, Object>>() {})))
                .list();
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
