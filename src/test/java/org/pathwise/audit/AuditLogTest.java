package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dataDir;

    TestAuditLogs.Fixture audit;

    @BeforeEach
    void createLog() {
        audit = TestAuditLogs.create(TestAuditLogs.properties(), dataDir);
    }

    private void askFive() {
        for (int i = 1; i <= 5; i++) {
            audit.ask("educator-" + (i % 2), "question " + i + " about captions?", "answer " + i);
        }
    }

    private Verification.Broken broken() {
        var verification = audit.log().verify();
        assertThat(verification).isInstanceOf(Verification.Broken.class);
        return (Verification.Broken) verification;
    }

    private String id(long seq) {
        return audit.jdbc()
                .sql("SELECT id FROM audit_record WHERE seq = ?")
                .param(seq)
                .query(String.class)
                .single();
    }

    @Test
    void anEmptyLogVerifies() {
        assertThat(audit.log().verify()).isEqualTo(new Verification.Intact(0, 1, 0, Chain.GENESIS));
    }

    @Test
    void recordsChainOneAfterAnotherAndVerify() {
        askFive();
        var verification = audit.log().verify();
        assertThat(verification).isInstanceOfSatisfying(Verification.Intact.class, intact -> {
            assertThat(intact.records()).isEqualTo(5);
            assertThat(intact.first()).isEqualTo(1);
            assertThat(intact.last()).isEqualTo(5);
        });
        var previous = audit.jdbc()
                .sql("SELECT prev_hash FROM audit_record ORDER BY seq")
                .query(String.class)
                .list();
        var hashes = audit.jdbc()
                .sql("SELECT hash FROM audit_record ORDER BY seq")
                .query(String.class)
                .list();
        assertThat(previous.getFirst()).isEqualTo(Chain.GENESIS);
        for (int i = 1; i < 5; i++) {
            assertThat(previous.get(i)).isEqualTo(hashes.get(i - 1));
        }
    }

    @Test
    void theMetadataIsCanonicalJsonWithThePseudonymNotTheUser() {
        var interaction = audit.ask("educator-a", "How do I caption a video?", "With a caption file.");
        var row = audit.jdbc()
                .sql("SELECT metadata, pseudonym, username, outcome, rules FROM audit_record")
                .query((rs, n) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(row.get(0))
                .startsWith("{\"asked_at\":")
                .contains("\"interaction\":\"" + interaction.id() + "\"")
                .doesNotContain("educator-a");
        assertThat(row.get(1)).isEqualTo(audit.log().pseudonym("educator-a")).startsWith("p-");
        assertThat(row.get(2)).isEqualTo("educator-a");
        assertThat(row.get(3)).isEqualTo("refused");
        assertThat(row.get(4)).isEqualTo(",out-of-scope,");
    }

    @Test
    void recordsAreFoundByTheCourseOfTheirRetrievedPassagesAndTheirRule() {
        var plain = TestAuditLogs.interaction("educator-a", "How do I caption?", "Like this.");
        var interaction = new org.pathwise.assistant.Interaction(
                plain.id(),
                plain.conversation(),
                plain.user(),
                plain.question(),
                plain.answer(),
                plain.verdicts(),
                java.util.List.of(
                        new org.pathwise.assistant.Interaction.Retrieved("p-1", "a.md", 0.9, "dc-101"),
                        new org.pathwise.assistant.Interaction.Retrieved("p-2", "b.md", 0.8, "")),
                plain.composer(),
                plain.model(),
                plain.prompt(),
                plain.policyVersion(),
                plain.stageMillis(),
                plain.at(),
                plain.searchedQuery(),
                plain.language());
        audit.transactions()
                .executeWithoutResult(status ->
                        audit.log().recordInteraction(interaction, TestAuditLogs.response(interaction, "Like this.")));
        audit.ask("educator-b", "another question", "another answer");

        java.util.function.Function<java.util.Map<String, String>, List<String>> found =
                parameters -> audit.records().list(RecordFilter.parse(parameters), 0, 10).records().stream()
                        .map(AuditRecords.Summary::interaction)
                        .toList();
        assertThat(found.apply(java.util.Map.of("course", "dc-101"))).containsExactly(interaction.id());
        assertThat(found.apply(java.util.Map.of("course", "dc-10"))).isEmpty();
        assertThat(found.apply(java.util.Map.of("rule", "out-of-scope"))).hasSize(2);
        assertThat(found.apply(java.util.Map.of("rule", "out-of-%"))).isEmpty();
        assertThat(audit.log().verify()).isInstanceOf(Verification.Intact.class);
    }

    @Test
    void aChangedAnswerIsCaughtAtItsRecord() {
        askFive();
        audit.jdbc()
                .sql("UPDATE audit_record SET answer = 'a better answer' WHERE seq = 3")
                .update();
        var broken = broken();
        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.id()).isEqualTo(id(3));
        assertThat(broken.problem()).isEqualTo(Verification.Problem.EDITED);
    }

    @Test
    void changedMetadataIsCaughtAtItsRecord() {
        askFive();
        audit.jdbc()
                .sql("UPDATE audit_record SET metadata = REPLACE(metadata, 'refused', 'answered'),"
                        + " outcome = 'answered' WHERE seq = 2")
                .update();
        assertThat(broken().seq()).isEqualTo(2);
        assertThat(broken().problem()).isEqualTo(Verification.Problem.EDITED);
    }

    @Test
    void aChangedFilterColumnIsCaught() {
        askFive();
        audit.jdbc()
                .sql("UPDATE audit_record SET outcome = 'answered' WHERE seq = 4")
                .update();
        assertThat(broken().seq()).isEqualTo(4);
        assertThat(broken().reason()).contains("filter columns");
    }

    @Test
    void aDeletedRecordIsCaughtAtTheRecordAfterIt() {
        askFive();
        audit.jdbc().sql("DELETE FROM audit_record WHERE seq = 3").update();
        var broken = broken();
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.id()).isEqualTo(id(4));
        assertThat(broken.problem()).isEqualTo(Verification.Problem.REMOVED);
        assertThat(broken.reason()).isEqualTo("record 3 is missing before it");
    }

    @Test
    void deletingTheLastRecordIsCaughtByTheHead() {
        askFive();
        audit.jdbc().sql("DELETE FROM audit_record WHERE seq = 5").update();
        var broken = broken();
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.problem()).isEqualTo(Verification.Problem.REMOVED);
    }

    @Test
    void anInsertedRecordIsCaughtEvenWhenItsOwnHashIsRight() {
        askFive();
        // make room at 3 and forge a record there, chained correctly to record 2
        for (long seq = 5; seq >= 3; seq--) {
            audit.jdbc()
                    .sql("UPDATE audit_record SET seq = ? WHERE seq = ?")
                    .params(seq + 1, seq)
                    .update();
        }
        var previous = audit.jdbc()
                .sql("SELECT hash FROM audit_record WHERE seq = 2")
                .query(String.class)
                .single();
        var at = java.time.Instant.parse("2026-01-05T09:00:00Z");
        var metadata = "{\"pseudonym\":\"p-forged\"}";
        var textHash = Chain.textHash(null, "forged", "forged", null);
        audit.jdbc()
                .sql("INSERT INTO audit_record (seq, id, kind, recorded_at, pseudonym, metadata, question, answer,"
                        + " text_hash, prev_hash, hash) VALUES (3, 'forged', 'interaction', ?, 'p-forged', ?,"
                        + " 'forged', 'forged', ?, ?, ?)")
                .params(
                        java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                        metadata,
                        textHash,
                        previous,
                        Chain.hash(previous, 3, "interaction", at, metadata, textHash))
                .update();
        var broken = broken();
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.problem()).isEqualTo(Verification.Problem.INSERTED_OR_REORDERED);
        assertThat(broken.reason()).contains("record 3");
    }

    @Test
    void swappedRecordsAreCaught() {
        askFive();
        audit.jdbc().sql("UPDATE audit_record SET seq = 100 WHERE seq = 2").update();
        audit.jdbc().sql("UPDATE audit_record SET seq = 2 WHERE seq = 3").update();
        audit.jdbc().sql("UPDATE audit_record SET seq = 3 WHERE seq = 100").update();
        var broken = broken();
        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.problem()).isEqualTo(Verification.Problem.INSERTED_OR_REORDERED);
    }

    @Test
    void textRemovedWithoutAnErasureRecordIsCaught() {
        askFive();
        audit.jdbc()
                .sql("UPDATE audit_record SET username = NULL, question = NULL, answer = NULL WHERE seq = 2")
                .update();
        var broken = broken();
        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.problem()).isEqualTo(Verification.Problem.TEXT_REMOVED);
    }

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Object>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.ask("educator-" + thread, "question " + i, "answer " + i);
                    }
                    return null;
                });
            }
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(audit.log().verify())
                .isInstanceOfSatisfying(
                        Verification.Intact.class,
                        intact -> assertThat(intact.records()).isEqualTo(200));
        assertThat(audit.jdbc()
                        .sql("SELECT COUNT(DISTINCT prev_hash) FROM audit_record")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
    }

    @Test
    void aRecordRolledBackWithItsTransactionLeavesNoTrace() {
        audit.ask("educator-a", "first", "one");
        try {
            audit.transactions().executeWithoutResult(status -> {
                var interaction = TestAuditLogs.interaction("educator-a", "second", "two");
                audit.log().recordInteraction(interaction, TestAuditLogs.response(interaction, "two"));
                throw new IllegalStateException("the interaction could not be stored");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction failed
        }
        assertThat(audit.count()).isEqualTo(1);
        assertThat(audit.log().verify()).isInstanceOf(Verification.Intact.class);
        audit.ask("educator-a", "third", "three");
        assertThat(audit.log().verify()).isInstanceOf(Verification.Intact.class);
    }
}
