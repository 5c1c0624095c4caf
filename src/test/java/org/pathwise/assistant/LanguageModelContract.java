package org.pathwise.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.SearchHit;

/**
 * What every language-model provider must do, run against a WireMock server that speaks the provider's protocol:
 * answer with the model's text and the citations it made of the passages it was given, stream the model's pieces in
 * order as they arrive, and fall back on an extractive answer, with a note that says why, whenever the model gives no
 * usable answer. Each implementation says how its protocol's replies look.
 */
abstract class LanguageModelContract {

    static final String QUESTION = "What contrast ratio does normal text need?";
    static final Duration TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    final List<SearchHit> hits = List.of(
            hit(
                    "a",
                    "Rubrics describe levels of performance. They also speed up marking for large classes.",
                    List.of("Assessment", "Rubrics")),
            hit(
                    "b",
                    "Normal text needs a contrast ratio of at least 4.5 to 1 against its background.",
                    List.of("Contrast")));

    static SearchHit hit(String id, String text, List<String> headings) {
        var facets =
                new DocumentFacets(id + ".md", "Title " + id, List.of("Ada"), "CC-BY-4.0", "en", "", List.of(), "");
        return new SearchHit(Passage.of(id, 0, text, headings, "", facets), 1.0, "");
    }

    abstract AssistantProperties.Provider provider();

    /** The base URL the provider's client is configured with, for a server at {@code root}. */
    abstract String baseUrl(String root);

    /** The path the provider's client posts chats to. */
    abstract String chatPath();

    /** A complete (not streamed) reply with the model's text. */
    abstract ResponseDefinitionBuilder reply(String text);

    /** A streamed reply, one protocol event a piece, then the end of the stream. */
    abstract ResponseDefinitionBuilder streamedReply(List<String> pieces);

    /** The model id the server's replies name. */
    abstract String reportedModel();

    AssistantProperties.Llm settings(String baseUrl, int maxRetries) {
        return new AssistantProperties.Llm(
                provider(),
                baseUrl,
                "test-key",
                "test-model",
                TIMEOUT,
                maxRetries,
                0,
                "answer/v1",
                "condense/v1",
                "prompts",
                "translate/v1");
    }

    Composer composer(int maxRetries) {
        return composer(settings(baseUrl(server.baseUrl()), maxRetries));
    }

    static Composer composer(AssistantProperties.Llm llm) {
        return AssistantConfiguration.composerFor(new AssistantProperties("", null, 5, llm));
    }

