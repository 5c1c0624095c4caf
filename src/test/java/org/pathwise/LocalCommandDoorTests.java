package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service that holds its data directory runs the command line's searches and questions on that directory, for the
 * command line on this machine that can read the directory's secret, and nothing else for anyone else.
 */
class LocalCommandDoorTests extends DoorTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    LocalCommandDoor door;

    /**
     * The service announces itself once, when it is ready; but the server-mode variant of the LTI tests runs a second
     * service on this data directory, which replaces the file with its own and removes it when it stops. So each test
     * starts from this service's announcement, as after its start.
     */
    @BeforeEach
    void announced() {
        door.announce();
    }

    private LocalService.Endpoint endpoint() {
        return LocalService.find(dataDir()).orElseThrow();
    }

    @Test
    void theServiceSaysWhereItListensInAFileOfItsDataDirectoryThatOnlyItsOwnerReads() throws Exception {
        var file = dataDir().resolve(LocalService.FILE);

        assertThat(endpoint().url()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void theCommandLineSearchesAndAsksThroughTheServiceThatHoldsTheDataDirectory() {
        var search = CliRun.inDataDir(dataDir(), "search", "colour contrast", "--k", "3");
        var ask = CliRun.inDataDir(dataDir(), "ask", "How do I check colour contrast?");

        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).startsWith(" 1. ").contains("inclusion/accessible-course-materials.md");
        assertThat(ask.code()).as(ask.err()).isZero();
        assertThat(ask.out()).contains("[1] inclusion/accessible-course-materials.md");
    }

    @Test
    void aUsageErrorComesBackAsALocalRunWouldGiveIt() {
        var run = CliRun.inDataDir(dataDir(), "search", "colour contrast", "--k", "0");

        assertThat(run.code()).isEqualTo(CliCommand.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("pathwise search: k must be between 1 and 1000, got 0" + System.lineSeparator());
    }

    @Test
    void theLauncherScriptSpeaksToTheServiceWithCurl() throws Exception {
        var script = Path.of("bin/pathwise").toAbsolutePath().toString();
        var search = new ProcessBuilder(
                        "bash", script, "--data-dir", dataDir().toString(), "search", "colour \"contrast\"", "--k", "2")
                .start();
        var refused = new ProcessBuilder("bash", script, "--data-dir=" + dataDir(), "search", "contraste", "--k", "0")
                .start();

        assertThat(search.waitFor()).isZero();
        assertThat(new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith(" 1. ")
                .contains(" 2. ")
                .doesNotContain(" 3. ");
        assertThat(refused.waitFor()).isEqualTo(CliCommand.USAGE);
        assertThat(new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("pathwise search: k must be between 1 and 1000, got 0\n");
    }

    @Test
    void theServiceProvesItKnowsTheSecret() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LocalService.PATH))
                .header("Content-Type", "application/json")
                .header(LocalService.TOKEN_HEADER, endpoint().token())
                .header(LocalService.NONCE_HEADER, "a-nonce")
                .POST(HttpRequest.BodyPublishers.ofString("[\"search\",\"contrast\",\"--k\",\"1\"]"))
                .build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(LocalService.PROOF_HEADER))
                .hasValue(LocalService.proof(endpoint().token(), "a-nonce"));
        assertThat(response.headers().firstValue(LocalService.EXIT_HEADER)).hasValue("0");
    }

    @Test
    void theDoorRunsNothingForARequestThatAProxyOnThisMachineForwards() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LocalService.PATH))
                .header("Content-Type", "application/json")
                .header(LocalService.TOKEN_HEADER, endpoint().token())
                .header("X-Forwarded-For", "203.0.113.5")
                .POST(HttpRequest.BodyPublishers.ofString("[\"search\",\"contrast\"]"))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theDoorRunsNothingWithoutTheSecretNorAnyOtherCommand() throws Exception {
        var wrong = post("[\"search\",\"contrast\"]", "x".repeat(43));
        var ingest = post("[\"ingest\",\"/tmp\"]", endpoint().token());
        var none = post("[\"search\",\"contrast\"]", null);

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.body()).contains("secret");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(ingest.statusCode()).isEqualTo(400);
        assertThat(ingest.body()).contains("[search, ask]");
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LocalService.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(LocalService.TOKEN_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
