package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.CliRun;
import tools.jackson.databind.json.JsonMapper;

/** {@code pathwise audit verify} and {@code pathwise audit export} on a data directory's database. */
class AuditCommandTest {

    @TempDir
    Path data;

    private final JsonMapper json = JsonMapper.builder().build();

    private CliRun run(String... args) {
        return CliRun.inDataDir(data, args);
    }

    @Test
    void verifiesExportsAndNamesTheFirstBrokenRecord() throws Exception {
        var empty = run("audit", "verify", "--json");
        assertThat(empty.code()).as(empty.err()).isZero();
        assertThat(json.readTree(empty.out()).get("records").asLong()).isZero();

        var audit = TestAuditLogs.ofDataDir(data);
        audit.ask("educator-a", "Write to me at ada@example.org about captions", "Captions help [1].");
        for (int i = 2; i <= 5; i++) {
            audit.ask("educator-b", "question " + i, "answer " + i);
        }
        var pseudonym = audit.log().pseudonym("educator-a");

        var intact = run("audit", "verify");
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).startsWith("The audit log is intact: 5 records (1 to 5), head ");

        var csv = data.resolve("audit.csv");
        var export = run("audit", "export", "--format", "csv", "--out", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        var lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).startsWith("seq,id,kind,recorded_at,interaction,pseudonym,outcome");
        assertThat(String.join("\n", lines))
                .contains(pseudonym, "[email]")
                .doesNotContain("ada@example.org", "educator-a", "educator-b");

        var jsonl = run("audit", "export", "--outcome", "refused", "--to", "2099-01-01");
        assertThat(jsonl.code()).as(jsonl.err()).isZero();
        var first = json.readTree(jsonl.out().lines().findFirst().orElseThrow());
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("metadata").get("pseudonym").asString()).isEqualTo(pseudonym);
        assertThat(jsonl.out().lines()).hasSize(5);

        audit = TestAuditLogs.ofDataDir(data);
        audit.jdbc().sql("DELETE FROM audit_record WHERE seq = 3").update();
        var broken = run("audit", "verify", "--json");
        assertThat(broken.code()).isEqualTo(1);
        var report = json.readTree(broken.out());
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("seq").asLong()).isEqualTo(4);
        assertThat(report.get("problem").asString()).isEqualTo("removed");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() {
        var format = run("audit", "export", "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo("pathwise audit export: format must be jsonl or csv, got xml");

        var date = run("audit", "export", "--from", "yesterday");
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.err().lines()).hasSize(1);

        var option = run("audit", "verify", "--fast");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err().lines()).hasSize(1);

        var help = run("audit", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("verify", "export", "benchmark");

        var nothing = run("audit");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("verify or export");
    }
}