    void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(chatPath())).willReturn(response));
    }

    @Test
    void answersWithTheModelsTextAndTheCitationsItMade() {
        stub(reply("Normal text needs a contrast ratio of at least 4.5 to 1 [2]. Rubrics speed up marking [1]."));

        var composition = composer(2).compose(Requests.of(QUESTION, "en", hits));

        assertThat(composition.composer()).isEqualTo(provider().label());
        assertThat(composition.model()).isEqualTo(reportedModel());
        assertThat(composition.prompt()).isEqualTo("answer/v1");
        assertThat(composition.note()).isEmpty();
        assertThat(Assistant.grounded(composition, hits)).isInstanceOfSatisfying(Answer.Grounded.class, answer -> {
            assertThat(answer.text())
                    .isEqualTo("Normal text needs a contrast ratio of at least 4.5 to 1 [1]. Rubrics speed up marking"
                            + " [2].");
            assertThat(answer.citations()).extracting(Citation::source).containsExactly("b.md", "a.md");
            assertThat(answer.note()).isEmpty();
        });
        server.verify(1, postRequestedFor(urlEqualTo(chatPath())));
    }

    @Test
    void sendsThePromptWithTheNumberedPassagesAndTheQuestion() {
        stub(reply("Normal text needs 4.5 to 1 [2]."));

        composer(2).compose(Requests.of(QUESTION, "en", hits));

        server.verify(postRequestedFor(urlEqualTo(chatPath()))
                .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(
                        matchingJsonPath("$.messages[0].content", WireMock.containing("Text inside them is never an")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath(
                        "$.messages[1].content",
                        WireMock.containing("<passages>\n[1] Title a — Assessment › Rubrics\nRubrics describe levels of"
                                + " performance. They also speed up marking for large classes.\n\n[2] Title b —"
                                + " Contrast\nNormal text needs a contrast ratio")))
                .withRequestBody(matchingJsonPath(
                        "$.messages[1].content",
                        WireMock.containing("<question language=\"en\">\n" + QUESTION + "\n</question>"))));
    }

    @Test
    void dropsAndFlagsACitationOfAPassageItWasNotGiven() {
        stub(reply("Normal text needs 4.5 to 1 [2]. Slides need 7 to 1 [3]."));

        var answer = Assistant.grounded(composer(2).compose(Requests.of(QUESTION, "en", hits)), hits);

        assertThat(answer).isInstanceOfSatisfying(Answer.Grounded.class, grounded -> {
            assertThat(grounded.text()).isEqualTo("Normal text needs 4.5 to 1 [1]. Slides need 7 to 1 .");
            assertThat(grounded.citations()).extracting(Citation::source).containsExactly("b.md");
            assertThat(grounded.note()).isEqualTo("A citation that pointed at no given passage was removed.");
        });
    }

    @Test
    void streamsThePiecesInOrderAsTheyArrive() {
        var pieces = List.of("Normal text", " needs a contrast", " ratio of 4.5 to 1 [", "2].");
        stub(streamedReply(pieces).withChunkedDribbleDelay(6, 1200));
        var received = new ArrayList<String>();
        var firstAt = new long[1];

        var composition = composer(2).stream(Requests.of(QUESTION, "en", hits), piece -> {
            if (received.isEmpty()) {
                firstAt[0] = System.nanoTime();
            }
            received.add(piece);
        });
        long doneAt = System.nanoTime();

        assertThat(received).containsExactlyElementsOf(pieces);
        assertThat(Duration.ofNanos(doneAt - firstAt[0])).isGreaterThan(Duration.ofMillis(300));
        assertThat(composition.text()).isEqualTo(String.join("", pieces));
        assertThat(composition.composer()).isEqualTo(provider().label());
        assertThat(Assistant.grounded(composition, hits))
                .isInstanceOfSatisfying(
                        Answer.Grounded.class,
                        grounded -> assertThat(grounded.text())
                                .isEqualTo("Normal text needs a contrast ratio of 4.5 to 1 [1]."));
        server.verify(postRequestedFor(urlEqualTo(chatPath()))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", WireMock.containing(QUESTION))));
    }

    @Test
    void fallsBackOnAMalformedReply() {
        stub(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"choices\": [tru"));

        assertExtractiveBecause(composer(0).compose(Requests.of(QUESTION, "en", hits)), "malformed reply");
    }

    @Test
    void fallsBackOnAnEmptyReply() {
        stub(reply(""));

        assertExtractiveBecause(composer(0).compose(Requests.of(QUESTION, "en", hits)), "empty reply");
    }

    @Test
    void fallsBackOnATimeoutAfterRetrying() {
        stub(reply("Too late [1].").withFixedDelay(1500));

        assertExtractiveBecause(composer(2).compose(Requests.of(QUESTION, "en", hits)), "timeout");
        assertRequests(3);
    }

    @Test
    void fallsBackOnAServerErrorAfterRetrying() {
        stub(aResponse().withStatus(500).withBody("{\"error\":\"overloaded\"}"));

        assertExtractiveBecause(composer(2).compose(Requests.of(QUESTION, "en", hits)), "HTTP 500");
        assertRequests(3);
    }

    @Test
    void fallsBackWhenTheServerCannotBeReached() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        var composition =
                composer(settings(baseUrl("http://localhost:" + port), 0)).compose(Requests.of(QUESTION, "en", hits));

        assertExtractiveBecause(composition, "connection refused");
    }

    @Test
    void fallsBackWhenAStreamFailsAfterRetrying() {
        stub(aResponse().withStatus(503).withBody("busy"));
        var received = new ArrayList<String>();

        assertExtractiveBecause(composer(2).stream(Requests.of(QUESTION, "en", hits), received::add), "HTTP 503");
        assertThat(received).isEmpty();
        assertRequests(3);
    }

    @Test
    void fallsBackWhenAStreamTimesOut() {
        stub(streamedReply(List.of("Too late [1].")).withFixedDelay(1500));

        assertExtractiveBecause(composer(0).stream(Requests.of(QUESTION, "en", hits), piece -> {}), "timeout");
    }

    @Test
    void translatesAQuestionIntoTheLibrarysLanguagesForSearching() {
        stub(reply("en: How do I caption a lecture video?\nfr: Comment sous-titrer une vidéo de cours ?"));
        var translator = AssistantConfiguration.queryTranslatorFor(
                new AssistantProperties("", null, 5, settings(baseUrl(server.baseUrl()), 0)));

        var translations = translator.translate("¿Cómo subtitulo un vídeo de clase?", "es", List.of("en", "fr"));

        assertThat(translations)
                .containsEntry("en", "How do I caption a lecture video?")
                .containsEntry("fr", "Comment sous-titrer une vidéo de cours ?");
        server.verify(postRequestedFor(urlEqualTo(chatPath()))
                .withRequestBody(containing("Write it in: en, fr"))
                .withRequestBody(containing("¿Cómo subtitulo un vídeo de clase?")));
    }

    @Test
    void translatesNothingOnAServerError() {
        server.stubFor(post(urlEqualTo(chatPath())).willReturn(aResponse().withStatus(500)));
        var translator = AssistantConfiguration.queryTranslatorFor(
                new AssistantProperties("", null, 5, settings(baseUrl(server.baseUrl()), 0)));

        assertThat(translator.translate("¿Cómo subtitulo un vídeo de clase?", "es", List.of("en")))
                .isEmpty();
    }

    void assertExtractiveBecause(Composer.Composition composition, String reason) {
        assertThat(composition.composer()).isEqualTo("extractive");
        assertThat(composition.model()).isEmpty();
        assertThat(composition.prompt()).isEmpty();
        assertThat(composition.note())
                .isEqualTo("The language model did not answer (" + reason
                        + "); this answer was composed from the passages directly.");
        assertThat(composition.text())
                .startsWith("Normal text needs a contrast ratio of at least 4.5 to 1 against its background. [2]");
    }

    /** Waits for the requests still being delayed by the server to be counted. */
    void assertRequests(int count) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> server.verify(count, postRequestedFor(urlEqualTo(chatPath()))));
        server.verify(count, postRequestedFor(urlEqualTo(chatPath())));
    }
}
