package org.pathwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.CliRun;
import org.pathwise.retrieval.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code migrate --to postgres} on a real data directory (documents, passages with the real embedding model, an
 * answered question in the audit log): every count matches, the chain verifies to the same head, and a second
 * migration into the now-full database is refused without touching it.
 */
class MigrateCommandTest {

    private static final String SCHEMA = "migrate_command";

    @TempDir
    Path data;

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void target() {
        TestPostgres.freshSchema(SCHEMA);
        System.setProperty(
                "pathwise.database.url",
                System.getenv("PATHWISE_TEST_DATABASE_URL") + "?currentSchema=" + SCHEMA + ",public");
        var user = System.getenv("PATHWISE_TEST_DATABASE_USER");
        System.setProperty("pathwise.database.user", user == null ? "" : user);
        System.setProperty("pathwise.library.sample-library", "false");
    }

    @AfterEach
    void clear() {
        System.clearProperty("pathwise.database.url");
        System.clearProperty("pathwise.database.user");
        System.clearProperty("pathwise.library.sample-library");
    }

    @Test
    void copiesADataDirectoryIntoPostgresAndVerifiesIt() throws Exception {
        Files.writeString(
                folder.resolve("captions.md"),
                "# Captions\n\nCaption every lecture video so that deaf students and students in noisy places can"
                        + " follow it. Check automatic captions before you publish them.");
        Files.writeString(
                folder.resolve("rubrics.md"),
                "# Rubrics\n\nA rubric lists the criteria of an assignment and describes each level of performance."
                        + " Share it with students before they start.");
        assertThat(run("ingest", folder.toString()).code()).isZero();
        assertThat(run("ask", "Why should I caption lecture videos?").code()).isZero();

        var migrated = run("migrate", "--to", "postgres", "--json");

        assertThat(migrated.code()).as(migrated.err()).isZero();
        var report = json.readTree(migrated.out());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("tables").get("library_document").get("target").asInt())
                .isEqualTo(2);
        assertThat(report.get("tables").get("interaction").get("target").asInt())
                .isEqualTo(1);
        assertThat(report.get("tables").get("audit_record").get("target").asInt())
                .isPositive();
        assertThat(report.get("passages").get("target").asInt())
                .isPositive()
                .isEqualTo(report.get("passages").get("source").asInt());
        assertThat(report.get("audit").asString()).startsWith("intact");

        var again = run("migrate", "--to", "postgres");

        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds data").contains("2 in library_document");
    }

    @Test
    void refusesATargetThatIsNotPostgres() {
        System.setProperty("pathwise.database.url", "jdbc:h2:mem:elsewhere");

        var result = run("migrate", "--to", "postgres");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("PATHWISE_DATABASE_URL");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    private CliRun run(String... args) {
        return CliRun.inDataDir(data, args);
    }
}
