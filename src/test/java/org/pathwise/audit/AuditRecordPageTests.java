package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pathwise.DoorTests;
import org.pathwise.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit record's page, over the sample library: each retrieved passage opens where it stands in its document, and
 * a citation shows the passage it quotes.
 */
class AuditRecordPageTests extends DoorTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(HttpRequest.Builder request, String basicUser) throws Exception {
        var basic = Base64.getEncoder()
                .encodeToString((basicUser + ":a long test password").getBytes(StandardCharsets.UTF_8));
        return http.send(
                request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRecordShowsItsPassagesCitationsAndEvidence() throws Exception {
        token("record-asker", Role.EDUCATOR);
        token("record-reader", Role.RESEARCHER);
        var asked = json.readTree(send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"question\":\"What contrast ratio does WCAG require for normal text?\"}")),
                        "record-asker")
                .body());
        var records = json.readTree(send(
                        HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/audit/records?order=newest&limit=20")),
                        "record-reader")
                .body());
        String record = null;
        for (var summary : records.get("records")) {
            if (asked.get("interaction")
                    .asString()
                    .equals(summary.get("interaction").asString())) {
                record = summary.get("id").asString();
            }
        }
        assertThat(record).isNotNull();

        var page = org.jsoup.Jsoup.parse(send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit/records/" + record)),
                        "record-reader")
                .body());

        var retrieved = page.select("a.retrieved");
        assertThat(retrieved).isNotEmpty();
        assertThat(retrieved.first().attr("href")).matches("/library/documents/[^#]+#p\\d+");
        assertThat(page.select("blockquote.cited-passage").first().text())
                .isEqualTo(asked.get("citations")
                        .get(0)
                        .get("passage")
                        .asString()
                        .replaceAll("\\s+", " ")
                        .strip());
    }
}
