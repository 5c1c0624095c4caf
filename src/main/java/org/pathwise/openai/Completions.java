package org.pathwise.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.pathwise.assistant.AskResponse;

/**
 * An answer in the shapes of OpenAI's chat-completions protocol: a whole completion, or the chunks of a streamed one.
 * The content is the answer as a reader sees it (its text, then its numbered references and the AI disclosure);
 * refusals and abstentions are ordinary assistant messages that say so. The whole answer as {@code /api/ask} gives it
 * (citations, verdicts, outcome) travels in an extra {@code pathwise} member, which OpenAI's clients ignore.
 */
final class Completions {

    private Completions() {}

    /** A whole completion. */
    record Completion(
            String id,
            String object,
            long created,
            String model,
            List<Choice> choices,
            Usage usage,
            AskResponse pathwise) {}

    record Choice(
            int index,
            Reply message,
            @JsonProperty("finish_reason") String finishReason) {}

    record Reply(String role, String content) {}

    /**
     * Sizes in words: Pathwise does not tokenise as OpenAI's models do, and its clients only show or add these up.
     */
    record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {}

    /** One chunk of a streamed completion; the last one carries the finish reason and the whole answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(
            String id, String object, long created, String model, List<ChunkChoice> choices, AskResponse pathwise) {}

    record ChunkChoice(
            int index,
            Delta delta,
            @JsonProperty("finish_reason") String finishReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {}

    static Completion completion(String model, long created, AskResponse response, String prompt) {
        var content = response.readable();
        int promptWords = words(prompt);
        int completionWords = words(content);
        return new Completion(
                "chatcmpl-" + response.interaction(),
                "chat.completion",
                created,
                model,
                List.of(new Choice(0, new Reply("assistant", content), "stop")),
                new Usage(promptWords, completionWords, promptWords + completionWords),
                response);
    }

    /**
     * The chunks of a streamed completion: the role, the content a word at a time (with the space that follows each
     * word, so that the pieces join to the content), then an empty delta with the finish reason and the answer.
     */
    static List<Chunk> chunks(String model, long created, AskResponse response) {
        var id = "chatcmpl-" + response.interaction();
        var chunks = new ArrayList<Chunk>();
        chunks.add(chunk(id, model, created, new Delta("assistant", ""), null, null));
        for (var piece : response.readable().split("(?<=\\s)")) {
            chunks.add(chunk(id, model, created, new Delta(null, piece), null, null));
        }
        chunks.add(chunk(id, model, created, new Delta(null, null), "stop", response));
        return chunks;
    }

    private static Chunk chunk(
            String id, String model, long created, Delta delta, String finishReason, AskResponse response) {
        return new Chunk(
                id,
                "chat.completion.chunk",
                created,
                model,
                List.of(new ChunkChoice(0, delta, finishReason)),
                response);
    }

    private static int words(String text) {
        var stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
