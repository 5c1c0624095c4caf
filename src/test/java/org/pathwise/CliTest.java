package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The command line's contract: its JSON shapes and exit codes, run in-process with the real embedding model. */
class CliTest {

    @TempDir
    Path data;

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder().build();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everyCommandBeanIsNamedSoThatTheCatalogueReadsIt() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(Cli.COMMAND_BEAN);
        var commands = scanner.findCandidateComponents(Cli.class.getPackageName()).stream()
                .map(org.springframework.beans.factory.config.BeanDefinition::getBeanClassName)
                .toList();

        assertThat(commands)
                .hasSizeGreaterThan(15)
                .allSatisfy(name -> assertThat(name)
                        .as("the catalogue reads only classes named *%s", Cli.COMMAND_SUFFIX)
                        .endsWith(Cli.COMMAND_SUFFIX));
    }

    @Test
    void ingestsReportsAsJsonAndSearchesFromTheCommandLine() throws Exception {
        Files.writeString(folder.resolve("feedback.md"), "# Feedback\n\nFeed-forward tells students what to do next.");
        Files.writeString(folder.resolve("notes.odt"), "not supported");

        var first = run("--data-dir", data.toString(), "ingest", folder.toString(), "--json");

        assertThat(first.code()).as(first.err() + first.out()).isEqualTo(1);
        var report = json.readTree(first.out());
        assertThat(report.get("indexed").asInt()).as(first.out()).isEqualTo(1);
        assertThat(report.get("unchanged").asInt()).isZero();
        assertThat(report.get("removed").asInt()).isZero();
        assertThat(report.get("failed").get(0).get("source").asString()).isEqualTo("notes.odt");
        assertThat(report.get("failed").get(0).get("reason").asString()).contains(".odt");

        Files.delete(folder.resolve("notes.odt"));
        var second = run("--data-dir", data.toString(), "ingest", folder.toString(), "--json", "--prune");

        assertThat(second.code()).isZero();
        assertThat(json.readTree(second.out()).get("unchanged").asInt()).isEqualTo(1);

        var search = run("--data-dir", data.toString(), "search", "what to do next", "--k", "3", "--json");

        assertThat(search.code()).isZero();
        var hit = json.readTree(search.out()).get("hits").get(0);
        assertThat(hit.get("source").asString()).isEqualTo("feedback.md");
        assertThat(hit.get("title").asString()).isEqualTo("Feedback");
        assertThat(hit.get("heading").asString()).isEqualTo("Feedback");
        assertThat(hit.get("position").asString()).isEqualTo("#feedback");
        assertThat(hit.get("language").asString()).isEqualTo("en");
        assertThat(hit.get("score").isNumber()).isTrue();
        assertThat(hit.has("licence")).isTrue();
        assertThat(hit.has("snippet")).isTrue();
    }

    @Test
    void asksFromTheCommandLineWithTheJsonShapeOfTheContract() throws Exception {
        Files.writeString(
                folder.resolve("captions.md"),
                "---\nlicence: CC-BY-4.0\nauthors: [Lena Ortiz]\n---\n# Captions\n\n"
                        + "Captions help deaf and hard of hearing students follow recorded lectures. "
                        + "Automatic captions must be corrected before a video is published.");
        assertThat(run("--data-dir", data.toString(), "ingest", folder.toString())
                        .code())
                .isZero();

        var asked = run("--data-dir", data.toString(), "ask", "Who do captions help in recorded lectures?", "--json");

        assertThat(asked.code()).as(asked.err()).isZero();
        var answer = json.readTree(asked.out());
        assertThat(answer.get("outcome").asString()).isEqualTo("answered");
        assertThat(answer.get("answer").asString()).contains("[1]");
        var citation = answer.get("citations").get(0);
        assertThat(citation.get("source").asString()).isEqualTo("captions.md");
        assertThat(citation.get("title").asString()).isEqualTo("Captions");
        assertThat(citation.get("position").asString()).isEqualTo("#captions");
        assertThat(citation.get("licence").asString()).isEqualTo("CC-BY-4.0");
        assertThat(citation.get("attribution").asString())
                .contains("Lena Ortiz")
                .contains("CC-BY-4.0");
        assertThat(citation.get("score").isNumber()).isTrue();
        assertThat(answer.get("verdicts").isArray()).isTrue();
    }

    @Test
    void aDataDirectoryHeldByARunningServiceIsNamedWithWhatToDoInstead() {
        var locked = new IllegalStateException(
                "Failed to initialize pool",
                new java.sql.SQLException("Database may be already in use: The file is locked", "90020", 90020));

        var message = Cli.failure(new RuntimeException("can't create bean", locked), Path.of("/srv/pathwise"));

        assertThat(message)
                .contains("/srv/pathwise is in use by another process")
                .contains("--data-dir")
                .contains("--url");
        assertThat(message.lines()).hasSize(1);
        assertThat(Cli.failure(new RuntimeException("outer", new IllegalArgumentException("inner")), null))
                .isEqualTo("inner");
    }

    @Test
    void helpListsTheModulesCommandsWithoutStartingTheApplication() {
        var help = run("--data-dir", data.toString(), "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("ingest", "search", "ask", "eval", "audit", "plan", "migrate", "load-test");
        assertThat(help.out().lines().filter(line -> line.startsWith("  audit ")))
                .hasSize(1);
        assertThat(data).isEmptyDirectory();
        var audit = run("--data-dir", data.toString(), "audit", "--help");
        assertThat(audit.out()).contains("verify", "export", "benchmark");
        // the audit benchmark is a tool's command that joins the audit module's as a sub-command, and only there
        var benchmark = run("--data-dir", data.toString(), "audit", "benchmark", "--help");
        assertThat(benchmark.out()).contains("Usage: pathwise audit benchmark", "--appends");
        assertThat(help.out().lines().filter(line -> line.startsWith("  benchmark")))
                .isEmpty();
        var search = run("--data-dir", data.toString(), "search", "--help");
        assertThat(search.code()).isZero();
        assertThat(search.out()).contains("Usage: pathwise search", "--mode");
    }

    @Test
    void theDataDirectoryGivenOnTheCommandLineIsTheOneMadePrivate() throws Exception {
        var given = data.resolve("given");

        var verified = run("--data-dir", given.toString(), "audit", "verify", "--json");

        assertThat(verified.code()).as(verified.err()).isZero();
        // the store's set-up reads the directory before the application starts; it used to see ./data instead
        assertThat(java.nio.file.Files.getPosixFilePermissions(given))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void exitsWith2AndOneLineOnAUsageError() {
        var unknown = run("search");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);

        var badMode = run("--data-dir", data.toString(), "search", "x", "--mode", "fuzzy");
        assertThat(badMode.code()).isEqualTo(2);
        assertThat(badMode.err()).contains("--mode").contains("fuzzy");
        // the command line was checked before the application started: nothing was created
        assertThat(data).isEmptyDirectory();

        var missing = run(
                "--data-dir", data.toString(), "ingest", folder.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a folder");

        var frobnicate = run("frobnicate");
        assertThat(frobnicate.code()).as(frobnicate.err() + frobnicate.out()).isEqualTo(2);
    }

    @Test
    void serveTakesAPortAndRefusesWhatItDoesNotKnowInsteadOfServingOnTheDefaultPort() {
        var help = run("--data-dir", data.toString(), "serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: pathwise serve", "--port");

        var unknown = run("--data-dir", data.toString(), "serve", "--server.port=9000");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("--server.port=9000", "--port");

        var outOfRange = run("--data-dir", data.toString(), "serve", "--port", "70000");
        assertThat(outOfRange.code()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("between 1 and 65535", "70000");

        var notANumber = run("--data-dir", data.toString(), "serve", "--port", "http");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--port");
        assertThat(data).isEmptyDirectory();
    }
}
