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

/**
 * The Ask page's abstention names the closest documents by their titles, linked to their pages, not by file path; a
 * question narrowed on the page to a language is answered from documents in that language only.
 */
class AskPageTests extends DoorTests {

    @Test
    void anAbstentionLinksTheClosestDocumentsByTitle() throws Exception {
        token("page-asker", Role.EDUCATOR);

        var page = ask("page-asker", "What is the boiling point of liquid nitrogen in kelvin?", "");

        var closest = org.jsoup.Jsoup.parse(page).select("ul.closest li");
        assertThat(closest).isNotEmpty();
        for (var item : closest) {
            var link = item.selectFirst("a");
            assertThat(link).as(item.outerHtml()).isNotNull();
            assertThat(link.attr("href")).startsWith("/library/documents/");
            assertThat(link.text()).doesNotEndWith(".md").isNotBlank();
        }
    }

    @Test
    void aQuestionNarrowedToALanguageCitesOnlyThatLanguageAndTheFormKeepsTheChoice() throws Exception {
        token("narrow-asker", Role.EDUCATOR);
        var question = "What contrast ratio does WCAG require for normal text?";

        var open = org.jsoup.Jsoup.parse(ask("narrow-asker", question, ""));
        var narrowed = org.jsoup.Jsoup.parse(ask("narrow-asker", question, "es"));

        assertThat(open.select("a.citation").eachAttr("lang")).contains("en");
        assertThat(narrowed.select("a.citation").eachAttr("lang")).allMatch("es"::equals);
        assertThat(narrowed.select("select[name=language] option[selected]").eachAttr("value"))
                .containsExactly("es");
        assertThat(narrowed.selectFirst("details.ask-filters").hasAttr("open")).isTrue();
        assertThat(open.selectFirst("details.ask-filters").hasAttr("open")).isFalse();
        assertThat(open.select("select[name=course] option").eachAttr("value")).hasSizeGreaterThan(1);
    }

    private String ask(String user, String question, String language) throws Exception {
        var basic =
                Base64.getEncoder().encodeToString((user + ":a long test password").getBytes(StandardCharsets.UTF_8));
        var form = "question=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&language=" + language;
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
        return response.body();
    }
}
