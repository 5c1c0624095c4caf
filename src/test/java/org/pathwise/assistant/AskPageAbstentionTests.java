package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.pathwise.DoorTests;
import org.pathwise.security.Role;

/** The Ask page's abstention names the closest documents by their titles, linked to their pages, not by file path. */
class AskPageAbstentionTests extends DoorTests {

    @Test
    void anAbstentionLinksTheClosestDocumentsByTitle() throws Exception {
        token("page-asker", Role.EDUCATOR);
        var basic =
                Base64.getEncoder().encodeToString("page-asker:a long test password".getBytes(StandardCharsets.UTF_8));
        var form = "question="
                + URLEncoder.encode("What is the boiling point of liquid nitrogen in kelvin?", StandardCharsets.UTF_8);

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ask"))
                                .header("Authorization", "Basic " + basic)
                                .header("HX-Request", "true")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var closest = org.jsoup.Jsoup.parse(response.body()).select("ul.closest li");
        assertThat(closest).isNotEmpty();
        for (var item : closest) {
            var link = item.selectFirst("a");
            assertThat(link).as(item.outerHtml()).isNotNull();
            assertThat(link.attr("href")).startsWith("/library/documents/");
            assertThat(link.text()).doesNotEndWith(".md").isNotBlank();
        }
    }
}
