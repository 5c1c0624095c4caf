package org.pathwise.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract against the OpenAI chat-completions protocol (also spoken by vLLM, LM Studio and llama.cpp's server):
 * {@code POST /v1/chat/completions}, a JSON reply with {@code choices[0].message.content}, or server-sent events of
 * {@code chat.completion.chunk}s ending with {@code data: [DONE]}.
 */
class OpenAiProtocolTest extends LanguageModelContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    AssistantProperties.Provider provider() {
        return AssistantProperties.Provider.OPENAI;
    }

    @Override
    String baseUrl(String root) {
        return root + "/v1";
    }

    @Override
    String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    String reportedModel() {
        return "test-model-2025-01-01";
    }

    @Override
    ResponseDefinitionBuilder reply(String text) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1735689600,\"model\":\""
                        + reportedModel() + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":" + JSON.writeValueAsString(text) + "},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":20,\"total_tokens\":140}}");
    }

    @Override
    ResponseDefinitionBuilder streamedReply(List<String> pieces) {
        var body = new StringBuilder();
        for (var piece : pieces) {
            body.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,")
                    .append("\"model\":\"")
                    .append(reportedModel())
                    .append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(JSON.writeValueAsString(piece))
                    .append("},\"finish_reason\":null}]}\n\n");
        }
        body.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,")
                .append("\"model\":\"")
                .append(reportedModel())
                .append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                .append("data: [DONE]\n\n");
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body.toString());
    }

    @Test
    void sendsTheApiKeyAsABearerToken() {
        stub(reply("Normal text needs 4.5 to 1 [2]."));

        composer(0).compose(Requests.of(QUESTION, "en", hits));

        server.verify(postRequestedFor(urlEqualTo(chatPath())).withHeader("Authorization", equalTo("Bearer test-key")));
    }
}
