package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServiceTest {

    private static final String TOKEN = "nN0gwEQksIq9eD_1h59tA5el1q5TRVtLuqNRT-xG3yI";

    @Test
    void readsTheFileItsServiceWroteAndNothingElse() {
        var endpoint = new LocalService.Endpoint(URI.create("http://127.0.0.1:8093"), TOKEN);

        assertThat(LocalService.Endpoint.parse(endpoint.json())).hasValue(endpoint);
        assertThat(LocalService.Endpoint.parse("{\"url\":\"http://example.org:80\",\"token\":\"" + TOKEN + "\"}"))
                .isEmpty();
        assertThat(LocalService.Endpoint.parse("{\"url\":\"http://127.0.0.1:8093\",\"token\":\"short\"}"))
                .isEmpty();
        assertThat(LocalService.Endpoint.parse("not json")).isEmpty();
    }

    @Test
    void findsNoServiceWhereThereIsNoFile(@TempDir Path dir) throws Exception {
        assertThat(LocalService.find(dir)).isEmpty();

        Files.writeString(
                dir.resolve(LocalService.FILE), "{\"url\":\"http://127.0.0.1:1\",\"token\":\"" + TOKEN + "\"}");

        assertThat(LocalService.find(dir)).isPresent();
    }

    @Test
    void sendsTheArgumentsAsAJsonArrayOfStrings() {
        assertThat(LocalService.jsonArray(List.of("search", "a \"quoted\" \\ path\nnext", "é ¿qué?")))
                .isEqualTo("[\"search\",\"a \\\"quoted\\\" \\\\ path\\u000anext\",\"é ¿qué?\"]");
        assertThat(LocalService.jsonArray(List.of())).isEqualTo("[]");
    }

    @Test
    void takesNoAnswerWithoutTheProofThatItComesFromTheServiceThatKnowsTheSecret() throws Exception {
        var impostor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        impostor.createContext(LocalService.PATH, exchange -> {
            exchange.getResponseHeaders().add(LocalService.EXIT_HEADER, "0");
            exchange.getResponseHeaders().add(LocalService.PROOF_HEADER, "0".repeat(64));
            var body = "made up\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        impostor.start();
        try {
            var endpoint = new LocalService.Endpoint(
                    URI.create("http://127.0.0.1:" + impostor.getAddress().getPort()), TOKEN);
            var out = new StringWriter();

            var exit = LocalService.forward(
                    endpoint, List.of("search", "contrast"), new PrintWriter(out), new PrintWriter(new StringWriter()));

            assertThat(exit).isEmpty();
            assertThat(out.toString()).isEmpty();
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void runsTheCommandHereWhenNothingListensWhereTheFileSays() {
        var endpoint = new LocalService.Endpoint(URI.create("http://127.0.0.1:1"), TOKEN);

        assertThat(LocalService.forward(
                        endpoint,
                        List.of("search", "contrast"),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter())))
                .isEmpty();
    }

    @Test
    void theProofIsTheHashOfTheSecretAndTheNonceAsSha256sumPrintsIt() {
        // printf '%s:%s' "$TOKEN" abc | sha256sum
        assertThat(LocalService.proof(TOKEN, "abc"))
                .isEqualTo("96e33d3c73d3ad1b481ace35eceb9f98079d6c823fa8088b2e385b84dccc0831");
    }

    @Test
    void encodesWhatACommandPrintedOnStandardErrorForAHeader() {
        assertThat(LocalService.encodeError("pathwise: ¿k? 0\n")).isEqualTo("pathwise%3A%20%C2%BFk%3F%200%0A");
    }
}
