package org.pathwise.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract against Ollama's chat protocol: {@code POST /api/chat}, a JSON reply with {@code message.content}, or
 * newline-delimited JSON objects, the last with {@code "done":true}.
 */
class OllamaProtocolTest extends LanguageModelContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    AssistantProperties.Provider provider() {
        return AssistantProperties.Provider.OLLAMA;
    }

    @Override
    String baseUrl(String root) {
        return root;
    }

    @Override
    String chatPath() {
        return "/api/chat";
    }

    @Override
    String reportedModel() {
        return "test-model";
    }

    @Override
    ResponseDefinitionBuilder reply(String text) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"model\":\"test-model\",\"created_at\":\"2025-01-01T00:00:00.000000Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(text) + "},"
                        + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1000,\"prompt_eval_count\":120,"
                        + "\"eval_count\":20}");
    }

    @Override
    ResponseDefinitionBuilder streamedReply(List<String> pieces) {
        var body = new StringBuilder();
        for (var piece : pieces) {
            body.append("{\"model\":\"test-model\",\"created_at\":\"2025-01-01T00:00:00.000000Z\",\"message\":")
                    .append("{\"role\":\"assistant\",\"content\":")
                    .append(JSON.writeValueAsString(piece))
                    .append("},\"done\":false}\n");
        }
        body.append("{\"model\":\"test-model\",\"created_at\":\"2025-01-01T00:00:01.000000Z\",\"message\":")
                .append("{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,")
                .append("\"total_duration\":1000,\"prompt_eval_count\":120,\"eval_count\":20}\n");
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(body.toString());
    }
}
