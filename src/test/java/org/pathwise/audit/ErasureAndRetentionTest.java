package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ErasureAndRetentionTest {

    @TempDir
    Path dataDir;

    TestAuditLogs.Fixture audit;

    @BeforeEach
    void createLog() {
        audit = TestAuditLogs.create(TestAuditLogs.properties(), dataDir);
    }

    private List<String> texts(String column) {
        return audit.jdbc()
                .sql("SELECT " + column + " FROM audit_record WHERE kind = 'interaction' ORDER BY seq")
                .query(String.class)
                .list();
    }

    private void erase(String user, List<String> interactions) {
        audit.transactions().executeWithoutResult(status -> audit.log().erase(user, interactions));
    }

    @Test
    void erasurePseudonymisesTheUsersRecordsAndTheChainStillVerifies() {
        var mine = audit.ask("educator-a", "my first question", "first answer");
        var theirs = audit.ask("educator-b", "their question", "their answer");
        var mineAgain = audit.ask("educator-a", "my second question", "second answer");
        audit.transactions()
                .executeWithoutResult(status -> audit.log().recordRating(mine.id(), "educator-a", -1, "too short"));

        erase("educator-a", List.of(mine.id(), mineAgain.id()));

        assertThat(texts("question")).containsExactly(null, "their question", null);
        assertThat(texts("username")).containsExactly(null, "educator-b", null);
        assertThat(texts("pseudonym"))
                .containsExactly(
                        audit.log().pseudonym("educator-a"),
                        audit.log().pseudonym("educator-b"),
                        audit.log().pseudonym("educator-a"));
        assertThat(audit.jdbc()
                        .sql("SELECT comment FROM audit_record WHERE kind = 'feedback'")
                        .query(String.class)
                        .optional())
                .isEmpty();
        var erasure = audit.jdbc()
                .sql("SELECT metadata FROM audit_record WHERE kind = 'erasure'")
                .query(String.class)
                .single();
        assertThat(erasure)
                .contains("\"records\":3", "\"interactions\":2", "\"first_seq\":1", "\"last_seq\":4")
                .doesNotContain("educator-a");
        assertThat(audit.log().verify())
                .isInstanceOfSatisfying(
                        Verification.Intact.class,
                        intact -> assertThat(intact.records()).isEqualTo(5));
    }

    @Test
    void anotherUsersRecordsAreNotErasedByNamingThem() {
        var theirs = audit.ask("educator-b", "their question", "their answer");
        erase("educator-a", List.of(theirs.id()));
        assertThat(texts("question")).containsExactly("their question");
        assertThat(audit.count()).isEqualTo(1);
    }

    @Test
    void pseudonymsAreStableAcrossRestartsAndKeyedByTheDataDirectorysSecret() throws Exception {
        var withFile = TestAuditLogs.create(new AuditProperties(null, null, null, null), dataDir);
        var first = withFile.log().pseudonym("educator-a");
        assertThat(Files.exists(dataDir.resolve(Pseudonyms.SECRET_FILE))).isTrue();
        var again = TestAuditLogs.create(new AuditProperties(null, null, null, null), dataDir);
        assertThat(again.log().pseudonym("educator-a")).isEqualTo(first);
        assertThat(again.log().pseudonym("educator-b")).isNotEqualTo(first);
        assertThat(audit.log().pseudonym("educator-a")).isNotEqualTo(first);
    }

    @Test
    void theOperationsRetentionRemovesOldTextAndThePurgeRecordCoversIt() {
        audit.ask("educator-a", "an old question", "an old answer");
        audit.clock().advance(Duration.ofDays(100));
        audit.ask("educator-a", "a recent question", "a recent answer");
        audit.clock().advance(Duration.ofDays(100));

        var purge = audit.log().purge();

        assertThat(purge.textRemoved()).isEqualTo(1);
        assertThat(purge.recordsRemoved()).isZero();
        assertThat(texts("question")).containsExactly(null, "a recent question");
        assertThat(audit.log().verify()).isInstanceOf(Verification.Intact.class);
        assertThat(audit.log().purge().purgeRecord()).as("nothing more is due").isNull();
    }

    @Test
    void theResearchRetentionRemovesTheOldestRecordsAndVerificationStartsFromTheAnchor() {
        for (int i = 0; i < 3; i++) {
            audit.ask("educator-a", "old question " + i, "old answer");
        }
        audit.clock().advance(Duration.ofDays(1000));
        audit.log().purge(); // the text of the first three goes
        audit.clock().advance(Duration.ofDays(900));
        audit.ask("educator-a", "recent question", "recent answer");

        var purge = audit.log().purge();

        assertThat(purge.recordsRemoved()).isEqualTo(3);
        assertThat(audit.log().verify()).isInstanceOfSatisfying(Verification.Intact.class, intact -> {
            assertThat(intact.first()).isEqualTo(4);
            assertThat(intact.last()).isEqualTo(6);
            assertThat(intact.records()).isEqualTo(3);
        });
        var metadata = audit.jdbc()
                .sql("SELECT metadata FROM audit_record WHERE seq = 6")
                .query(String.class)
                .single();
        assertThat(metadata).contains("\"removed\":3", "\"removed_through\":3", "\"anchor\":");
    }

    @Test
    void removingTheOldestRecordsWithoutAPurgeRecordIsCaught() {
        for (int i = 0; i < 3; i++) {
            audit.ask("educator-a", "question " + i, "answer");
        }
        audit.jdbc().sql("DELETE FROM audit_record WHERE seq = 1").update();
        var verification = audit.log().verify();
        assertThat(verification).isInstanceOfSatisfying(Verification.Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(2);
            assertThat(broken.problem()).isEqualTo(Verification.Problem.REMOVED);
        });
    }

    @Test
    void retentionShorterThanSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditProperties.Retention(Duration.ofDays(90), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pathwise.audit.retention.operations must be at least 184 days (six months, EU AI Act"
                        + " Article 26(6)), got 90 days");
        assertThatThrownBy(() -> new AuditProperties.Retention(Duration.ofDays(365), Duration.ofDays(200)))
                .hasMessageContaining("research must be at least");
    }

    @EnableConfigurationProperties(AuditProperties.class)
    static class PropertiesOnly {}

    @Test
    void theApplicationDoesNotStartWithTooShortARetention() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("pathwise.audit.retention.operations=30d")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("at least 184 days (six months, EU AI Act Article 26(6)), got 30 days"));
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(
                                context.getBean(AuditProperties.class).retention())
                        .isEqualTo(new AuditProperties.Retention(Duration.ofDays(184), Duration.ofDays(1826))));
    }
}
