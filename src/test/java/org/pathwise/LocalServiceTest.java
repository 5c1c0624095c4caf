package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
    void encodesWhatACommandPrintedOnStandardErrorForAHeader() {
        assertThat(LocalService.encodeError("pathwise: ¿k? 0\n")).isEqualTo("pathwise%3A%20%C2%BFk%3F%200%0A");
    }
}
